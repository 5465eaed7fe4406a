import { registerEnumType } from 'type-graphql';

export enum LegalTextKind {
  CODE = 'CODE',
  LOI = 'LOI',
  ORDONNANCE = 'ORDONNANCE',
  DECRET = 'DECRET',
  DECRET_LOI = 'DECRET_LOI',
  ARRETE = 'ARRETE',
  REGLEMENT_UE = 'REGLEMENT_UE',
  DIRECTIVE_UE = 'DIRECTIVE_UE',
  DECISION = 'DECISION',
  CONVENTION = 'CONVENTION',
  OTHER = 'OTHER',
}

export enum LegalRole {
  DEFINES = 'DEFINES',
  PUNISHES = 'PUNISHES',
}

registerEnumType(LegalTextKind, { name: 'LegalTextKind', description: 'Kind of legal text an article belongs to.' });
registerEnumType(LegalRole, { name: 'LegalRole', description: 'DEFINES: "Définie par"; PUNISHES: "Réprimée par".' });
