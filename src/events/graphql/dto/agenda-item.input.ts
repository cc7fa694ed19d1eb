import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar.js';
import { IsId, IsText, IsTextList } from '../../../common/validation/fields.js';
import { OptionalNotNull } from '../../../common/validation/optional.js';
import { LIST, TEXT } from '../../../common/validation/text-rules.js';
import { AgendaItemLinkKindEnum } from '../agenda-item-link.model.js';
import { AgendaItemTypeEnum } from '../agenda-item-type.enum.js';
import type { AgendaItemType, LinkKind } from '../../domain/event-enums.js';

@InputType()
export class AgendaItemLinkInput {
  @Field(() => AgendaItemLinkKindEnum)
  @IsEnum(AgendaItemLinkKindEnum)
  kind: LinkKind;

  @Field({ description: 'An absolute http or https URL.' })
  @IsText(TEXT.linkUrl)
  url: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.linkTitle)
  title?: string | null;
}

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

  @Field(() => ID, { nullable: true, description: "One of the event's rooms; null: none." })
  @IsOptional()
  @IsId('a room')
  roomId?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsTextList(TEXT.keyPoint, LIST.keyPoints)
  keyPoints?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.notes)
  notes?: string | null;

  @Field(() => [String], { nullable: true })
  @OptionalNotNull()
  @IsTextList(TEXT.tag, LIST.tagsPerItem)
  tags?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.level)
  level?: string | null;

  @Field(() => String, { nullable: true, description: 'The spoken language, a BCP 47 tag such as en or en-GB.' })
  @IsOptional()
  @IsText(TEXT.language)
  language?: string | null;

  @Field(() => [AgendaItemLinkInput], { nullable: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(LIST.linksPerItem)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemLinkInput)
  links?: AgendaItemLinkInput[];

  @Field(() => Int, { nullable: true, description: 'Insert at this position; default: last.' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  position?: number;
}
