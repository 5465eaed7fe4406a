import { defineExceptions } from '../../kernel/errors/define-exceptions';

export enum ChangesExceptionCode {
  INVALID_CURSOR = 'INVALID_CURSOR',
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
  INVALID_URL = 'INVALID_URL',
  INVALID_ID = 'INVALID_ID',
  WEBHOOK_NOT_FOUND = 'WEBHOOK_NOT_FOUND',
}

export class ChangesException extends defineExceptions<ChangesExceptionCode>({
  INVALID_CURSOR: 'BAD_USER_INPUT',
  INVALID_PAGE_SIZE: 'BAD_USER_INPUT',
  INVALID_URL: 'BAD_USER_INPUT',
  INVALID_ID: 'BAD_USER_INPUT',
  WEBHOOK_NOT_FOUND: 'NOT_FOUND',
}) {}
