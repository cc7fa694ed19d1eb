import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class EventUrls {
  @Field({ description: 'iCalendar feed, one VEVENT per timed agenda item.' })
  ics: string;

  @Field({ description: 'Schedule in the frab/c3voc schedule.json format.' })
  scheduleJson: string;

  @Field({ description: 'Embeddable HTML agenda.' })
  embed: string;
}
