import { registerEnumType } from 'type-graphql';

/** What a principal may do; ADMIN implies every other role. */
export enum Role {
  /** Applications reading reference data. */
  READER = 'READER',
  /** Per referential (see `Principal.stewardOf`): drafts, imports, publishes. */
  STEWARD = 'STEWARD',
  /** The application catalog and the exchanges. */
  ARCHITECT = 'ARCHITECT',
  /** API keys, roles, the whole audit trail; implies every role. */
  ADMIN = 'ADMIN',
}

registerEnumType(Role, { name: 'Role', description: 'What a principal may do; ADMIN implies every other role.' });

export const ROLES: readonly Role[] = Object.values(Role);

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);
