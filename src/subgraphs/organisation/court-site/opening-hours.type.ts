import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A time slot, "08:30" to "12:00".' })
export class TimeSlot {
  @Field() opens!: string;
  @Field() closes!: string;
}

@ObjectType({ description: 'Opening hours for a range of days, as the official directory gives them.' })
export class OpeningHours {
  @Field({ description: 'e.g. "Lundi – Vendredi".' }) days!: string;
  @Field(() => [TimeSlot], { description: 'Empty when the directory only says "00:00–00:00" (the note then gives the hours).' }) slots!: TimeSlot[];
  @Field(() => String, { nullable: true, description: 'The directory\'s note, e.g. "9h00 à 17h00, du lundi au vendredi".' }) note?: string | null;
}
