import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Application, type ApplicationNode } from '../application/application.entity';
import { Deployment, type DeploymentNode } from '../deployment/deployment.entity';
import { CourtStub } from '../federation/court.stub';
import { ExchangeStub } from '../federation/exchange.stub';

export enum ImpactNodeKind {
  REFERENTIAL = 'REFERENTIAL',
  REFERENTIAL_ENTRIES = 'REFERENTIAL_ENTRIES',
  LEGAL_TEXT = 'LEGAL_TEXT',
  EXCHANGE = 'EXCHANGE',
  SCHEMA_VERSION = 'SCHEMA_VERSION',
  ROADMAP_ITEM = 'ROADMAP_ITEM',
  APPLICATION = 'APPLICATION',
  COURT = 'COURT',
  BUREAU = 'BUREAU',
  FIELD = 'FIELD',
}

/** Whether a path rests on what was declared (usages, exchanges, roadmap) or on reads observed in live traffic. */
export enum ImpactEvidence {
  DECLARED = 'DECLARED',
  OBSERVED = 'OBSERVED',
}

registerEnumType(ImpactEvidence, {
  name: 'ImpactEvidence',
  description: 'What an impact path rests on.',
  valuesConfig: {
    DECLARED: { description: 'The map of the IS: declared usages, exchanges, roadmap.' },
    OBSERVED: { description: 'Reads observed in live traffic (last 90 days).' },
  },
});

registerEnumType(ImpactNodeKind, { name: 'ImpactNodeKind', description: 'What a step of an impact path stands for.' });

@ObjectType({ description: 'One hop of an impact path.' })
export class ImpactStep {
  @Field(() => ImpactNodeKind) kind!: ImpactNodeKind;
  @Field({ description: 'Code of the node (a referential, exchange, application or court code, a bureau, a legal text…).' }) code!: string;
  @Field(() => String, { nullable: true, description: 'How this node is linked to the previous one, e.g. "consumed by".' }) relation?: string | null;
  /** The link was observed in live traffic rather than declared (gives the path its evidence). */
  observed?: boolean;
}

@ObjectType({ description: 'Why something is touched: the chain of links from the change to it.' })
export class ImpactPath {
  @Field(() => [ImpactStep]) steps!: ImpactStep[];
  @Field({ description: 'The same chain, in words.' }) explanation!: string;
  @Field(() => ImpactEvidence) evidence!: ImpactEvidence;
}

@ObjectType()
export class ImpactedApplication {
  @Field(() => Application) application!: ApplicationNode;
  @Field(() => [ImpactPath]) paths!: ImpactPath[];
  @Field(() => [ImpactEvidence], { description: 'Declared, observed, or both: the evidence of its paths.' }) evidence!: ImpactEvidence[];
}

@ObjectType()
export class ImpactedExchange {
  @Field(() => ExchangeStub, { description: 'The exchange (exchanges subgraph).' }) exchange!: ExchangeStub;
  @Field(() => [ImpactPath]) paths!: ImpactPath[];
}

@ObjectType()
export class ImpactedDeployment {
  @Field(() => Deployment) deployment!: DeploymentNode;
  @Field(() => CourtStub, { description: 'The court (organisation subgraph).' }) court!: CourtStub;
  @Field(() => ImpactPath) path!: ImpactPath;
}

@ObjectType()
export class ImpactedBureau {
  @Field({ description: "An owner bureau (maîtrise d'ouvrage)." }) bureau!: string;
  @Field(() => [ImpactPath], { description: 'One path per application of the bureau that is touched.' }) paths!: ImpactPath[];
}

@ObjectType({ description: 'What a change touches, and why.' })
export class Impact {
  @Field({ description: 'The change analysed, in words.' }) change!: string;
  @Field(() => [ImpactedApplication]) applications!: ImpactedApplication[];
  @Field(() => [ImpactedExchange]) exchanges!: ImpactedExchange[];
  @Field(() => [ImpactedDeployment], { description: 'Deployments not withdrawn of the applications touched.' }) deployments!: ImpactedDeployment[];
  @Field(() => [ImpactedBureau]) bureaus!: ImpactedBureau[];
  @Field(() => [String], { description: 'What the analysis could not follow (dangling codes, links pending on another subgraph).' }) notes!: string[];
}
