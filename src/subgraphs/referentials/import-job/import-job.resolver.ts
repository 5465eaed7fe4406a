import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../../kernel/graphql/context';
import { ImportJob } from './import-job.entity';
import { numericId } from '../../../kernel/graphql/ids';

@Resolver(() => ImportJob)
export class ImportJobResolver {
  @Query(() => [ImportJob], { description: 'Imports of files, newest first (CLI and HTTP uploads).' })
  importJobs(
    @Ctx() { em }: GraphQLContext,
    @Arg('referential', () => ID, { nullable: true }) referential?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number,
  ): Promise<ImportJob[]> {
    return em.find(ImportJob, referential ? { referentialCode: referential } : {}, { orderBy: { id: 'desc' }, limit: Math.min(Math.max(first ?? 20, 1), 100) });
  }

  @Query(() => ImportJob, { nullable: true })
  importJob(@Arg('id', () => ID) id: number, @Ctx() { em }: GraphQLContext): Promise<ImportJob | null> {
    return em.findOne(ImportJob, { id: numericId(id, 'id') });
  }
}
