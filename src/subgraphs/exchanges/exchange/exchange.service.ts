import { type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import { ExchangesException, ExchangesExceptionCode } from '../exchanges.exception';
import { checkCode, checkDuration, checkText, cleanTexts } from '../exchanges.validation';
import { knownApplicationCodes } from '../federation/known-applications';
import { ExchangeParty } from './exchange-party.entity';
import { ExchangeReferential } from './exchange-referential.entity';
import { ExchangeStatus, PartyRole, SignatureLevel } from './exchange-enums';
import { Exchange } from './exchange.entity';
import type { CreateExchangeInput, ExchangePartyInput, ExchangesFilter } from './exchange.input';
import { loadByKey } from '../../../kernel/database/load-by-key';

export class ExchangeService {
  constructor(private readonly em: EntityManager) {}

  /** Batched across a request (MikroORM dataloader), so a list of references costs one query. */
  async findByCode(code: string): Promise<Exchange | null> {
    return loadByKey(this.em, Exchange, code);
  }

  async get(code: string, field: string): Promise<Exchange> {
    const exchange = await this.em.findOne(Exchange, { code });
    if (!exchange) throw new ExchangesException(`no exchange with code ${code}`, ExchangesExceptionCode.EXCHANGE_NOT_FOUND, field);
    return exchange;
  }

  list(filter: ExchangesFilter = {}): Promise<Exchange[]> {
    const where: FilterQuery<Exchange>[] = [];
    if (filter.status) where.push({ status: filter.status });
    if (filter.referentialCode) where.push({ referentialLinks: { referentialCode: filter.referentialCode } });
    if (filter.partner) where.push({ parties: { partner: filter.partner } });
    return this.em.find(Exchange, where.length ? { $and: where } : {}, { orderBy: { code: 'asc' } });
  }

  /** The exchanges of an application, batched over every application of the request: one query. */
  async ofApplication(applicationCode: string, role?: PartyRole | null): Promise<Exchange[]> {
    const parties = await requestLoader<string, ExchangeParty[]>(this.em, 'parties-by-application', async (codes) => {
      const rows = await this.em.find(ExchangeParty, { applicationCode: { $in: [...codes] } }, { populate: ['exchange'], orderBy: { exchange: 'asc' } });
      return groupByKey(codes, rows, (p) => p.applicationCode!);
    }).load(applicationCode);
    const exchanges = parties.filter((p) => !role || p.role === role).map((p) => p.exchange.getEntity());
    return [...new Set(exchanges)];
  }

  create(input: CreateExchangeInput): Promise<Exchange> {
    const code = checkCode(input.code, 'input.code');
    const parties = [
      { role: PartyRole.PRODUCER, input: input.producer, field: 'input.producer' },
      ...input.consumers.map((c, i) => ({ role: PartyRole.CONSUMER, input: c, field: `input.consumers.${i}` })),
    ];
    if (input.consumers.length === 0)
      throw new ExchangesException('an exchange needs at least one consumer', ExchangesExceptionCode.INVALID_PARTY, 'input.consumers');
    parties.forEach((p) => checkParty(p.input, p.field));
    const referentialCodes = cleanTexts(input.referentialCodes).map((c, i) => checkCode(c, `input.referentialCodes.${i}`));
    const values = {
      code,
      name: checkText(input.name, 'input.name'),
      description: input.description?.trim() ?? '',
      messageTypes: cleanTexts(input.messageTypes),
      format: input.format,
      transport: input.transport,
      signatureLevel: input.signatureLevel ?? SignatureLevel.NONE,
      retentionPeriod: checkDuration(input.retentionPeriod, 'input.retentionPeriod'),
      retentionLegalBasis: input.retentionLegalBasis?.trim() || null,
      status: input.status ?? ExchangeStatus.PLANNED,
      legalTexts: cleanTexts(input.legalTexts),
    };
    return this.em.transactional(async (tx) => {
      if (await tx.count(Exchange, { code }))
        throw new ExchangesException(`an exchange with code ${code} exists`, ExchangesExceptionCode.EXCHANGE_EXISTS, 'input.code');
      const known = await knownApplicationCodes(
        tx,
        parties.flatMap((p) => (p.input.applicationCode ? [p.input.applicationCode] : [])),
      );
      const unknown = parties.find((p) => p.input.applicationCode && !known.has(p.input.applicationCode));
      if (unknown)
        throw new ExchangesException(
          `no application with code ${unknown.input.applicationCode}`,
          ExchangesExceptionCode.UNKNOWN_APPLICATION,
          `${unknown.field}.applicationCode`,
        );
      const exchange = tx.create(Exchange, values);
      for (const p of parties) {
        tx.create(ExchangeParty, {
          exchange,
          role: p.role,
          applicationCode: p.input.applicationCode ?? null,
          partner: p.input.partner ?? null,
          partnerName: p.input.partnerName?.trim() || null,
        });
      }
      for (const referentialCode of referentialCodes) tx.create(ExchangeReferential, { exchange, referentialCode });
      return recordEntityChange(tx, ChangeType.ADDED, CHANGE_DOMAINS.exchanges, exchange);
    });
  }

  setStatus(code: string, status: ExchangeStatus): Promise<Exchange> {
    return this.em.transactional(async (tx) => {
      const exchange = await new ExchangeService(tx).get(code, 'code');
      exchange.status = status;
      return recordEntityChange(tx, ChangeType.CHANGED, CHANGE_DOMAINS.exchanges, exchange);
    });
  }
}

function checkParty(party: ExchangePartyInput, field: string): void {
  if (Boolean(party.applicationCode) === Boolean(party.partner)) {
    throw new ExchangesException(`${field} must name either an applicationCode or a partner`, ExchangesExceptionCode.INVALID_PARTY, field);
  }
}
