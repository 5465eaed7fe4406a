import { Field, ID, InputType } from 'type-graphql';
import { ExchangeStatus, ExternalPartner, MessageFormat, SignatureLevel, Transport } from './exchange-enums';

@InputType({ description: 'A side of an exchange: give applicationCode, or partner (with an optional partnerName).' })
export class ExchangePartyInput {
  @Field(() => ID, { nullable: true }) applicationCode?: string | null;
  @Field(() => ExternalPartner, { nullable: true }) partner?: ExternalPartner | null;
  @Field(() => String, { nullable: true }) partnerName?: string | null;
}

@InputType({ description: 'A new exchange.' })
export class CreateExchangeInput {
  @Field(() => ID, { description: 'Upper-case letters, digits, "_" or "-".' }) code!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ExchangePartyInput) producer!: ExchangePartyInput;
  @Field(() => [ExchangePartyInput]) consumers!: ExchangePartyInput[];
  @Field(() => [String], { nullable: true }) messageTypes?: string[] | null;
  @Field(() => MessageFormat) format!: MessageFormat;
  @Field(() => Transport) transport!: Transport;
  @Field(() => SignatureLevel, { nullable: true, description: 'NONE by default.' }) signatureLevel?: SignatureLevel | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601 duration, e.g. "P10Y".' }) retentionPeriod?: string | null;
  @Field(() => String, { nullable: true }) retentionLegalBasis?: string | null;
  @Field(() => ExchangeStatus, { nullable: true, description: 'PLANNED by default.' }) status?: ExchangeStatus | null;
  @Field(() => [ID], { nullable: true, description: 'Referentials whose codes the messages carry.' }) referentialCodes?: string[] | null;
  @Field(() => [String], { nullable: true }) legalTexts?: string[] | null;
}

@InputType({ description: 'Narrows the exchange list; every criterion given must hold.' })
export class ExchangesFilter {
  @Field(() => ExchangeStatus, { nullable: true }) status?: ExchangeStatus;
  @Field(() => ID, { nullable: true, description: 'Only exchanges carrying codes of this referential.' }) referentialCode?: string;
  @Field(() => ExternalPartner, { nullable: true }) partner?: ExternalPartner;
}
