import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { ParticipationStatusEnum, SpeakerRoleEnum } from '../speaker.enums.js';
import { SpeakerInput } from './speaker.input.js';
import { IsId, OptionalExpectedVersion } from '../../common/validation/fields.js';

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

@ArgsType()
export class AppearanceArgs {
  @Field(() => ID)
  @IsId('an agenda item')
  agendaItemId: string;

  @Field(() => ID)
  @IsId('a speaker')
  speakerId: string;
  @OptionalExpectedVersion()
  expectedVersion?: number | null;
}

@ArgsType()
export class AssignSpeakerArgs extends AppearanceArgs {
  @Field(() => SpeakerRoleEnum, { nullable: true, defaultValue: SpeakerRoleEnum.SPEAKER })
  @IsEnum(SpeakerRoleEnum)
  role: SpeakerRoleEnum = SpeakerRoleEnum.SPEAKER;

  @Field(() => ParticipationStatusEnum, { nullable: true, defaultValue: ParticipationStatusEnum.INVITED })
  @IsEnum(ParticipationStatusEnum)
  status: ParticipationStatusEnum = ParticipationStatusEnum.INVITED;

  @Field(() => Boolean, {
    nullable: true,
    description: "Also list (or stop listing) them among the event's key speakers.",
  })
  @IsOptional()
  @IsBoolean()
  featured?: boolean | null;
}

@ArgsType()
export class SetSpeakerStatusArgs extends AppearanceArgs {
  @Field(() => ParticipationStatusEnum)
  @IsEnum(ParticipationStatusEnum)
  status: ParticipationStatusEnum;
}
