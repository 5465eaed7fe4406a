/** Default share of a referential's entries in force that one import or publish may end-date without confirmation. */
const DEFAULT_PERCENT = 20;

/** `MASS_REMOVAL_THRESHOLD`, a percentage (0–100, decimals allowed), as a share; read at each use so tests and operators can change it. */
export function massRemovalShare(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.MASS_REMOVAL_THRESHOLD;
  if (raw === undefined || raw === '') return DEFAULT_PERCENT / 100;
  const percent = Number(raw);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new Error(`MASS_REMOVAL_THRESHOLD must be a percentage between 0 and 100, got "${raw}"`);
  return percent / 100;
}

/**
 * Why ending `ended` of the `inForce` entries of a referential needs a confirmation, or null when it does not:
 * a truncated or wrong file, or a slip in a draft, must not silently end a large part of a list every application reads.
 */
export function massRemovalRefusal(referential: string, ended: number, inForce: number, confirmHow: string): string | null {
  const share = massRemovalShare();
  if (ended === 0 || ended <= share * inForce) return null;
  return (
    `this would end-date ${ended} of the ${inForce} entries of ${referential} in force (more than ${Math.round(share * 1000) / 10} %): ` +
    `check the file or draft, then confirm with ${confirmHow}`
  );
}

/** Entries of release `release` not ended on `day`: what a share of end-dated entries is measured against. `$1` referential, `$2` release, `$3` day. */
export const IN_FORCE_SQL = `select count(*)::int as n from referential_entry where referential_code = $1 and recorded_in <= $2
  and (superseded_in is null or superseded_in > $2) and (valid_to is null or valid_to > $3::date)`;
