import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

export enum OrganisationExceptionCode {
  COURT_NOT_FOUND = 'COURT_NOT_FOUND',
  COMMUNE_NOT_FOUND = 'COMMUNE_NOT_FOUND',
  INVALID_INSEE_CODE = 'INVALID_INSEE_CODE',
  INVALID_COURT_CODE = 'INVALID_COURT_CODE',
  COURT_ALREADY_EXISTS = 'COURT_ALREADY_EXISTS',
  INVALID_PERIOD = 'INVALID_PERIOD',
  INVALID_MERGE = 'INVALID_MERGE',
}

const API_CODES: Record<OrganisationExceptionCode, ApiErrorCode> = {
  COURT_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  COMMUNE_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  INVALID_INSEE_CODE: ApiErrorCode.BAD_USER_INPUT,
  INVALID_COURT_CODE: ApiErrorCode.BAD_USER_INPUT,
  COURT_ALREADY_EXISTS: ApiErrorCode.CONFLICT,
  INVALID_PERIOD: ApiErrorCode.BAD_USER_INPUT,
  INVALID_MERGE: ApiErrorCode.BAD_USER_INPUT,
};

export class OrganisationException extends AppException {
  constructor(message: string, code: OrganisationExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}
