import type { MikroORM } from '@mikro-orm/postgresql';
import { logger } from '../logger';
import { supergraphApiSchema } from './supergraph-api-schema';
import { loadUsageConfig, type UsageConfig } from './usage-config';
import { UsageRecorder } from './usage-recorder';

/** The edge's recorder (one-process server, or split gateway with a database); null when `USAGE_TRACKING=false`. */
export function startUsageRecording(orm: MikroORM, supergraphSdl: string, config: UsageConfig = loadUsageConfig()): UsageRecorder | null {
  if (!config.enabled) {
    logger.info('observed usage is not recorded (USAGE_TRACKING=false)');
    return null;
  }
  return new UsageRecorder(orm, supergraphApiSchema(supergraphSdl), config).start();
}
