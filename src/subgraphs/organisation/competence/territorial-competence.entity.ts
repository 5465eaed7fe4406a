import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Court } from '../court/court.entity';
import { CourtType } from '../court/court-type.enum';

/** "For commune X, the competent court of kind K is C, between these dates." */
@Entity()
@Index({ properties: ['inseeCode', 'kind'] })
export class TerritorialCompetence {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 5 })
  inseeCode!: string;

  /** The kind of court sought; the court itself may be of another type (a TJ's commercial chamber in Alsace-Moselle). */
  @Enum({ items: () => CourtType, nativeEnumName: 'court_type' })
  kind!: CourtType;

  @ManyToOne(() => Court, { ref: true, deleteRule: 'cascade' })
  @Index()
  court!: Ref<Court>;

  @Property({ type: 'date', nullable: true })
  validFrom?: string | null;

  @Property({ type: 'date', nullable: true })
  validTo?: string | null;
}
