import { Field, ObjectType } from 'type-graphql';
import { Court, type CourtNode } from '../court/court.entity';
import { CourtType } from '../court/court-type.enum';

@ObjectType({ description: 'The court competent for a commune in one kind of matter.' })
export class CompetentCourt {
  @Field(() => CourtType, {
    description: 'The kind of court sought; `court.type` may differ (a TJ commercial chamber stands for a tribunal de commerce in Alsace-Moselle).',
  })
  type!: CourtType;

  @Field(() => Court)
  court!: CourtNode;
}
