import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsSlug, IsTextList } from '../../../common/validation/fields.js';
import { LIST, TEXT } from '../../../common/validation/text-rules.js';

/** Event.agenda's filter: the items in one room, with at least one of some tags. */
@ArgsType()
export class AgendaArgs {
  @Field(() => String, { nullable: true, description: 'Only the items in the room with this slug.' })
  @IsOptional()
  @IsSlug()
  roomSlug?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only the items with at least one of these tags.' })
  @IsOptional()
  @IsTextList(TEXT.tag, LIST.tagsPerItem)
  tags?: string[] | null;
}
