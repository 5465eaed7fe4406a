/** The codes clients see in `extensions.code`; every module exception maps its own codes onto these. */
export enum ApiErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
}

/** The status of each code on a plain HTTP route (on /graphql, a field's error leaves the answer a 200 with partial data). */
const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
};

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

  get httpStatus(): number {
    return HTTP_STATUS[this.apiCode];
  }

  /** What a client reads of it, on /graphql and on every other route alike. */
  get extensions(): { code: ApiErrorCode; reason: string; field?: string } {
    return { code: this.apiCode, reason: this.reason, ...(this.field ? { field: this.field } : {}) };
  }
}
