import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Application, type ApplicationNode } from '../application/application.entity';
import { UsageMode } from '../referential-usage/usage-mode.enum';

@ObjectType({ description: 'One operation (by name and document hash) seen from a client.' })
export class ObservedOperation {
  @Field({ description: 'The operation name; empty for an anonymous operation.' }) name!: string;
  @Field({ description: 'SHA-256 (hex) of the document, as the allow-list names it.' }) hash!: string;
  @Field(() => Float) requests!: number;
}

@ObjectType({ description: 'What one client read of a field, observed in live traffic.' })
export class FieldClientUsage {
  @Field(() => ID, { description: 'An application code (API key naming it), `key:<prefix>`, `user:<subject>` or `anonymous`.' }) client!: string;
  @Field(() => Application, { nullable: true, description: 'The catalog application, for API keys that name one.' }) application?: ApplicationNode | null;
  @Field(() => Float) requests!: number;
  @Field(() => [ObservedOperation]) operations!: ObservedOperation[];
  @Field(() => Date) firstSeen!: Date;
  @Field(() => Date) lastSeen!: Date;
}

@ObjectType({ description: 'Requests of one day (UTC).' })
export class DailyRequests {
  @Field({ description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Float) requests!: number;
}

@ObjectType({ description: 'Who reads a schema coordinate (e.g. `Court.parent`), observed in live traffic.' })
export class FieldUsage {
  @Field() coordinate!: string;
  @Field({ description: 'Whether the served supergraph still has this field.' }) inSchema!: boolean;
  @Field(() => String, { nullable: true, description: 'Its `@deprecated` reason, when deprecated.' }) deprecationReason?: string | null;
  @Field(() => Float) requests!: number;
  @Field(() => [FieldClientUsage], { description: 'Most requests first.' }) clients!: FieldClientUsage[];
  @Field(() => [DailyRequests], { description: 'Requests per day over the last 30 days (days without any left out).' }) last30Days!: DailyRequests[];
}

@ObjectType({ description: 'A coordinate a client read.' })
export class CoordinateUsage {
  @Field() coordinate!: string;
  @Field(() => Float) requests!: number;
  @Field(() => Int, { description: 'Distinct operations (documents) that read it.' }) operations!: number;
  @Field(() => Date) firstSeen!: Date;
  @Field(() => Date) lastSeen!: Date;
}

@ObjectType({ description: 'Reads of one referential release (0: none published when read).' })
export class ReferentialReleaseReads {
  @Field(() => ID) referential!: string;
  @Field(() => Int) release!: number;
  @Field(() => Float) requests!: number;
  @Field(() => Date) firstSeen!: Date;
  @Field(() => Date) lastSeen!: Date;
}

@ObjectType({ description: 'What one client reads, observed in live traffic.' })
export class ClientUsage {
  @Field(() => ID) client!: string;
  @Field(() => Application, { nullable: true }) application?: ApplicationNode | null;
  @Field(() => [CoordinateUsage]) coordinates!: CoordinateUsage[];
  @Field(() => [ReferentialReleaseReads]) referentials!: ReferentialReleaseReads[];
}

@ObjectType({ description: 'A reader of a referential: declared (`declareReferentialUsage`), observed, or both.' })
export class ReferentialReader {
  @Field(() => ID) client!: string;
  @Field(() => Application, { nullable: true }) application?: ApplicationNode | null;
  @Field({ description: 'The application declared that it uses the referential.' }) declared!: boolean;
  @Field(() => UsageMode, { nullable: true }) declaredMode?: UsageMode | null;
  @Field(() => Int, { nullable: true }) pinnedRelease?: number | null;
  @Field({ description: 'Reads were observed in the period.' }) observed!: boolean;
  @Field(() => Float) requests!: number;
  @Field(() => [Int], { description: 'Releases read.' }) releases!: number[];
  @Field(() => Date, { nullable: true }) lastSeen?: Date | null;
}

@ObjectType({ description: 'Observed readers of a referential beside the declared ones.' })
export class ObservedReferentialUsage {
  @Field(() => ID) referential!: string;
  @Field(() => [ReferentialReader]) readers!: ReferentialReader[];
}
