import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ParticipationStatusEnum, SpeakerRoleEnum } from '../speaker.enums.js';
import { SpeakerInput } from './speaker.input.js';

@ArgsType()
export class UpdateSpeakerArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a speaker id (a UUID)' })
  id: string;

  @Field(() => SpeakerInput)
  @ValidateNested()
  @Type(() => SpeakerInput)
  input: SpeakerInput;
}

@ArgsType()
export class AppearanceArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'agendaItemId must be an agenda item id (a UUID)' })
  agendaItemId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'speakerId must be a speaker id (a UUID)' })
  speakerId: string;
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
