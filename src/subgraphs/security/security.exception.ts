import { defineExceptions } from '../../kernel/errors/define-exceptions';

export enum SecurityExceptionCode {
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  INVALID_API_KEY_INPUT = 'INVALID_API_KEY_INPUT',
  INVALID_AUDIT_FILTER = 'INVALID_AUDIT_FILTER',
}

export class SecurityException extends defineExceptions<SecurityExceptionCode>({
  API_KEY_NOT_FOUND: 'NOT_FOUND',
  INVALID_API_KEY_INPUT: 'BAD_USER_INPUT',
  INVALID_AUDIT_FILTER: 'BAD_USER_INPUT',
}) {}
