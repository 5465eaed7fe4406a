import type { EntityManager } from '@mikro-orm/postgresql';
import { fold } from '../../../kernel/text/fold';
import { ApplicationRepository } from '../application/application.repository';
import type { CatalogPorts } from '../catalog.ports';
import { CatalogException, CatalogExceptionCode } from '../catalog.exception';
import { deploymentsInService } from '../deployment/deployment.repository';
import { courtStub } from '../federation/court.stub';
import { exchangeStub } from '../federation/exchange.stub';
import type { ExchangeLinks } from '../federation/exchange-directory';
import { usagesFor } from '../referential-usage/referential-usage.repository';
import { UsageMode } from '../referential-usage/usage-mode.enum';
import { roadmapFor } from '../application-release/application-release.repository';
import type { ImpactChangeInput, ReferentialChangeInput } from './impact-change.input';
import { PathsByCode, step, toPath } from './impact-paths';
import { ImpactNodeKind as K, type Impact, type ImpactStep } from './impact.types';
import { ObservedReaders } from './observed-readers';

/** Everything found while walking from a change: paths to applications and exchanges, and what could not be followed. */
export interface Walk {
  applications: PathsByCode;
  exchanges: PathsByCode;
  notes: string[];
  /** An application whose retirement is analysed: its partners are touched, itself is the origin. */
  origin?: string;
}

const PENDING_LEGAL = 'referentials citing the legal text are not followed: pending on the referentials subgraph';

export class ImpactService {
  constructor(
    private readonly em: EntityManager,
    private readonly ports: CatalogPorts,
  ) {}

  /** A constant number of queries whatever the change: the map is read in a few batches, then walked in memory. */
  async impactOf(change: ImpactChangeInput): Promise<Impact> {
    const given = (['referential', 'exchangeSchema', 'legalText', 'retiredApplication', 'field'] as const).filter((k) => change[k] != null);
    if (given.length !== 1) {
      throw new CatalogException(
        'give exactly one of referential, exchangeSchema, legalText, retiredApplication, field',
        CatalogExceptionCode.INVALID_CHANGE,
        'change',
      );
    }
    const links = await this.ports.exchanges.links(this.em);
    const walk: Walk = { applications: new PathsByCode(), exchanges: new PathsByCode(), notes: [] };
    let summary: string;
    if (change.referential) summary = await this.fromReferential(change.referential, links, walk);
    else if (change.exchangeSchema) summary = this.fromSchema(change.exchangeSchema.exchangeCode, change.exchangeSchema.version, links, walk);
    else if (change.legalText) summary = await this.fromLegalText(change.legalText, links, walk);
    else if (change.field != null) summary = await new ObservedReaders(this.em).ofField(change.field, walk);
    else summary = await this.fromRetirement(change.retiredApplication!, links, walk);
    return this.conclude(summary, walk);
  }

  /** `start` replaces the referential step when the walk comes from elsewhere (a legal text citing it). */
  private async fromReferential(change: ReferentialChangeInput, links: ExchangeLinks[], walk: Walk, start?: ImpactStep[]): Promise<string> {
    const { referentialCode: code, releaseNumber, entryCodes } = change;
    if (!code.trim()) throw new CatalogException('referentialCode is empty', CatalogExceptionCode.INVALID_CHANGE, 'change.referential.referentialCode');
    const origin = start ?? [step(K.REFERENTIAL, releaseNumber ? `${code} release ${releaseNumber}` : code)];
    if (entryCodes?.length) origin.push(step(K.REFERENTIAL_ENTRIES, entryCodes.join(', '), 'in'));
    const usages = await usagesFor(this.em, code);
    for (const usage of usages) {
      const how = usage.mode === UsageMode.PRODUCE ? 'produced by' : 'read by';
      const pin = usage.pinnedRelease ? ` (pinned to release ${usage.pinnedRelease})` : ' (follows the latest release)';
      walk.applications.add(usage.applicationCode, [...origin, step(K.APPLICATION, usage.applicationCode, how + pin)]);
    }
    for (const item of await roadmapFor(this.em, { code, release: releaseNumber })) {
      walk.applications.add(item.applicationCode, [
        ...origin,
        step(K.ROADMAP_ITEM, item.title, 'planned in'),
        step(K.APPLICATION, item.applicationCode, 'roadmap of'),
      ]);
    }
    for (const exchange of links.filter((l) => l.referentialCodes.includes(code))) {
      this.throughExchange(exchange, [...origin, step(K.EXCHANGE, exchange.code, 'carried by')], walk);
    }
    await new ObservedReaders(this.em).ofReferential(code, releaseNumber ?? null, origin, walk);
    if (entryCodes?.length) walk.notes.push('entry codes are not traced to the messages that carry them: every usage of the referential is listed');
    return `referential ${code}${releaseNumber ? ` release ${releaseNumber}` : ''}${entryCodes?.length ? ` (entries ${entryCodes.join(', ')})` : ''}`;
  }

  private fromSchema(exchangeCode: string, version: string, links: ExchangeLinks[], walk: Walk): string {
    const exchange = links.find((l) => l.code === exchangeCode);
    if (!exchange)
      throw new CatalogException(`no exchange with code ${exchangeCode}`, CatalogExceptionCode.INVALID_CHANGE, 'change.exchangeSchema.exchangeCode');
    if (!exchange.schemaVersions.includes(version)) {
      throw new CatalogException(
        `exchange ${exchangeCode} has no schema version ${version}`,
        CatalogExceptionCode.INVALID_CHANGE,
        'change.exchangeSchema.version',
      );
    }
    this.throughExchange(exchange, [step(K.SCHEMA_VERSION, `${exchangeCode} ${version}`), step(K.EXCHANGE, exchangeCode, 'schema of')], walk);
    return `schema version ${version} of exchange ${exchangeCode}`;
  }

