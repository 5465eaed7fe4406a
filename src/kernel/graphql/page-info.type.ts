import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay page info; `@shareable` because every subgraph's connections return the same value type. */
@Directive('@shareable')
@ObjectType({ description: 'Relay-style pagination state of a connection.' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}
