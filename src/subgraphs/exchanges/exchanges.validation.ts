import { ExchangesException, ExchangesExceptionCode } from './exchanges.exception';

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?$/;

export function checkCode(value: string, field: string): string {
  if (!CODE.test(value))
    throw new ExchangesException(`${field} "${value}" must be upper-case letters, digits, "_" or "-" (64 at most)`, ExchangesExceptionCode.INVALID_CODE, field);
  return value;
}

export function checkText(value: string, field: string, max = 255): string {
  const text = value.trim();
  if (!text || text.length > max) throw new ExchangesException(`${field} must be 1 to ${max} characters`, ExchangesExceptionCode.INVALID_VALUE, field);
  return text;
}

export function checkDuration(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  if (!DURATION.test(value))
    throw new ExchangesException(
      `${field} "${value}" is not an ISO 8601 duration in years, months, days (e.g. "P10Y")`,
      ExchangesExceptionCode.INVALID_VALUE,
      field,
    );
  return value;
}

export const cleanTexts = (texts: readonly string[] | null | undefined): string[] => [...new Set((texts ?? []).map((t) => t.trim()).filter(Boolean))];
