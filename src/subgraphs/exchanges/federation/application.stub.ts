import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalog's Application, seen from the exchanges subgraph: its key; this subgraph adds `exchanges`. */
@Directive('@key(fields: "code")')
@ObjectType('Application')
export class ApplicationStub {
  @Field(() => ID)
  code!: string;
}

export const applicationStub = (code: string): ApplicationStub => Object.assign(new ApplicationStub(), { code });
