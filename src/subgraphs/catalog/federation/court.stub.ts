import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The organisation subgraph's Court, seen from the catalog: only its key; the catalog adds deployments and contacts. */
@Directive('@key(fields: "code")')
@ObjectType('Court')
export class CourtStub {
  @Field(() => ID)
  code!: string;
}

export const courtStub = (code: string): CourtStub => Object.assign(new CourtStub(), { code });
