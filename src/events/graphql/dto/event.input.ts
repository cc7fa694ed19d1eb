import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsSlug, SLUG_PATTERN } from '../../../common/validation/fields.js';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { OptionalNotNull } from '../../../common/validation/optional.js';
import { AttendanceModeEnum, EventStatusEnum } from '../event.enums.js';
import type { AttendanceMode, EventStatus } from '../../domain/event-enums.js';

@InputType()
export class VenueInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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
  @IsString()
  @Length(1, 300)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50000)
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
  @IsString()
  @MaxLength(64)
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
  @ArrayMaxSize(50)
  @Matches(SLUG_PATTERN, { each: true, message: 'sectors must hold sector slugs' })
  sectors?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  audience?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  jobTitles?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  programmeNote?: string | null;
}
