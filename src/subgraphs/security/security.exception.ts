import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

export enum SecurityExceptionCode {
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  INVALID_API_KEY_INPUT = 'INVALID_API_KEY_INPUT',
  INVALID_AUDIT_FILTER = 'INVALID_AUDIT_FILTER',
}

const API_CODES: Record<SecurityExceptionCode, ApiErrorCode> = {
  [SecurityExceptionCode.API_KEY_NOT_FOUND]: ApiErrorCode.NOT_FOUND,
  [SecurityExceptionCode.INVALID_API_KEY_INPUT]: ApiErrorCode.BAD_USER_INPUT,
  [SecurityExceptionCode.INVALID_AUDIT_FILTER]: ApiErrorCode.BAD_USER_INPUT,
};

export class SecurityException extends AppException {
  constructor(message: string, code: SecurityExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}
