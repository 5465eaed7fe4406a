import pino, { type Logger } from 'pino';

/** One structured JSON logger for the whole process; pipe through `pino-pretty` to read it by eye. */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'referentiel-justice' },
});

export type { Logger };
