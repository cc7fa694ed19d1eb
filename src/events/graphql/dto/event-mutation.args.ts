import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsId, IsSlug, IsVersion } from '../../../common/validation/fields.js';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { EventInput } from './event.input.js';
import { TEXT } from '../../../common/validation/text-rules.js';

@ArgsType()
export class EventVersionArgs {
  @Field(() => ID)
  @IsId('an event')
  id: string;

  @Field(() => Int)
  @IsVersion()
  expectedVersion: number;
}

@ArgsType()
export class UpdateEventArgs extends EventVersionArgs {
  @Field(() => EventInput)
  @ValidateNested()
  @Type(() => EventInput)
  input: EventInput;
}

@ArgsType()
export class DuplicateEventArgs {
  @Field(() => ID)
  @IsId('an event')
  id: string;

  @Field()
  @IsSlug()
  slug: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  startsAt: Date;
}

@ArgsType()
export class RestoreDeletedEventArgs {
  @Field(() => ID)
  @IsId('an event')
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Restores it under this slug instead of its own (which another event may have taken since).',
  })
  @IsOptional()
  @IsSlug()
  slug?: string | null;
}

@ArgsType()
export class DeletedEventsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;
}

@ArgsType()
export class RestoreEventRevisionArgs {
  @Field(() => ID)
  @IsId('an event')
  eventId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  revision: number;

  @Field(() => Int)
  @IsVersion()
  expectedVersion: number;
}

@ArgsType()
export class EventRevisionsArgs {
  @Field(() => ID)
  @IsId('an event')
  eventId: string;
}

@ArgsType()
export class ExportEventArgs {
  @Field()
  @IsString()
  @MaxLength(TEXT.slug.max)
  slug: string;
}

@ArgsType()
export class SchedulePublicationArgs {
  @Field(() => ID)
  @IsId('an event')
  eventId: string;

  @Field(() => Int)
  @IsVersion()
  expectedVersion: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When to publish; null: no timed publish.' })
  @IsOptional()
  @IsDate()
  publishAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When to unpublish; null: no timed unpublish.' })
  @IsOptional()
  @IsDate()
  unpublishAt?: Date | null;
}
