import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from '../../../kernel/auth/api-key.entity';
import { newApiKey } from '../../../kernel/auth/api-key-secret';
import { Role } from '../../../kernel/auth/role.enum';
import { SecurityException, SecurityExceptionCode } from '../security.exception';
import type { CreateApiKeyInput } from './api-key.input';
import type { CreatedApiKey } from './created-api-key.type';
import type { ApplicationDirectory } from '../federation/application-directory';

const DAY_MS = 86_400_000;
const REFERENTIAL_CODE = /^[A-Z][A-Z0-9_]{0,31}$/;
const APPLICATION_CODE = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;

const invalid = (message: string, field: string): never => {
  throw new SecurityException(message, SecurityExceptionCode.INVALID_API_KEY_INPUT, field);
};

export class ApiKeyService {
  constructor(
    private readonly em: EntityManager,
    private readonly applications?: ApplicationDirectory,
  ) {}

  list(): Promise<ApiKey[]> {
    return this.em.find(ApiKey, {}, { orderBy: { id: 'asc' } });
  }

  async create(input: CreateApiKeyInput, createdBy: string): Promise<CreatedApiKey> {
    const name = input.name.trim();
    if (!name || name.length > 255) invalid('name must have 1 to 255 characters', 'input.name');
    const roles = [...new Set(input.roles)];
    if (!roles.length) invalid('a key needs at least one role', 'input.roles');
    const stewardOf = [...new Set((input.stewardOf ?? []).map((c) => c.trim().toUpperCase()))];
    if (stewardOf.some((c) => !REFERENTIAL_CODE.test(c))) invalid('stewardOf holds referential codes (A-Z, 0-9, _)', 'input.stewardOf');
    if (stewardOf.length && !roles.includes(Role.STEWARD)) invalid('stewardOf needs the STEWARD role', 'input.stewardOf');
    const now = Date.now();
    const expiresAt = input.expiresAt ?? new Date(now + 90 * DAY_MS);
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + 731 * DAY_MS) invalid('expiresAt must be in the next two years', 'input.expiresAt');
    const application = await this.checkApplication(input.application);
    const { key, prefix, secretHash } = newApiKey();
    const apiKey = this.em.create(ApiKey, {
      prefix,
      secretHash,
      name,
      roles,
      stewardOf,
      expiresAt,
      createdBy,
      application,
      allowListOnly: input.allowListOnly ?? false,
    });
    await this.em.flush();
    return { key, apiKey };
  }

  /** The application a key belongs to must be in the catalog: usage is counted under it. */
  private async checkApplication(given: string | null | undefined): Promise<string | null> {
    if (given == null) return null;
    const code = given.trim().toUpperCase();
    if (!APPLICATION_CODE.test(code)) return invalid('application is an application code (A-Z, 0-9, _, -)', 'input.application');
    if (this.applications && !(await this.applications.exists(this.em, code))) return invalid(`no application ${code} in the catalog`, 'input.application');
    return code;
  }

  /** Refused from the key's next request on (keys are checked on every request). Revoking twice keeps the first date. */
  async revoke(id: number): Promise<ApiKey> {
    const apiKey = Number.isSafeInteger(id) ? await this.em.findOne(ApiKey, { id }) : null;
    if (!apiKey) throw new SecurityException(`no API key ${id}`, SecurityExceptionCode.API_KEY_NOT_FOUND, 'id');
    apiKey.revokedAt ??= new Date();
    await this.em.flush();
    return apiKey;
  }
}
