import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { AgendaItemLink } from './agenda-item-link.model.js';
import { AgendaItemTypeEnum } from './agenda-item-type.enum.js';
import type { AgendaItemType } from '../domain/event-enums.js';

@ObjectType()
export class AgendaItem {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: '0-based order within the event.' })
  position: number;

  @Field(() => AgendaItemTypeEnum)
  type: AgendaItemType;

  @Field(() => String, { nullable: true, description: 'Label as printed, e.g. "Morning Keynote", "Case Study".' })
  label: string | null;

  @Field()
  title: string;

  @Field(() => DateTimeScalar, { nullable: true })
  startsAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt: string | null;

  @Field(() => String, { nullable: true, description: 'A theme, e.g. "Policing"; where it takes place is its room.' })
  track: string | null;

  @Field(() => [String])
  keyPoints: string[];

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => String, { nullable: true, description: 'E.g. "Introductory", "Advanced".' })
  level: string | null;

  @Field(() => String, { nullable: true, description: 'The spoken language, a BCP 47 tag such as en or en-GB.' })
  language: string | null;

  @Field(() => [AgendaItemLink])
  links: AgendaItemLink[];
}
