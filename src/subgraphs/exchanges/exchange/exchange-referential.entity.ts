import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import type { Exchange } from './exchange.entity';

/** "Messages of this exchange carry codes of that referential" (a referential of the referentials subgraph, by code). */
@Entity()
@Unique({ properties: ['exchange', 'referentialCode'] })
export class ExchangeReferential {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne('Exchange', { ref: true, deleteRule: 'cascade' })
  exchange!: Ref<Exchange>;

  @Property({ type: 'string', length: 64 })
  @Index()
  referentialCode!: string;
}
