import { registerEnumType } from 'type-graphql';

export enum ContactRole {
  LOCAL_IT_MANAGER = 'LOCAL_IT_MANAGER',
  DIGITAL_CORRESPONDENT = 'DIGITAL_CORRESPONDENT',
  APPLICATION_CORRESPONDENT = 'APPLICATION_CORRESPONDENT',
}

registerEnumType(ContactRole, {
  name: 'ContactRole',
  description: 'Role of a contact at a court.',
  valuesConfig: {
    LOCAL_IT_MANAGER: { description: 'Local IT manager (responsable de gestion informatique).' },
    DIGITAL_CORRESPONDENT: { description: 'Digital correspondent (correspondant numérique / CLI).' },
    APPLICATION_CORRESPONDENT: { description: 'Correspondent for one application.' },
  },
});
