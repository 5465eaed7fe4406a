import { registerEnumType } from 'type-graphql';

export enum CourtType {
  COUR_APPEL = 'COUR_APPEL',
  TRIBUNAL_SUPERIEUR_APPEL = 'TRIBUNAL_SUPERIEUR_APPEL',
  TRIBUNAL_JUDICIAIRE = 'TRIBUNAL_JUDICIAIRE',
  TRIBUNAL_PREMIERE_INSTANCE = 'TRIBUNAL_PREMIERE_INSTANCE',
  TRIBUNAL_PROXIMITE = 'TRIBUNAL_PROXIMITE',
  CONSEIL_PRUDHOMMES = 'CONSEIL_PRUDHOMMES',
  TRIBUNAL_TRAVAIL = 'TRIBUNAL_TRAVAIL',
  TRIBUNAL_COMMERCE = 'TRIBUNAL_COMMERCE',
}

registerEnumType(CourtType, {
  name: 'CourtType',
  description: 'Kind of court (juridiction) in the SRJ.',
  valuesConfig: {
    COUR_APPEL: { description: "Cour d'appel." },
    TRIBUNAL_SUPERIEUR_APPEL: { description: "Tribunal supérieur d'appel (Saint-Pierre-et-Miquelon)." },
    TRIBUNAL_JUDICIAIRE: { description: 'Tribunal judiciaire (ex-TGI).' },
    TRIBUNAL_PREMIERE_INSTANCE: { description: 'Tribunal de première instance (Pacific territories).' },
    TRIBUNAL_PROXIMITE: { description: 'Tribunal de proximité, a detached chamber of a tribunal judiciaire.' },
    CONSEIL_PRUDHOMMES: { description: "Conseil de prud'hommes (labour court)." },
    TRIBUNAL_TRAVAIL: { description: 'Tribunal du travail (Pacific territories).' },
    TRIBUNAL_COMMERCE: { description: 'Tribunal de commerce.' },
  },
});
