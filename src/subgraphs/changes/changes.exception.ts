import { ApiErrorCode, AppException } from '../../kernel/errors/app.exception';

export enum ChangesExceptionCode {
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
  INVALID_URL = 'INVALID_URL',
  INVALID_ID = 'INVALID_ID',
  WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND',
}

const API_CODES: Record<ChangesExceptionCode, ApiErrorCode> = {
  INVALID_CURSOR: ApiErrorCode.BAD_USER_INPUT,
  INVALID_PAGE_SIZE: ApiErrorCode.BAD_USER_INPUT,
  INVALID_URL: ApiErrorCode.BAD_USER_INPUT,
  INVALID_ID: ApiErrorCode.BAD_USER_INPUT,
  WEBHOOK_NOT_FOUND: ApiErrorCode.NOT_FOUND,
};

export class ChangesException extends AppException {
  constructor(message: string, code: ChangesExceptionCode, field?: string) {
    super(message, code, API_CODES[code], field);
  }
}
