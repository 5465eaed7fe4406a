import { registerEnumType } from 'type-graphql';

export enum ApplicationDomain {
  CIVIL = 'CIVIL',
  PENAL = 'PENAL',
  GESTION = 'GESTION',
  TRANSVERSE = 'TRANSVERSE',
}

/** Ordered: an application moves forward through these, RETIRED last. */
export enum LifecycleStatus {
  STUDY = 'STUDY',
  DEVELOPMENT = 'DEVELOPMENT',
  EXPERIMENTATION = 'EXPERIMENTATION',
  DEPLOYMENT = 'DEPLOYMENT',
  PRODUCTION = 'PRODUCTION',
  DECOMMISSIONING = 'DECOMMISSIONING',
  RETIRED = 'RETIRED',
}

registerEnumType(ApplicationDomain, {
  name: 'ApplicationDomain',
  description: 'Business domain of an application.',
  valuesConfig: {
    CIVIL: { description: 'Civil justice (procédure civile, prud’hommes, commerce).' },
    PENAL: { description: 'Criminal justice (chaîne pénale).' },
    GESTION: { description: 'Management: human resources, budget, statistics.' },
    TRANSVERSE: { description: 'Shared services used by several domains.' },
  },
});

registerEnumType(LifecycleStatus, { name: 'LifecycleStatus', description: 'Where an application stands in its life, from study to retirement.' });
