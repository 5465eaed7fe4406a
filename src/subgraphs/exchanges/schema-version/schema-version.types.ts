import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../kernel/graphql/scalars';
import { SchemaLanguage, SchemaStatus } from './schema-enums';

@InputType({ description: 'A schema document version for an exchange.' })
export class AddSchemaVersionInput {
  @Field(() => ID) exchangeCode!: string;
  @Field({ description: 'e.g. "2.1"; unique per exchange.' }) version!: string;
  @Field(() => SchemaLanguage) language!: SchemaLanguage;
  @Field(() => SchemaStatus, { nullable: true, description: 'DRAFT by default.' }) status?: SchemaStatus | null;
  @Field({ description: 'The XSD or JSON Schema text.' }) content!: string;
  @Field(() => LocalDateScalar, { nullable: true }) publishedOn?: string | null;
}

@ObjectType({ description: 'A place where a message breaks its schema.' })
export class MessageValidationError {
  @Field({ description: 'JSON Pointer to the offending value (or to the missing or extra property), "/" for the whole message.' }) path!: string;
  @Field() message!: string;
  @Field({ description: 'The JSON Schema keyword that failed, e.g. "required", "pattern".' }) keyword!: string;
}

@ObjectType({ description: 'Outcome of validating a sample message against a schema version.' })
export class MessageValidation {
  @Field() valid!: boolean;
  @Field(() => [MessageValidationError]) errors!: MessageValidationError[];
}
