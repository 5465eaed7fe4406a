import { registerEnumType } from 'type-graphql';

export enum ExternalPartner {
  POLICE = 'POLICE',
  GENDARMERIE = 'GENDARMERIE',
  LAWYERS_NETWORK = 'LAWYERS_NETWORK',
  PRISON_ADMINISTRATION = 'PRISON_ADMINISTRATION',
  TREASURY = 'TREASURY',
  OTHER_MINISTRY = 'OTHER_MINISTRY',
}

export enum PartyRole {
  PRODUCER = 'PRODUCER',
  CONSUMER = 'CONSUMER',
}

export enum MessageFormat {
  XML = 'XML',
  JSON = 'JSON',
  PDF = 'PDF',
  CSV = 'CSV',
  FLAT_FILE = 'FLAT_FILE',
}

export enum Transport {
  WEB_SERVICE = 'WEB_SERVICE',
  FILE_TRANSFER = 'FILE_TRANSFER',
  MESSAGE_QUEUE = 'MESSAGE_QUEUE',
  PORTAL = 'PORTAL',
  EMAIL = 'EMAIL',
}

export enum SignatureLevel {
  NONE = 'NONE',
  ADVANCED = 'ADVANCED',
  QUALIFIED = 'QUALIFIED',
}

export enum ExchangeStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  DEPRECATED = 'DEPRECATED',
  RETIRED = 'RETIRED',
}

registerEnumType(ExternalPartner, {
  name: 'ExternalPartner',
  description: 'A partner outside the judicial information system.',
  valuesConfig: {
    LAWYERS_NETWORK: { description: "Lawyers' private network (RPVA / e-Barreau)." },
    PRISON_ADMINISTRATION: { description: 'Administration pénitentiaire.' },
    TREASURY: { description: 'Trésor public / DGFiP.' },
  },
});
registerEnumType(PartyRole, { name: 'PartyRole', description: 'Side of an exchange.' });
registerEnumType(MessageFormat, { name: 'MessageFormat', description: 'Format of the messages.' });
registerEnumType(Transport, { name: 'Transport', description: 'How messages travel.' });
registerEnumType(SignatureLevel, { name: 'SignatureLevel', description: 'Electronic signature level (eIDAS).' });
registerEnumType(ExchangeStatus, { name: 'ExchangeStatus', description: 'State of an exchange.' });
