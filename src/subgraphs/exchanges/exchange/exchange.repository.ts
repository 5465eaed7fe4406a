import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { ExchangePartyNode } from './exchange-party.entity';
import type { PartyRole } from './exchange-enums';
import type { ExchangeNode } from './exchange.entity';
import type { ExchangesFilter } from './exchange.input';
import { readRows } from '../../../kernel/database/read-rows';

/** `e.code, e.name, …, e.retention_period as "retentionPeriod", …`: rows come out of pg already shaped like an exchange. */
const EXCHANGE_COLUMNS = `e.code, e.name, e.description, e.message_types as "messageTypes", e.format, e.transport, e.signature_level as "signatureLevel",
  e.retention_period as "retentionPeriod", e.retention_legal_basis as "retentionLegalBasis", e.status, e.legal_texts as "legalTexts", e.illustrative`;
/** A list parameter: formatQuery inlines `?`, and one JSON literal keeps the statement's shape whatever the number of keys. */
const IN_LIST = 'in (select jsonb_array_elements_text(?::jsonb))';

// `in (…)`, not a JSON list: a client's code may hold a lone surrogate, which JSON escapes and jsonb refuses.
const BY_CODES = `select ${EXCHANGE_COLUMNS} from exchange e where e.code in (?)`;
// In recording order: the same whether read with the exchange or apart.
const REFERENTIAL_CODES = `(select coalesce(json_agg(r.referential_code order by r.id), '[]') from exchange_referential r where r.exchange_code = e.code)`;
// An exchange once per side the application takes in it (the caller keeps one per code), with the codes of its
// referentials: a walk from applications to referentials reads them here, not in a statement of their own.
const OF_APPLICATIONS = `select p.application_code as "applicationCode", p.role, ${EXCHANGE_COLUMNS}, ${REFERENTIAL_CODES} as "referentialCodes"
  from exchange_party p join exchange e on e.code = p.exchange_code where p.application_code ${IN_LIST} order by e.code, p.id`;
// The ORM's collection loads' statements, `in (…)` and no order by: pg plans them as before, so rows come in the same order.
const PARTIES = `select exchange_code as "exchangeCode", role, application_code as "applicationCode", partner, partner_name as "partnerName"
  from exchange_party where exchange_code in (?)`;
const REFERENTIALS = `select exchange_code as "exchangeCode", referential_code as "referentialCode" from exchange_referential where exchange_code in (?) order by id`;

type SideRow = ExchangeNode & { applicationCode: string; role: PartyRole };
type SideRowRead = SideRow & { referentialCodes: string[] };

/**
 * Exchange reads as plain rows shaped like the GraphQL `Exchange` and `ExchangeParty` (reads need no managed entities),
 * each batched over the request: a walk through many applications and exchanges costs one statement per hop.
 */
export class ExchangeRepository {
  constructor(private readonly em: EntityManager) {}

  private rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return readRows<T>(this.em, sql, params);
  }

  private get byCodeLoader() {
    return requestLoader<string, ExchangeNode | null>(this.em, 'exchange-by-code', async (codes) => {
      const found = new Map((await this.rows<ExchangeNode>(BY_CODES, [codes])).map((e) => [e.code, e]));
      return codes.map((code) => found.get(code) ?? null);
    });
  }

  byCode(code: string): Promise<ExchangeNode | null> {
    return this.byCodeLoader.load(code);
  }

  /** Also remembered by code for the rest of the request: the impact analysis lists them all, then the gateway asks for some by code. */
  async list(filter: ExchangesFilter): Promise<ExchangeNode[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      conditions.push(condition);
      params.push(value);
    };
    if (filter.status) add('e.status = ?', filter.status);
    if (filter.referentialCode) add('e.code in (select exchange_code from exchange_referential where referential_code = ?)', filter.referentialCode);
    if (filter.partner) add('e.code in (select exchange_code from exchange_party where partner = ?)', filter.partner);
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const rows = await this.rows<ExchangeNode>(`select ${EXCHANGE_COLUMNS} from exchange e ${where} order by e.code`, params);
    const loader = this.byCodeLoader;
    for (const row of rows) loader.prime(row.code, row);
    return rows;
  }

  /** The exchanges an application takes part in (on the given side, or either), by code. */
  async ofApplication(applicationCode: string, role?: PartyRole | null): Promise<ExchangeNode[]> {
    const sides = await requestLoader<string, SideRow[]>(this.em, 'exchanges-by-application', async (codes) => {
      const referentials = this.referentialsLoader;
      const rows = (await this.rows<SideRowRead>(OF_APPLICATIONS, [JSON.stringify(codes)])).map(({ referentialCodes, ...side }) => {
        referentials.prime(side.code, referentialCodes);
        return side;
      });
      return groupByKey(codes, rows, (row) => row.applicationCode);
    }).load(applicationCode);
    const byCode = new Map<string, ExchangeNode>();
    for (const side of sides) if ((!role || side.role === role) && !byCode.has(side.code)) byCode.set(side.code, side);
    return [...byCode.values()];
  }

  /** Both sides of an exchange. */
  partiesOf(exchangeCode: string): Promise<ExchangePartyNode[]> {
    return requestLoader<string, ExchangePartyNode[]>(this.em, 'parties-by-exchange', async (codes) =>
      groupByKey(codes, await this.rows<ExchangePartyNode & { exchangeCode: string }>(PARTIES, [codes]), (p) => p.exchangeCode),
    ).load(exchangeCode);
  }

  private get referentialsLoader() {
    return requestLoader<string, string[]>(this.em, 'referentials-by-exchange', async (codes) => {
      const rows = await this.rows<{ exchangeCode: string; referentialCode: string }>(REFERENTIALS, [codes]);
      return groupByKey(codes, rows, (r) => r.exchangeCode).map((links) => links.map((r) => r.referentialCode));
    });
  }

  /** The codes of the referentials an exchange carries, in the order they were recorded. */
  referentialCodesOf(exchangeCode: string): Promise<string[]> {
    return this.referentialsLoader.load(exchangeCode);
  }
}
