import { AppException, type ApiErrorCode } from './app.exception';

/** The exception class of a module whose codes are `C`: `new XxxException(message, code, field?)`. */
export type ModuleExceptionClass<C extends string> = abstract new (message: string, code: C, field?: string) => AppException & { readonly reason: C };

/**
 * A module's exception family from its codes and the client-facing code of each:
 * `export class CatalogException extends defineExceptions<CatalogExceptionCode>({ APPLICATION_NOT_FOUND: 'NOT_FOUND', … }) {}`.
 * The record is exhaustive (a new code without its API code does not compile).
 */
export function defineExceptions<C extends string>(apiCodes: Readonly<Record<C, `${ApiErrorCode}`>>): ModuleExceptionClass<C> {
  abstract class ModuleException extends AppException {
    declare readonly reason: C;

    constructor(message: string, code: C, field?: string) {
      super(message, code, apiCodes[code] as ApiErrorCode, field);
    }
  }
  return ModuleException;
}
