import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Every criterion given must hold.' })
export class AuditFilter {
  @Field(() => ID, { nullable: true, description: 'A referential code (`SRJ` for courts).' })
  referential?: string | null;

  @Field(() => String, { nullable: true, description: 'A mutation name, or `import`.' })
  operation?: string | null;

  @Field(() => String, { nullable: true })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Exactly the recorded target, e.g. `NATINF/3`.' })
  target?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant, included.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  until?: Date | null;
}
