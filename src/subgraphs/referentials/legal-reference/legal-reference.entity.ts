import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LegalRole, LegalTextKind } from './legal-text-kind.enum';

@ObjectType({ description: 'An article that defines or punishes an offence, as parsed from NATINF; `raw` is the source text.', simpleResolvers: true })
@Entity()
@Index({ properties: ['entryId'] })
@Index({ properties: ['codeMnemonic', 'article'] })
@Index({ properties: ['textNumber', 'article'] })
export class LegalReference {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The entry version it belongs to: references are immutable with it. */
  @Property({ type: 'bigint' })
  entryId!: string;

  @Field(() => LegalRole)
  @Enum({ items: () => LegalRole, nativeEnumName: 'legal_role' })
  role!: LegalRole;

  @Field(() => Int, { description: 'Order within the cell.' })
  @Property({ type: 'smallint' })
  position!: number;

  @Field({ description: 'The source text: one article with its text, or a whole cell that could not be parsed.' })
  @Property({ type: 'text' })
  raw!: string;

  @Field({ description: 'False when the cell did not parse: only `raw` is then meaningful.' })
  @Property({ type: 'boolean' })
  parsed!: boolean;

  @Field(() => LegalTextKind, { nullable: true })
  @Enum({ items: () => LegalTextKind, nativeEnumName: 'legal_text_kind', nullable: true })
  textKind?: LegalTextKind | null;

  @Field(() => String, { nullable: true, description: 'e.g. "C.ROUTE.", "LOI 48-1360 DU 01/09/1948.".' })
  @Property({ type: 'string', length: 255, nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "C.PENAL.", for codes.' })
  @Property({ type: 'string', length: 64, nullable: true })
  codeMnemonic?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  textNumber?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'date', nullable: true })
  textDate?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "L.234-1".' })
  @Property({ type: 'string', length: 64, nullable: true })
  article?: string | null;

  @Field(() => [String], { description: 'Alinéas, paragraphs and points: "AL.1", "§II", "4°".' })
  @Property({ type: 'json', defaultRaw: "'[]'" })
  paragraphs: string[] = [];
}
