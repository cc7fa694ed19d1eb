import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { OptionalNotNull } from '../../../common/validation/optional.js';
import { AgendaItemTypeEnum } from '../agenda-item-type.enum.js';
import type { AgendaItemType } from '../../domain/event-enums.js';

/** Agenda item fields; on update, a field left out stays as it is and null clears an optional one. */
@InputType()
export class AgendaItemInput {
  @Field(() => AgendaItemTypeEnum, { nullable: true })
  @OptionalNotNull()
  @IsEnum(AgendaItemTypeEnum)
  type?: AgendaItemType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsString()
  @Length(1, 500)
  title?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  track?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  keyPoints?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: 'Insert at this position; default: last.' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  position?: number;
}
