import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsSlug, IsText } from '../../../common/validation/fields.js';
import { OptionalNotNull } from '../../../common/validation/optional.js';
import { TEXT } from '../../../common/validation/text-rules.js';

/** Room fields; on update, a field left out stays as it is and null clears an optional one. */
@InputType()
export class RoomInput {
  @Field(() => String, { nullable: true, description: 'Unique within the event; default: from the name.' })
  @OptionalNotNull()
  @IsSlug()
  slug?: string;

  @Field(() => String, { nullable: true, description: 'Required for a new room.' })
  @OptionalNotNull()
  @IsText(TEXT.roomName)
  name?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.roomFloor)
  floor?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsText(TEXT.roomDescription)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Place among the rooms (0-based); default: last.' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  position?: number;
}
