import { InputException, InputExceptionCode } from '../errors/input.exception';

/** An `ID` argument that names a row by its number: checked here, so a word never reaches SQL as a number. */
export function numericId(value: string | number, field: string): number {
  const text = String(value);
  if (!/^[1-9]\d{0,14}$/.test(text))
    throw new InputException(`${field} must be a positive whole number, got "${text.slice(0, 40)}"`, InputExceptionCode.INVALID_ARGUMENT, field);
  return Number(text);
}
