import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { DeploymentStatus } from './deployment-status.enum';

@InputType({ description: 'An application at a court; adding it again for the same court updates it.' })
export class AddDeploymentInput {
  @Field(() => ID) applicationCode!: string;
  @Field(() => ID, { description: 'A court code of the organisation subgraph.' }) courtCode!: string;
  @Field(() => DeploymentStatus) status!: DeploymentStatus;
  @Field(() => Int, { nullable: true }) wave?: number | null;
  @Field(() => Int, { nullable: true }) priority?: number | null;
  @Field(() => LocalDateScalar, { nullable: true }) plannedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) deployedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) withdrawnOn?: string | null;
}
