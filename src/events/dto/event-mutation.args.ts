import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { JSONScalar } from '../../common/graphql/json.scalar.js';
import { SLUG_PATTERN } from '../event-rules.js';
import { EventInput } from './event.input.js';

const SLUG_MESSAGE = 'slug must be lowercase letters and digits in words joined by "-"';

@ArgsType()
export class EventVersionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id (a UUID)' })
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
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
  @IsUUID('all', { message: 'id must be an event id (a UUID)' })
  id: string;

  @Field()
  @IsString()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  startsAt: Date;
}

@ArgsType()
export class ImportEventArgs {
  @Field(() => JSONScalar)
  @IsObject({ message: 'document must be a JSON object (an event document)' })
  document: Record<string, unknown>;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsBoolean()
  publish: boolean = false;
}

@ArgsType()
export class RestoreEventRevisionArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  revision: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class EventRevisionsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'eventId must be an event id (a UUID)' })
  eventId: string;
}

@ArgsType()
export class ExportEventArgs {
  @Field()
  @IsString()
  @MaxLength(120)
  slug: string;
}
