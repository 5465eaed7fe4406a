import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { assertSteward } from '../../../kernel/auth/principal';
import { Role } from '../../../kernel/auth/role.enum';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { ImportJob } from './import-job.entity';
import { numericId } from '../../../kernel/graphql/ids';

/** Jobs name actors and files and quote the files' lines: their referential's stewards and ADMIN only. */
@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Authorized(Role.STEWARD)
  @Query(() => [ImportJob], { description: 'Imports of files, newest first (CLI and HTTP uploads), of the referentials you steward (ADMIN: all).' })
  importJobs(
    @Ctx() { em, principal }: GraphQLContext,
    @Arg('referential', () => ID, { nullable: true }) referential?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
  ): Promise<ImportJob[]> {
    const stewarded = principal.roles.includes(Role.ADMIN) ? {} : { referentialCode: { $in: principal.stewardOf } };
    return em.find(ImportJob, referential ? { referentialCode: referential } : stewarded, {
      orderBy: { id: 'desc' },
      limit: Math.min(Math.max(first ?? 20, 1), 100),
    });
  }

  @Authorized(Role.STEWARD)
  @Query(() => ImportJob, { nullable: true, description: "One import (its referential's stewards and ADMIN)." })
  async importJob(@Arg('id', () => ID) id: number, @Ctx() { em, principal }: GraphQLContext): Promise<ImportJob | null> {
    const job = await em.findOne(ImportJob, { id: numericId(id, 'id') });
    if (job) assertSteward(principal, job.referentialCode);
    return job;
  }
}
