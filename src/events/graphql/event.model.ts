import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { Sector } from '../../sectors/sector.model.js';
import { AttendanceModeEnum, EventStatusEnum, PublicationStateEnum } from './event.enums.js';
import type { VenueView } from '../domain/event-view.js';
import type { SectorView } from '../../sectors/sector-view.js';
import { Venue } from './venue.model.js';
import type { AttendanceMode, EventStatus, PublicationState } from '../domain/event-enums.js';

/** The Event type; its relation fields (agenda, speakers, ...) are resolved in events.resolver.ts. */
@ObjectType('Event')
export class EventModel {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => DateTimeScalar)
  startsAt: string;

  @Field(() => DateTimeScalar)
  endsAt: string;

  @Field({ description: 'IANA zone, e.g. Europe/London.' })
  timeZone: string;

  @Field(() => Venue, { nullable: true })
  venue: VenueView | null;

  @Field(() => AttendanceModeEnum)
  attendanceMode: AttendanceMode;

  @Field(() => EventStatusEnum)
  status: EventStatus;

  @Field(() => [Sector])
  sectors: SectorView[];

  @Field(() => String, { nullable: true, description: 'Who it is designed for, as free text.' })
  audience: string | null;

  @Field(() => [String], { description: 'Typical job titles of attendees.' })
  jobTitles: string[];

  @Field(() => String, { nullable: true, description: 'E.g. "Programme subject to change".' })
  programmeNote: string | null;

  @Field(() => PublicationStateEnum)
  publicationState: PublicationState;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt: string | null;

  @Field(() => DateTimeScalar)
  updatedAt: string;

  @Field(() => Int, { description: 'Increases with every saved change; pass it back as expectedVersion.' })
  version: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Editors only (null otherwise): when schedulePublication will publish the event.',
  })
  scheduledPublishAt?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Editors only (null otherwise): when schedulePublication will unpublish the event.',
  })
  scheduledUnpublishAt?: string | null;
}
