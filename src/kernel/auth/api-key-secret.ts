import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `rj_<prefix>_<secret>`: the prefix finds the row, the hash of the whole key proves it. */
const KEY_FORMAT = /^rj_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export const looksLikeApiKey = (token: string): boolean => token.startsWith('rj_');

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const key = `rj_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export const apiKeyPrefix = (key: string): string | undefined => KEY_FORMAT.exec(key)?.[1];

export function sameHash(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
