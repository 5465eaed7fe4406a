import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { Application, type ApplicationNode } from '../application/application.entity';
import { CourtStub } from '../federation/court.stub';
import { ExchangeStub } from '../federation/exchange.stub';
import { ReferentialStub } from '../federation/referential.stub';

export enum CoherenceIssueKind {
  UNKNOWN_COURT = 'UNKNOWN_COURT',
  CLOSED_COURT = 'CLOSED_COURT',
  UNKNOWN_APPLICATION = 'UNKNOWN_APPLICATION',
  RETIRED_PRODUCER = 'RETIRED_PRODUCER',
  RETIRED_CONSUMER = 'RETIRED_CONSUMER',
  RETIRED_APPLICATION_DEPLOYED = 'RETIRED_APPLICATION_DEPLOYED',
  UNKNOWN_REFERENTIAL = 'UNKNOWN_REFERENTIAL',
  PINNED_TO_RETIRED_RELEASE = 'PINNED_TO_RETIRED_RELEASE',
  PINNED_TO_UNKNOWN_RELEASE = 'PINNED_TO_UNKNOWN_RELEASE',
  UNCONSUMED_REFERENTIAL = 'UNCONSUMED_REFERENTIAL',
  READ_BUT_UNDECLARED = 'READ_BUT_UNDECLARED',
  DECLARED_BUT_UNREAD = 'DECLARED_BUT_UNREAD',
}

registerEnumType(CoherenceIssueKind, {
  name: 'CoherenceIssueKind',
  description: 'A kind of inconsistency in the IS map.',
  valuesConfig: {
    UNKNOWN_COURT: { description: 'A deployment or contact names a court code the organisation subgraph does not know.' },
    CLOSED_COURT: { description: 'A deployment not withdrawn at a court that is no longer in force.' },
    UNKNOWN_APPLICATION: { description: 'An exchange or contact names an application code the catalog does not know.' },
    RETIRED_PRODUCER: { description: 'An exchange still in use whose producer is retired.' },
    RETIRED_CONSUMER: { description: 'An exchange still in use with a retired consumer.' },
    RETIRED_APPLICATION_DEPLOYED: { description: 'A retired application still planned, piloted or deployed at a court.' },
    UNKNOWN_REFERENTIAL: { description: 'A usage or exchange names a referential code that does not exist.' },
    PINNED_TO_RETIRED_RELEASE: { description: 'An application pinned to a retired referential release.' },
    PINNED_TO_UNKNOWN_RELEASE: { description: 'An application pinned to a release number the referential does not have.' },
    UNCONSUMED_REFERENTIAL: { description: 'A referential that no application uses and no exchange carries.' },
    READ_BUT_UNDECLARED: { description: 'An application observed reading a referential (last 90 days) that it never declared.' },
    DECLARED_BUT_UNREAD: { description: 'An application that calls the API declared reading a referential, and was not observed reading it in 90 days.' },
  },
});

@ObjectType({ description: 'One inconsistency, with the objects it involves.' })
export class CoherenceIssue {
  @Field(() => CoherenceIssueKind) kind!: CoherenceIssueKind;
  @Field() message!: string;
  @Field(() => Application, { nullable: true }) application?: ApplicationNode | null;
  @Field(() => ExchangeStub, { nullable: true }) exchange?: ExchangeStub | null;
  @Field(() => CourtStub, { nullable: true }) court?: CourtStub | null;
  @Field(() => ReferentialStub, { nullable: true }) referential?: ReferentialStub | null;
}

@ObjectType({ description: 'Inconsistencies of the IS map across the catalog, exchanges, organisation and referentials.' })
export class CoherenceReport {
  @Field(() => LocalDateScalar, { description: 'The day courts were checked against.' }) checkedOn!: string;
  @Field(() => [CoherenceIssue]) issues!: CoherenceIssue[];
  @Field(() => [String], { description: 'Checks that could not run, and why.' }) pendingChecks!: string[];
}
