import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../kernel/graphql/connection';
import { Entry } from '../entry/entry.entity';
import type { EntryRow } from '../entry/entry.repository';
import { LegalRole } from './legal-text-kind.enum';

@ObjectType({ description: 'An offence citing a text: whether the text defines it, punishes it, or both.' })
export class OffenceCitation {
  @Field(() => Entry)
  entry!: EntryRow;

  @Field(() => [LegalRole])
  roles!: LegalRole[];

  /** Ids of the matching legal references, in order: `references` loads them. */
  referenceIds!: string[];
}

@ObjectType({ description: 'A page of offences citing a text, by code.' })
export class OffenceCitationConnection extends ConnectionType(OffenceCitation) {}