  private async fromLegalText(text: string, links: ExchangeLinks[], walk: Walk): Promise<string> {
    const wanted = fold(text);
    if (!wanted) throw new CatalogException('legalText is empty', CatalogExceptionCode.INVALID_CHANGE, 'change.legalText');
    // Legal references are free text, compared folded: filtered in memory over the (small) usage and roadmap tables.
    const cites = (texts: readonly string[]) => texts.some((t) => fold(t) === wanted);
    const origin = step(K.LEGAL_TEXT, text.trim());
    for (const usage of (await usagesFor(this.em)).filter((u) => cites(u.legalTexts))) {
      walk.applications.add(usage.applicationCode, [
        origin,
        step(K.REFERENTIAL, usage.referentialCode, 'requires the use of'),
        step(K.APPLICATION, usage.applicationCode, 'by'),
      ]);
    }
    for (const item of (await roadmapFor(this.em)).filter((i) => cites(i.legalTexts))) {
      walk.applications.add(item.applicationCode, [
        origin,
        step(K.ROADMAP_ITEM, item.title, 'requires'),
        step(K.APPLICATION, item.applicationCode, 'roadmap of'),
      ]);
    }
    for (const exchange of links.filter((l) => cites(l.legalTexts))) this.throughExchange(exchange, [origin, step(K.EXCHANGE, exchange.code, 'governs')], walk);
    const citing = await this.ports.referentials.citing(this.em, text);
    if (citing === null) walk.notes.push(PENDING_LEGAL);
    // A text is cited by a few referentials: one short walk each.
    for (const { referentialCode, entryCodes, entryCount } of citing ?? []) {
      const by = entryCodes?.length
        ? `cited by ${entryCount} entries (${entryCodes.join(', ')}${entryCount! > entryCodes.length ? ', …' : ''}) of`
        : 'cited by';
      await this.fromReferential({ referentialCode }, links, walk, [origin, step(K.REFERENTIAL, referentialCode, by)]);
    }
    return `legal text "${text.trim()}"`;
  }

  private async fromRetirement(code: string, links: ExchangeLinks[], walk: Walk): Promise<string> {
    if (!(await new ApplicationRepository(this.em).byCode(code))) {
      throw new CatalogException(`no application with code ${code}`, CatalogExceptionCode.APPLICATION_NOT_FOUND, 'change.retiredApplication');
    }
    const origin = step(K.APPLICATION, code, 'retirement of');
    walk.origin = code;
    walk.applications.add(code, [origin]);
    for (const exchange of links.filter((l) => l.producers.includes(code) || l.consumers.includes(code))) {
      const role = exchange.producers.includes(code) ? 'produced by it:' : 'consumed by it:';
      this.throughExchange(exchange, [origin, step(K.EXCHANGE, exchange.code, role)], walk);
    }
    return `retirement of application ${code}`;
  }

  /** An exchange touched: its producers and consumers are touched through it. */
  private throughExchange(exchange: ExchangeLinks, path: ImpactStep[], walk: Walk): void {
    walk.exchanges.add(exchange.code, path);
    const sides: [string[], string][] = [
      [exchange.producers, 'produced by'],
      [exchange.consumers, 'consumed by'],
    ];
    for (const [codes, relation] of sides) {
      for (const app of codes.filter((c) => c !== walk.origin)) walk.applications.add(app, [...path, step(K.APPLICATION, app, relation)]);
    }
  }

  private async conclude(change: string, walk: Walk): Promise<Impact> {
    const codes = walk.applications.codes();
    // Rows, not entities: the analysis only reads them, and a referential's impact can reach every deployment.
    const applications = await new ApplicationRepository(this.em).byCodes(codes);
    const deployments = await deploymentsInService(this.em, codes);
    const found = new Set(applications.map((a) => a.code));
    for (const missing of codes.filter((c) => !found.has(c))) walk.notes.push(`application ${missing} is named by an exchange but is not in the catalog`);
    const shortest = (code: string) => walk.applications.get(code)[0];
    const bureaus = new Map<string, ImpactStep[][]>();
    for (const app of applications)
      bureaus.set(app.ownerBureau, [...(bureaus.get(app.ownerBureau) ?? []), [...shortest(app.code), step(K.BUREAU, app.ownerBureau, 'owned by')]]);
    return {
      change,
      applications: applications.map((application) => {
        const paths = walk.applications.get(application.code).map(toPath);
        return { application, paths, evidence: [...new Set(paths.map((p) => p.evidence))].sort() };
      }),
      exchanges: walk.exchanges.codes().map((code) => ({ exchange: exchangeStub(code), paths: walk.exchanges.get(code).map(toPath) })),
      deployments: deployments.map((deployment) => ({
        deployment,
        court: courtStub(deployment.courtCode),
        path: toPath([...shortest(deployment.applicationCode), step(K.COURT, deployment.courtCode, `${deployment.status.toLowerCase()} at`)]),
      })),
      bureaus: [...bureaus.keys()].sort().map((bureau) => ({ bureau, paths: bureaus.get(bureau)!.map(toPath) })),
      notes: walk.notes,
    };
  }
}
