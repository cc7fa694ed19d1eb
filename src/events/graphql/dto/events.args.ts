import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId, IsText, SLUG_PATTERN } from '../../../common/validation/fields.js';
import { TEXT } from '../../../common/validation/text-rules.js';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../common/graphql/pagination.js';
import { EventOrder, EventStatusEnum, PublicationStateEnum } from '../event.enums.js';
import type { EventStatus, PublicationState } from '../../domain/event-enums.js';

@InputType()
export class EventFilter {
  @Field(() => [String], { nullable: true, description: 'Sector slugs; an event matches if it has any of them.' })
  @IsOptional()
  @IsArray()
  @Matches(SLUG_PATTERN, { each: true, message: 'filter.sectors must hold sector slugs' })
  sectors?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events that end at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events that start before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Full-text search over title, summary, description, agenda and speakers.',
  })
  @IsOptional()
  @IsText(TEXT.search)
  search?: string | null;

  @Field(() => [EventStatusEnum], { nullable: true })
  @IsOptional()
  @IsEnum(EventStatusEnum, { each: true })
  status?: EventStatus[] | null;

  @Field(() => PublicationStateEnum, {
    nullable: true,
    description: 'Editors only; anonymous callers always get PUBLISHED.',
  })
  @IsOptional()
  @IsEnum(PublicationStateEnum)
  publicationState?: PublicationState | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => EventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventFilter)
  filter?: EventFilter | null;

  @Field(() => EventOrder, { nullable: true, defaultValue: EventOrder.STARTS_AT_ASC })
  @IsEnum(EventOrder)
  orderBy: EventOrder = EventOrder.STARTS_AT_ASC;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}

@ArgsType()
export class EventArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  slug?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsId('an event')
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A preview link's secret: the working copy of its event, read-only (with slug or id, only if they name it). " +
      'An unknown secret is NOT_FOUND, an expired or revoked one FORBIDDEN; never cached, never indexed.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  preview?: string | null;
}
