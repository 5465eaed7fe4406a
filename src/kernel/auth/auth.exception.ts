import { ApiErrorCode, AppException } from '../errors/app.exception';

export enum AuthExceptionCode {
  /** No credentials where they are needed (anonymous access off, or a mutation). */
  CREDENTIALS_REQUIRED = 'CREDENTIALS_REQUIRED',
  /** A token or key that is forged, expired, revoked or unknown: the client is not told which. */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  /** Authenticated, but the role or the referential is not theirs. */
  NOT_ALLOWED = 'NOT_ALLOWED',
  /** An operation outside the allow-list of persisted operations. */
  OPERATION_NOT_ALLOWED = 'OPERATION_NOT_ALLOWED',
}

const MESSAGES: Record<AuthExceptionCode, string> = {
  [AuthExceptionCode.CREDENTIALS_REQUIRED]: 'Authentication required',
  [AuthExceptionCode.INVALID_CREDENTIALS]: 'Authentication required',
  [AuthExceptionCode.NOT_ALLOWED]: 'Not allowed',
  [AuthExceptionCode.OPERATION_NOT_ALLOWED]: 'Operation not in the allow-list',
};

/** Fixed messages only: why a credential failed or which role was missing is logged, never sent. */
export class AuthException extends AppException {
  constructor(code: AuthExceptionCode) {
    const unauthenticated = code === AuthExceptionCode.CREDENTIALS_REQUIRED || code === AuthExceptionCode.INVALID_CREDENTIALS;
    super(MESSAGES[code], code, unauthenticated ? ApiErrorCode.UNAUTHENTICATED : ApiErrorCode.FORBIDDEN);
  }
}
