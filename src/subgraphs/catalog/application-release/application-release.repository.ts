import type { EntityManager } from '@mikro-orm/postgresql';
import { groupByKey, requestLoader } from '../../../kernel/graphql/request-loader';
import type { ApplicationRelease } from './application-release.entity';
import type { RoadmapItem } from './roadmap-item.entity';
import { readRows } from '../../../kernel/database/read-rows';

/** A release as the GraphQL type reads it, plus its application. */
export type ApplicationReleaseRow = Pick<ApplicationRelease, 'id' | 'version' | 'releasedOn' | 'notes' | 'features'> & { applicationCode: string };
/** A roadmap item as the GraphQL type reads it, plus its application. */
export type RoadmapItemRow = Pick<
  RoadmapItem,
  'id' | 'title' | 'description' | 'targetDate' | 'status' | 'referentialCode' | 'referentialRelease' | 'legalTexts'
> & { applicationCode: string };

// The ORM's collection load's statement, `in (…)` and no order by: pg returns the rows as before, and a stable sort by date keeps its ties.
const RELEASES = `select id, application_code as "applicationCode", version, released_on as "releasedOn", notes, features
  from application_release where application_code in (?)`;
const ROADMAP_ITEM = `select id, application_code as "applicationCode", title, description, target_date as "targetDate", status,
  referential_code as "referentialCode", referential_release as "referentialRelease", legal_texts as "legalTexts" from roadmap_item`;
const ROADMAP = `${ROADMAP_ITEM} where application_code in (?)`;

const latestFirst = (a: ApplicationReleaseRow, b: ApplicationReleaseRow) => b.releasedOn.localeCompare(a.releasedOn);
const soonestFirst = (a: RoadmapItemRow, b: RoadmapItemRow) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999');

/** The releases of an application as plain rows, latest first, batched over every application of the request. */
export function releasesOf(em: EntityManager, applicationCode: string): Promise<ApplicationReleaseRow[]> {
  return requestLoader<string, ApplicationReleaseRow[]>(em, 'releases-by-application', async (codes) => {
    const rows = await readRows<ApplicationReleaseRow>(em, RELEASES, [codes]);
    return groupByKey(codes, rows, (r) => r.applicationCode).map((releases) => releases.sort(latestFirst));
  }).load(applicationCode);
}

/** The roadmap of an application as plain rows, soonest first (undated last), batched over every application of the request. */
export function roadmapOf(em: EntityManager, applicationCode: string): Promise<RoadmapItemRow[]> {
  return requestLoader<string, RoadmapItemRow[]>(em, 'roadmap-by-application', async (codes) => {
    const rows = await readRows<RoadmapItemRow>(em, ROADMAP, [codes]);
    return groupByKey(codes, rows, (r) => r.applicationCode).map((items) => items.sort(soonestFirst));
  }).load(applicationCode);
}

/** Every roadmap item, or those a referential (release) requires, in the table's order: the ORM's statements the impact analysis read them with. */
export function roadmapFor(em: EntityManager, referential?: { code: string; release?: number | null }): Promise<RoadmapItemRow[]> {
  const [sql, params] = !referential
    ? [ROADMAP_ITEM, []]
    : referential.release
      ? [`${ROADMAP_ITEM} where referential_code = ? and referential_release = ?`, [referential.code, referential.release]]
      : [`${ROADMAP_ITEM} where referential_code = ?`, [referential.code]];
  return readRows<RoadmapItemRow>(em, sql, params);
}
