import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { ParticipationStatusEnum, SpeakerRoleEnum } from '../appearance.enums.js';
import { IsId, OptionalExpectedVersion } from '../../../common/validation/fields.js';
import type { ParticipationStatus, SpeakerRole } from '../../domain/event-enums.js';

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
  role: SpeakerRole = SpeakerRoleEnum.SPEAKER;

  @Field(() => ParticipationStatusEnum, { nullable: true, defaultValue: ParticipationStatusEnum.INVITED })
  @IsEnum(ParticipationStatusEnum)
  status: ParticipationStatus = ParticipationStatusEnum.INVITED;

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
  status: ParticipationStatus;
}
