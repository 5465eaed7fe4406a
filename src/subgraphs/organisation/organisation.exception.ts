import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

export enum OrganisationExceptionCode {
  COURT_NOT_FOUND = 'COURT_NOT_FOUND',
  COMMUNE_NOT_FOUND = 'COMMUNE_NOT_FOUND',
  INVALID_INSEE_CODE = 'INVALID_INSEE_CODE',
  INVALID_COURT_CODE = 'INVALID_COURT_CODE',
}

const API_CODES: Record<OrganisationExceptionCode, ApiErrorCode> = {
  COURT_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  COMMUNE_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  INVALID_INSEE_CODE: ApiErrorCode.BAD_USER_INPUT,
  INVALID_COURT_CODE: ApiErrorCode.BAD_USER_INPUT,
};

export class OrganisationException extends AppException {
  constructor(message: string, code: OrganisationExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}
