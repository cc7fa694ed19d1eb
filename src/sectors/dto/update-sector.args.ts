import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsId, IsText, OptionalExpectedVersion } from '../../common/validation/fields.js';
import { TEXT } from '../../common/validation/text-rules.js';

@ArgsType()
export class UpdateSectorArgs {
  @Field(() => ID)
  @IsId('a sector')
  id: string;

  @Field()
  @IsText(TEXT.sectorName)
  name: string;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}
