import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsSlug, IsText, IsTextList, SLUG_PATTERN } from '../../../common/validation/fields.js';
import { LIST, TEXT } from '../../../common/validation/text-rules.js';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { OptionalNotNull } from '../../../common/validation/optional.js';
import { AttendanceModeEnum, EventStatusEnum } from '../event.enums.js';
import type { AttendanceMode, EventStatus } from '../../domain/event-enums.js';

@InputType()
export class VenueInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.venueName)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.venueAddress)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.venueCity)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.venueCountry)
  country?: string | null;
}

/** Event fields; on update, a field left out stays as it is and null clears an optional one. */
@InputType()
export class EventInput {
  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsText(TEXT.eventTitle)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.summary)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.description)
  description?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @OptionalNotNull()
  @IsDate()
  startsAt?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @OptionalNotNull()
  @IsDate()
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsText(TEXT.timeZone)
  timeZone?: string;

  @Field(() => VenueInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInput)
  venue?: VenueInput | null;

  @Field(() => AttendanceModeEnum, { nullable: true })
  @OptionalNotNull()
  @IsEnum(AttendanceModeEnum)
  attendanceMode?: AttendanceMode;

  @Field(() => EventStatusEnum, { nullable: true })
  @OptionalNotNull()
  @IsEnum(EventStatusEnum)
  status?: EventStatus;

  @Field(() => [String], { nullable: true, description: 'Sector slugs.' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIST.sectors)
  @Matches(SLUG_PATTERN, { each: true, message: 'sectors must hold sector slugs' })
  sectors?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.audience)
  audience?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsTextList(TEXT.audienceJobTitle, LIST.jobTitles)
  jobTitles?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.programmeNote)
  programmeNote?: string | null;
}
