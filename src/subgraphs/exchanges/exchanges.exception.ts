import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

export enum ExchangesExceptionCode {
  EXCHANGE_NOT_FOUND = 'EXCHANGE_NOT_FOUND',
  EXCHANGE_EXISTS = 'EXCHANGE_EXISTS',
  SCHEMA_VERSION_NOT_FOUND = 'SCHEMA_VERSION_NOT_FOUND',
  SCHEMA_VERSION_EXISTS = 'SCHEMA_VERSION_EXISTS',
  INVALID_CODE = 'INVALID_CODE',
  INVALID_PARTY = 'INVALID_PARTY',
  UNKNOWN_APPLICATION = 'UNKNOWN_APPLICATION',
  INVALID_SCHEMA = 'INVALID_SCHEMA',
  INVALID_VALUE = 'INVALID_VALUE',
  NOT_JSON_SCHEMA = 'NOT_JSON_SCHEMA',
}

const API_CODES: Record<ExchangesExceptionCode, ApiErrorCode> = {
  EXCHANGE_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  EXCHANGE_EXISTS: ApiErrorCode.CONFLICT,
  SCHEMA_VERSION_NOT_FOUND: ApiErrorCode.NOT_FOUND,
  SCHEMA_VERSION_EXISTS: ApiErrorCode.CONFLICT,
  INVALID_CODE: ApiErrorCode.BAD_USER_INPUT,
  INVALID_PARTY: ApiErrorCode.BAD_USER_INPUT,
  UNKNOWN_APPLICATION: ApiErrorCode.BAD_USER_INPUT,
  INVALID_SCHEMA: ApiErrorCode.BAD_USER_INPUT,
  INVALID_VALUE: ApiErrorCode.BAD_USER_INPUT,
  NOT_JSON_SCHEMA: ApiErrorCode.BAD_USER_INPUT,
};

export class ExchangesException extends AppException {
  constructor(message: string, code: ExchangesExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}
