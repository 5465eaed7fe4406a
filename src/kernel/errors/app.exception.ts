/** The codes clients see in `extensions.code`; every module exception maps its own codes onto these. */
export enum ApiErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
}

/** Base of every expected, client-facing failure; anything else is a bug and surfaces as INTERNAL_SERVER_ERROR. */
export abstract class AppException extends Error {
  protected constructor(
    message: string,
    /** The module's own code (e.g. `COURT_NOT_FOUND`), sent as `extensions.reason`. */
    readonly reason: string,
    readonly apiCode: ApiErrorCode,
    /** The argument or input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
