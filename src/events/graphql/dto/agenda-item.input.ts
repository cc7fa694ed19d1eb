import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, Min } from 'class-validator';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { IsText, IsTextList } from '../../../common/validation/fields.js';
import { OptionalNotNull } from '../../../common/validation/optional.js';
import { LIST, TEXT } from '../../../common/validation/text-rules.js';
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
  @IsText(TEXT.label)
  label?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalNotNull()
  @IsText(TEXT.itemTitle)
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
  @IsText(TEXT.track)
  track?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsTextList(TEXT.keyPoint, LIST.keyPoints)
  keyPoints?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.notes)
  notes?: string | null;

  @Field(() => Int, { nullable: true, description: 'Insert at this position; default: last.' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  position?: number;
}
