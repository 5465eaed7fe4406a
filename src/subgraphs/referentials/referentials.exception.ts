import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

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
}

const API_CODES: Record<ReferentialsExceptionCode, ApiErrorCode> = {
  REFERENTIAL_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  REFERENTIAL_ALREADY_EXISTS: ApiErrorCode.CONFLICT,
  RELEASE_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  NO_DRAFT: ApiErrorCode.NOT_FOUND,
  DRAFT_ALREADY_OPEN: ApiErrorCode.CONFLICT,
  DRAFT_CHANGED: ApiErrorCode.CONFLICT,
  ENTRY_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  INVALID_INPUT: ApiErrorCode.BAD_USER_INPUT,
  INVALID_RELEASE_STATE: ApiErrorCode.CONFLICT,
  MASS_REMOVAL: ApiErrorCode.CONFLICT,
  SELF_APPROVAL: ApiErrorCode.FORBIDDEN,
  STALE_REVIEW: ApiErrorCode.CONFLICT,
  APPROVAL_REQUIRED: ApiErrorCode.CONFLICT,
  RELEASE_SCHEDULED: ApiErrorCode.CONFLICT,
};

export class ReferentialsException extends AppException {
  constructor(message: string, code: ReferentialsExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}

/** Shorthand for the most common failure: a bad argument, named. */
export const invalid = (message: string, field: string): ReferentialsException =>
  new ReferentialsException(message, ReferentialsExceptionCode.INVALID_INPUT, field);

export const referentialNotFound = (code: string, field = 'referential'): ReferentialsException =>
  new ReferentialsException(`no referential has code ${code}`, ReferentialsExceptionCode.REFERENTIAL_NOT_FOUND, field);
