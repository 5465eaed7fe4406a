import { Field, ID, ObjectType } from 'type-graphql';
import { ChangeEvent } from './change-event.entity';

@ObjectType({ description: 'Events after a cursor, in feed order. Keep `endCursor` and pass it as `since` next time.' })
export class ChangePage {
  @Field(() => [ChangeEvent])
  events!: ChangeEvent[];

  @Field(() => ID, { nullable: true, description: 'The cursor of the last event returned (or `since` when there were none).' })
  endCursor!: string | null;

  @Field({ description: 'True when more events follow: call again with `since: endCursor`.' })
  hasMore!: boolean;
}
