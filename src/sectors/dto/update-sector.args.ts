import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { IsId, OptionalExpectedVersion } from '../../common/validation/fields.js';

@ArgsType()
export class UpdateSectorArgs {
  @Field(() => ID)
  @IsId('a sector')
  id: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}
