import { registerEnumType } from 'type-graphql';

export enum DeploymentStatus {
  PLANNED = 'PLANNED',
  EXPERIMENTAL = 'EXPERIMENTAL',
  DEPLOYED = 'DEPLOYED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(DeploymentStatus, {
  name: 'DeploymentStatus',
  description: 'State of an application at a court.',
  valuesConfig: { EXPERIMENTAL: { description: 'Pilot site.' } },
});
