import { defineExceptions } from '../../kernel/errors/define-exceptions';

export enum ReferentialsExceptionCode {
  REFERENTIAL_NOT_FOUND = 'REFERENTIAL_NOT_FOUND',
  REFERENTIAL_ALREADY_EXISTS = 'REFERENTIAL_ALREADY_EXISTS',
  RELEASE_NOT_FOUND = 'RELEASE_NOT_FOUND',
  NO_DRAFT = 'NO_DRAFT',
  DRAFT_ALREADY_OPEN = 'DRAFT_ALREADY_OPEN',
  DRAFT_CHANGED = 'DRAFT_CHANGED',
  ENTRY_NOT_FOUND = 'ENTRY_NOT_FOUND',
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_RELEASE_STATE = 'INVALID_RELEASE_STATE',
  MASS_REMOVAL = 'MASS_REMOVAL',
  SELF_APPROVAL = 'SELF_APPROVAL',
  STALE_REVIEW = 'STALE_REVIEW',
  APPROVAL_REQUIRED = 'APPROVAL_REQUIRED',
  RELEASE_SCHEDULED = 'RELEASE_SCHEDULED',
  /** A file import refused as a whole before its content counts: another import running, an open draft, approval required. */
  IMPORT_REFUSED = 'IMPORT_REFUSED',
}

export class ReferentialsException extends defineExceptions<ReferentialsExceptionCode>({
  REFERENTIAL_NOT_FOUND: 'NOT_FOUND',
  REFERENTIAL_ALREADY_EXISTS: 'CONFLICT',
  RELEASE_NOT_FOUND: 'NOT_FOUND',
  NO_DRAFT: 'NOT_FOUND',
  DRAFT_ALREADY_OPEN: 'CONFLICT',
  DRAFT_CHANGED: 'CONFLICT',
  ENTRY_NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'BAD_USER_INPUT',
  INVALID_RELEASE_STATE: 'CONFLICT',
  MASS_REMOVAL: 'CONFLICT',
  SELF_APPROVAL: 'FORBIDDEN',
  STALE_REVIEW: 'CONFLICT',
  APPROVAL_REQUIRED: 'CONFLICT',
  RELEASE_SCHEDULED: 'CONFLICT',
  IMPORT_REFUSED: 'CONFLICT',
}) {}

/** Shorthand for the most common failure: a bad argument, named. */
export const invalid = (message: string, field: string): ReferentialsException =>
  new ReferentialsException(message, ReferentialsExceptionCode.INVALID_INPUT, field);

/** The import's refusal: its job is recorded REFUSED (not FAILED), the upload answers 409. */
export class ImportRefusedError extends ReferentialsException {
  constructor(message: string) {
    super(message, ReferentialsExceptionCode.IMPORT_REFUSED);
  }
}

export const referentialNotFound = (code: string, field = 'referential'): ReferentialsException =>
  new ReferentialsException(`no referential has code ${code}`, ReferentialsExceptionCode.REFERENTIAL_NOT_FOUND, field);
