import { ApiErrorCode, AppException } from './app.exception';

export enum InputExceptionCode {
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  INVALID_CURSOR = 'INVALID_CURSOR',
  PAGE_SIZE_OUT_OF_RANGE = 'PAGE_SIZE_OUT_OF_RANGE',
}

/** Malformed arguments caught by shared kernel code (pagination, scalars) rather than by a module. */
export class InputException extends AppException {
  constructor(message: string, code: InputExceptionCode, field: string) {
    super(message, code, ApiErrorCode.BAD_USER_INPUT, field);
  }
}
