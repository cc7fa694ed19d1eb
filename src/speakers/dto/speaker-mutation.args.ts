import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, Min, ValidateNested } from 'class-validator';
import { IsId, IsVersion, OptionalExpectedVersion } from '../../common/validation/fields.js';
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

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}

@ArgsType()
export class RestoreSpeakerRevisionArgs {
  @Field(() => ID)
  @IsId('a speaker')
  speakerId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  revision: number;

  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}

@ArgsType()
export class ApproveSpeakerProfileArgs {
  @Field(() => ID)
  @IsId('a speaker')
  speakerId: string;

  @Field(() => Int, { description: "The speaker's version the caller reviewed the proposal at (else CONFLICT)." })
  @IsVersion()
  expectedVersion: number;
}

@ArgsType()
export class RejectSpeakerProfileArgs {
  @Field(() => ID)
  @IsId('a speaker')
  speakerId: string;
}
