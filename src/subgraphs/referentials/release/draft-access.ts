import { AuthException, AuthExceptionCode } from '../../../kernel/auth/auth.exception';
import { assertSteward, isStewardOf, type Principal } from '../../../kernel/auth/principal';
import { ReleaseStatus } from './release-status.enum';

/** A draft is its stewards' work in progress: only they and ADMIN may read it (its entries, diff, export, metadata). */
export const mayReadDrafts = (reader: Principal | undefined, referentialCode: string): boolean => reader !== undefined && isStewardOf(reader, referentialCode);

/** Refuses a draft to anyone else (UNAUTHENTICATED when anonymous, FORBIDDEN otherwise); no reader given: refused. */
export function assertReleaseReadable(status: ReleaseStatus | string, referentialCode: string, reader: Principal | undefined): void {
  if (status !== ReleaseStatus.DRAFT) return;
  if (!reader) throw new AuthException(AuthExceptionCode.NOT_ALLOWED);
  assertSteward(reader, referentialCode);
}
