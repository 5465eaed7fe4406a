import { Field, ID, InputType, Int } from 'type-graphql';
import { UsageMode } from './usage-mode.enum';

@InputType({ description: 'An application using a referential; declaring it again for the same pair updates it.' })
export class DeclareReferentialUsageInput {
  @Field(() => ID) applicationCode!: string;
  @Field(() => ID, { description: 'A referential code of the referentials subgraph.' }) referentialCode!: string;
  @Field(() => Int, { nullable: true, description: 'Pin to this release number; null to follow the latest published release.' }) pinnedRelease?: number | null;
  @Field(() => UsageMode) mode!: UsageMode;
  @Field(() => [String], { nullable: true, description: 'Legal texts that make the usage mandatory.' }) legalTexts?: string[] | null;
}
