/**
 * The one list of fields whose values never reach the audit trail nor the logs (compared case-insensitively):
 * webhook secrets, API key hashes, credentials in headers. The audit recorder leaves them out of the arguments and
 * the before/after rows; the logger removes them (pino `redact`).
 */
export const REDACTED_FIELDS: readonly string[] = [
  'secret',
  'secretHash',
  'secret_hash',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'authorization',
  'cookie',
  'x-api-key',
  'x-gateway-assertion',
  'gatewaySecret',
];

const LOWERCASE = new Set(REDACTED_FIELDS.map((f) => f.toLowerCase()));

export const isRedactedField = (name: string): boolean => LOWERCASE.has(name.toLowerCase());

/** How deep under a logged object pino looks for them (its paths have no recursive wildcard). */
const LOG_DEPTH = 4;

/** pino `redact.paths`: each field at the top of a log line and under up to LOG_DEPTH levels of objects. */
export function logRedactPaths(): string[] {
  return REDACTED_FIELDS.flatMap((field) => {
    const plain = /^[A-Za-z_$][\w$]*$/.test(field);
    return Array.from({ length: LOG_DEPTH + 1 }, (_, depth) => {
      const parents = Array(depth).fill('*').join('.');
      if (!parents) return plain ? field : `["${field}"]`;
      return plain ? `${parents}.${field}` : `${parents}["${field}"]`;
    });
  });
}
