import { ArgsType, Field } from '@nestjs/graphql';
import { IsSlug, IsText } from '../../common/validation/fields.js';
import { TEXT } from '../../common/validation/text-rules.js';

@ArgsType()
export class CreateSectorArgs {
  @Field()
  @IsSlug()
  slug: string;

  @Field()
  @IsText(TEXT.sectorName)
  name: string;
}
