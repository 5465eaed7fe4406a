import { registerEnumType } from 'type-graphql';

export enum ReferentialDomain {
  CIVIL = 'CIVIL',
  PENAL = 'PENAL',
  GESTION = 'GESTION',
  ORGANISATION = 'ORGANISATION',
}

registerEnumType(ReferentialDomain, { name: 'ReferentialDomain' });
