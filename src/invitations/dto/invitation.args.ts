import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { IsId } from '../../common/validation/fields.js';
import { SpeakerProfileInput } from '../../speakers/dto/speaker-profile.input.js';

@ArgsType()
export class CreateSpeakerInvitationArgs {
  @Field(() => ID)
  @IsId('an agenda item')
  agendaItemId: string;

  @Field(() => ID)
  @IsId('a speaker')
  speakerId: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Until when the link takes answers: in the future, within a year; 30 days from now when not given.',
  })
  @IsOptional()
  @IsDate()
  expiresAt?: Date | null;
}

@ArgsType()
export class InvitationIdArgs {
  @Field(() => ID)
  @IsId('an invitation')
  id: string;
}

@ArgsType()
export class EventInvitationsArgs {
  @Field(() => ID)
  @IsId('an event')
  eventId: string;
}

@ArgsType()
export class RespondToInvitationArgs {
  @Field({ description: 'The secret of the link: the last part of its URL.' })
  @IsString()
  @MaxLength(100)
  secret: string;

  @Field({ description: 'true accepts (the appearance becomes CONFIRMED), false declines (DECLINED).' })
  @IsBoolean()
  accept: boolean;
}

@ArgsType()
export class ProposeSpeakerProfileArgs {
  @Field({ description: 'The secret of the link: the last part of its URL.' })
  @IsString()
  @MaxLength(100)
  secret: string;

  @Field(() => SpeakerProfileInput)
  @ValidateNested()
  @Type(() => SpeakerProfileInput)
  input: SpeakerProfileInput;
}
