import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { IsId } from '../../common/validation/fields.js';
import { SpeakerInput } from './speaker.input.js';

@ArgsType()
export class UpdateSpeakerArgs {
  @Field(() => ID)
  @IsId('a speaker')
  id: string;

  @Field(() => SpeakerInput)
  @ValidateNested()
  @Type(() => SpeakerInput)
  input: SpeakerInput;
}
