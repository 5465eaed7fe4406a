import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeType } from '../../../kernel/outbox/change-type.enum';
import { CHANGE_DOMAINS } from '../../../kernel/outbox/record-changes';
import { recordEntityChange } from '../../../kernel/outbox/record-entity-change';
import { ExchangesException, ExchangesExceptionCode } from '../exchanges.exception';
import { checkCode, checkDuration, checkText, cleanTexts } from '../exchanges.validation';
import { knownApplicationCodes } from '../federation/known-applications';
import { ExchangeParty, type ExchangePartyNode } from './exchange-party.entity';
import { ExchangeReferential } from './exchange-referential.entity';
import { ExchangeStatus, PartyRole, SignatureLevel } from './exchange-enums';
import { Exchange, type ExchangeNode } from './exchange.entity';
import type { CreateExchangeInput, ExchangePartyInput, ExchangesFilter } from './exchange.input';
import { ExchangeRepository } from './exchange.repository';

export class ExchangeService {
  private readonly exchanges: ExchangeRepository;

  constructor(private readonly em: EntityManager) {
    this.exchanges = new ExchangeRepository(em);
  }

  /** A plain row, batched across a request, so a list of references costs one query. */
  findByCode(code: string): Promise<ExchangeNode | null> {
    return this.exchanges.byCode(code);
  }

  async get(code: string, field: string): Promise<Exchange> {
    const exchange = await this.em.findOne(Exchange, { code });
    if (!exchange) throw exchangeNotFound(code, field);
    return exchange;
  }

  list(filter: ExchangesFilter = {}): Promise<ExchangeNode[]> {
    return this.exchanges.list(filter);
  }

  /** The exchanges of an application, batched over every application of the request: one query. */
  ofApplication(applicationCode: string, role?: PartyRole | null): Promise<ExchangeNode[]> {
    return this.exchanges.ofApplication(applicationCode, role);
  }

  async producerOf(exchangeCode: string): Promise<ExchangePartyNode | null> {
    return (await this.exchanges.partiesOf(exchangeCode)).find((p) => p.role === PartyRole.PRODUCER) ?? null;
  }

  async consumersOf(exchangeCode: string): Promise<ExchangePartyNode[]> {
    return (await this.exchanges.partiesOf(exchangeCode)).filter((p) => p.role === PartyRole.CONSUMER);
  }

  /** The codes of the referentials whose codes the exchange's messages carry, sorted. */
  async referentialCodesOf(exchangeCode: string): Promise<string[]> {
    return [...(await this.exchanges.referentialCodesOf(exchangeCode))].sort((a, b) => a.localeCompare(b));
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

export const exchangeNotFound = (code: string, field: string): ExchangesException =>
  new ExchangesException(`no exchange with code ${code}`, ExchangesExceptionCode.EXCHANGE_NOT_FOUND, field);

function checkParty(party: ExchangePartyInput, field: string): void {
  if (Boolean(party.applicationCode) === Boolean(party.partner)) {
    throw new ExchangesException(`${field} must name either an applicationCode or a partner`, ExchangesExceptionCode.INVALID_PARTY, field);
  }
}
