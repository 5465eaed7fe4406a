import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { RoadmapStatus } from './roadmap-status.enum';

@InputType({ description: 'A version of an application put into service.' })
export class AddReleaseInput {
  @Field(() => ID) applicationCode!: string;
  @Field() version!: string;
  @Field(() => LocalDateScalar) releasedOn!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [String], { nullable: true }) features?: string[] | null;
}

@InputType({ description: 'A planned evolution, with the legal change or referential release that requires it.' })
export class AddRoadmapItemInput {
  @Field(() => ID) applicationCode!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) targetDate?: string | null;
  @Field(() => RoadmapStatus, { nullable: true }) status?: RoadmapStatus | null;
  @Field(() => ID, { nullable: true }) referentialCode?: string | null;
  @Field(() => Int, { nullable: true }) referentialRelease?: number | null;
  @Field(() => [String], { nullable: true }) legalTexts?: string[] | null;
}
