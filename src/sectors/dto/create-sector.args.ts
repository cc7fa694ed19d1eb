import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { IsSlug } from '../../common/validation/fields.js';

@ArgsType()
export class CreateSectorArgs {
  @Field()
  @IsSlug()
  slug: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;
}
