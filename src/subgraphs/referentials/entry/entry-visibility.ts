import type { FilterQuery } from '@mikro-orm/postgresql';
import { validAt } from '../../../kernel/database/validity';
import type { Entry, EntryView } from './entry.entity';

/** Versions of a referential visible in release R: recorded in R or before, not yet superseded in R. */
export const inRelease = (referentialCode: string, release: number): FilterQuery<Entry> => ({
  referentialCode,
  recordedIn: { $lte: release },
  $or: [{ supersededIn: null }, { supersededIn: { $gt: release } }],
});

/** The view's condition: in the release, and in force on `at` when a day is asked. */
export const inView = (referentialCode: string, view: EntryView): FilterQuery<Entry> =>
  view.at ? { $and: [inRelease(referentialCode, view.release), validAt(view.at) as FilterQuery<Entry>] } : inRelease(referentialCode, view.release);

/** The same condition as SQL on alias `e`, for raw queries (search, diff); parameters in order: code, release. */
export const IN_RELEASE_SQL = 'e.referential_code = ? and e.recorded_in <= ? and (e.superseded_in is null or e.superseded_in > ?)';

/**
 * IN_RELEASE_SQL for a search: the search's index keys already hold the referential (`NATINF|vol`), so the code is
 * checked on the rows found (`|| ''` keeps it off its index). Otherwise PostgreSQL ANDs the whole referential's
 * index range with the search's matches: a quarter of a search's time in a 17,000-entry list.
 */
export const IN_RELEASE_OF_MATCHES_SQL = IN_RELEASE_SQL.replace('e.referential_code = ?', "e.referential_code || '' = ?");

export const viewKey = (referentialCode: string, view: EntryView): string => `${referentialCode}|${view.release}|${view.at ?? ''}`;
