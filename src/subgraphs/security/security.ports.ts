import { applicationDirectory } from '../catalog/application/application-directory.adapter';
import type { ApplicationDirectory } from './federation/application-directory';

/** Adapters to other subgraphs' data (same database today); the one place to change when a subgraph moves out. */
export const securityPorts: { applications: ApplicationDirectory } = {
  applications: applicationDirectory,
};
