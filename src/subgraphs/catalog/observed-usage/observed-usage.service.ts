import type { EntityManager } from '@mikro-orm/postgresql';
import {
  coordinatesRead,
  coordinatesReadBy,
  dailyReadsOf,
  readersOfCoordinates,
  referentialReads,
  type ClientOperationRow,
} from '../../../kernel/usage/usage-reader';
import type { ApplicationNode } from '../application/application.entity';
import { ApplicationRepository } from '../application/application.repository';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { usagesOfReferential } from '../referential-usage/referential-usage.repository';
import type { ClientUsage, FieldClientUsage, FieldUsage, ObservedReferentialUsage, ReferentialReader } from './observed-usage.types';
import { fieldCoordinates, servedSchema } from './served-schema';

const DAY_MS = 86_400_000;
const APPLICATION_CODE = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

/** The default period of the usage queries: the last 30 days. */
export const daysAgo = (days: number, now = Date.now()): Date => new Date(now - days * DAY_MS);

export class ObservedUsageService {
  constructor(private readonly em: EntityManager) {}

  async fieldUsage(coordinate: string, since?: Date | null): Promise<FieldUsage> {
    const wanted = this.checkCoordinate(coordinate);
    return (await this.fieldsUsage([wanted], this.since(since)))[0];
  }

  /** Fields marked `@deprecated` in the served schema, and who still reads them. */
  async deprecatedFieldUsage(since?: Date | null): Promise<FieldUsage[]> {
    const deprecated = [...fieldCoordinates(await servedSchema())].filter(([, reason]) => reason !== null).map(([c]) => c);
    return this.fieldsUsage(deprecated.sort(), this.since(since));
  }

  /** Fields of the served schema nobody was observed selecting in the period. */
  async unusedFields(since?: Date | null): Promise<string[]> {
    const read = await coordinatesRead(this.em, this.since(since));
    return [...fieldCoordinates(await servedSchema()).keys()].filter((c) => !read.has(c)).sort();
  }

  async clientUsage(client: string, since?: Date | null): Promise<ClientUsage> {
    const from = this.since(since);
    const coordinates = await coordinatesReadBy(this.em, client, from);
    const referentials = await referentialReads(this.em, { client }, from);
    // API keys naming an application are counted under its code; other clients are `key:`, `user:` or `anonymous`.
    const code = APPLICATION_CODE.test(client) ? client : null;
    return {
      client,
      application: code ? await new ApplicationRepository(this.em).byCode(code) : null,
      coordinates: coordinates.map((c) => ({
        coordinate: c.coordinate,
        requests: c.requests,
        operations: c.operations,
        firstSeen: c.first_seen,
        lastSeen: c.last_seen,
      })),
      referentials: referentials.map((r) => ({
        referential: r.referential,
        release: r.release,
        requests: r.requests,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
      })),
    };
  }

  /** Declared usages of a referential beside the clients observed reading it. */
  async referentialUsage(referential: string, since?: Date | null): Promise<ObservedReferentialUsage> {
    const code = referential.trim().toUpperCase();
    const reads = await referentialReads(this.em, { referential: code }, this.since(since));
    const declared = await usagesOfReferential(this.em, code);
    const readers = new Map<string, ReferentialReader>();
    for (const usage of declared) {
      readers.set(usage.applicationCode, {
        client: usage.applicationCode,
        declared: true,
        declaredMode: usage.mode,
        pinnedRelease: usage.pinnedRelease ?? null,
        observed: false,
        requests: 0,
        releases: [],
        lastSeen: null,
      });
    }
    for (const read of reads) {
      const reader = readers.get(read.client) ?? {
        client: read.client,
        declared: false,
        declaredMode: null,
        pinnedRelease: null,
        observed: true,
        requests: 0,
        releases: [],
        lastSeen: null,
      };
      reader.observed = true;
      reader.requests += read.requests;
      reader.releases = [...new Set([...reader.releases, read.release])].sort((a, b) => a - b);
      reader.lastSeen = !reader.lastSeen || read.last_seen > reader.lastSeen ? read.last_seen : reader.lastSeen;
      readers.set(read.client, reader);
    }
    const applications = await this.applications([...readers.keys()]);
    return {
      referential: code,
      readers: [...readers.values()].map((r) => ({ ...r, application: applications.get(r.client) ?? null })).sort((a, b) => a.client.localeCompare(b.client)),
    };
  }

  private async fieldsUsage(coordinates: string[], since: Date): Promise<FieldUsage[]> {
    const served = fieldCoordinates(await servedSchema());
    const rows = await readersOfCoordinates(this.em, coordinates, since);
    const applications = await this.applications(rows.map((r) => r.application).filter((a): a is string => a !== null));
    const usages: FieldUsage[] = [];
    for (const coordinate of coordinates) {
      const clients = this.byClient(
        rows.filter((r) => r.coordinate === coordinate),
        applications,
      );
      usages.push({
        coordinate,
        inSchema: served.has(coordinate),
        deprecationReason: served.get(coordinate) ?? null,
        requests: clients.reduce((n, c) => n + c.requests, 0),
        clients,
        last30Days: await dailyReadsOf(this.em, coordinate, daysAgo(30)),
      });
    }
    return usages;
  }

  private byClient(rows: ClientOperationRow[], applications: Map<string, ApplicationNode>): FieldClientUsage[] {
    const clients = new Map<string, FieldClientUsage>();
    for (const row of rows) {
      const client = clients.get(row.client) ?? {
        client: row.client,
        application: row.application ? (applications.get(row.application) ?? null) : null,
        requests: 0,
        operations: [],
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
      };
      client.requests += row.requests;
      client.operations.push({ name: row.operation_name, hash: row.operation_hash, requests: row.requests });
      if (row.first_seen < client.firstSeen) client.firstSeen = row.first_seen;
      if (row.last_seen > client.lastSeen) client.lastSeen = row.last_seen;
      clients.set(row.client, client);
    }
    return [...clients.values()].sort((a, b) => b.requests - a.requests || a.client.localeCompare(b.client));
  }

  private async applications(codes: string[]): Promise<Map<string, ApplicationNode>> {
    return new Map((await new ApplicationRepository(this.em).byCodes([...new Set(codes)])).map((a) => [a.code, a]));
  }

  private checkCoordinate(coordinate: string): string {
    const trimmed = coordinate.trim();
    if (!COORDINATE.test(trimmed))
      throw new CatalogException(`coordinate "${coordinate}" must be Type.field, e.g. "Court.name"`, CatalogExceptionCode.INVALID_VALUE, 'coordinate');
    return trimmed;
  }

  private since(since?: Date | null): Date {
    if (since && since.getTime() > Date.now()) throw new CatalogException('since is in the future', CatalogExceptionCode.INVALID_VALUE, 'since');
    return since ?? daysAgo(30);
  }
}
