import { defineExceptions } from './define-exceptions';

export enum InputExceptionCode {
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  INVALID_CURSOR = 'INVALID_CURSOR',
  PAGE_SIZE_OUT_OF_RANGE = 'PAGE_SIZE_OUT_OF_RANGE',
}

/** Malformed arguments caught by shared kernel code (pagination, scalars) rather than by a module. */
export class InputException extends defineExceptions<InputExceptionCode>({
  INVALID_ARGUMENT: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'BAD_USER_INPUT',
  PAGE_SIZE_OUT_OF_RANGE: 'BAD_USER_INPUT',
}) {}
