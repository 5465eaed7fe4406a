import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Entry } from '../entry/entry.entity';
import type { EntryRow } from '../entry/entry.repository';

@ObjectType({ description: 'One field of an entry that differs between two releases (values as JSON text).' })
export class FieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ description: 'An entry present in both releases with different content.' })
export class EntryChange {
  @Field(() => ID) code!: string;
  @Field(() => Entry) before!: EntryRow;
  @Field(() => Entry) after!: EntryRow;
  @Field(() => [FieldChange]) changes!: FieldChange[];
}

@ObjectType({ description: 'What changed in a referential from one release to another.' })
export class ReleaseDiff {
  @Field(() => ID) referential!: string;
  @Field(() => Int) from!: number;
  @Field(() => Int) to!: number;
  @Field(() => [Entry]) added!: EntryRow[];
  @Field(() => [Entry]) removed!: EntryRow[];
  @Field(() => [EntryChange]) changed!: EntryChange[];
}
