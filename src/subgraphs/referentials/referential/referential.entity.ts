import { Entity, Enum, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../kernel/database/base.entity';
import { AttributeDefinition } from './attribute-definition.type';
import { ReferentialDomain } from './referential-domain.enum';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A versioned code list (NATINF, NAC, …): its entries change only through published releases.', simpleResolvers: true })
@Entity()
export class Referential extends BaseEntity {
  [PrimaryKeyProp]?: 'code';

  @Field(() => ID, { description: 'e.g. NATINF, NAC.' })
  @PrimaryKey({ type: 'string', length: 32 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 255 })
  name!: string;

  @Field(() => ReferentialDomain)
  @Enum({ items: () => ReferentialDomain, nativeEnumName: 'referential_domain' })
  domain!: ReferentialDomain;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field({ description: "The bureau that owns the list (maîtrise d'ouvrage)." })
  @Property({ type: 'string', length: 255 })
  ownerBureau!: string;

  @Field(() => [String], { description: "Names of the hierarchy levels, from the top (NAC: matière, sous-matière, nature d'affaire); empty for a flat list." })
  @Property({ type: 'json' })
  levels: string[] = [];

  @Field(() => [AttributeDefinition], { description: 'Typed extra attributes of its entries, validated on write.' })
  @Property({ type: 'json' })
  attributeDefinitions: AttributeDefinition[] = [];

  @Field(() => Boolean, { description: 'Four-eyes publication: a draft is published only once another steward (or an admin) approved it.' })
  @Property({ type: 'boolean', default: false })
  requiresApproval: Opt<boolean> = false;
}
