import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, Matches, MaxLength } from 'class-validator';
import { SLUG_PATTERN } from '../../events/event-rules.js';

@ArgsType()
export class CreateSectorArgs {
  @Field()
  @IsString()
  @MaxLength(120)
  @Matches(SLUG_PATTERN, { message: 'slug must be lowercase letters and digits in words joined by "-"' })
  slug: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;
}
