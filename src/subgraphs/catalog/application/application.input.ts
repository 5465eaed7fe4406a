import { Field, ID, InputType } from 'type-graphql';
import { ApplicationDomain, LifecycleStatus } from './application-enums';

@InputType({ description: 'A new application of the IS map.' })
export class CreateApplicationInput {
  @Field(() => ID, { description: 'Upper-case letters, digits, "_" or "-", e.g. "CASSIOPEE".' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ApplicationDomain)
  domain!: ApplicationDomain;

  @Field()
  ownerBureau!: string;

  @Field(() => LifecycleStatus, { nullable: true, description: 'STUDY by default.' })
  lifecycleStatus?: LifecycleStatus | null;

  @Field()
  urbanisationZone!: string;

  @Field(() => String, { nullable: true })
  documentationUrl?: string | null;
}

@InputType({ description: 'Changes to an application; absent fields stay as they are.' })
export class UpdateApplicationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ApplicationDomain, { nullable: true }) domain?: ApplicationDomain | null;
  @Field(() => String, { nullable: true }) ownerBureau?: string | null;
  @Field(() => String, { nullable: true }) urbanisationZone?: string | null;
  @Field(() => String, { nullable: true, description: 'An empty string removes the link.' }) documentationUrl?: string | null;
}

@InputType({ description: 'Narrows the application list; every criterion given must hold.' })
export class ApplicationsFilter {
  @Field(() => ApplicationDomain, { nullable: true }) domain?: ApplicationDomain;
  @Field(() => LifecycleStatus, { nullable: true }) lifecycleStatus?: LifecycleStatus;
  @Field(() => String, { nullable: true }) ownerBureau?: string;
  @Field(() => String, { nullable: true }) urbanisationZone?: string;
}
