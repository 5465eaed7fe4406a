import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

export enum CatalogExceptionCode {
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  APPLICATION_EXISTS = 'APPLICATION_EXISTS',
  INVALID_CODE = 'INVALID_CODE',
  INVALID_VALUE = 'INVALID_VALUE',
  UNKNOWN_COURT = 'UNKNOWN_COURT',
  DEPLOYMENT_EXISTS = 'DEPLOYMENT_EXISTS',
  INVALID_CHANGE = 'INVALID_CHANGE',
}

const API_CODES: Record<CatalogExceptionCode, ApiErrorCode> = {
  APPLICATION_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  APPLICATION_EXISTS: ApiErrorCode.CONFLICT,
  INVALID_CODE: ApiErrorCode.BAD_USER_INPUT,
  INVALID_VALUE: ApiErrorCode.BAD_USER_INPUT,
  UNKNOWN_COURT: ApiErrorCode.BAD_USER_INPUT,
  DEPLOYMENT_EXISTS: ApiErrorCode.CONFLICT,
  INVALID_CHANGE: ApiErrorCode.BAD_USER_INPUT,
};

export class CatalogException extends AppException {
  constructor(message: string, code: CatalogExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}
