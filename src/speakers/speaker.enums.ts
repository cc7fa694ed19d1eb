import { registerEnumType } from '@nestjs/graphql';

export enum ParticipationStatusEnum {
  INVITED = 'INVITED',
  CONFIRMED = 'CONFIRMED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ParticipationStatusEnum, {
  name: 'ParticipationStatus',
  description: 'Where a speaker stands for one appearance.',
});

export enum SpeakerRoleEnum {
  CHAIR = 'CHAIR',
  SPEAKER = 'SPEAKER',
  PANELLIST = 'PANELLIST',
  MODERATOR = 'MODERATOR',
}
registerEnumType(SpeakerRoleEnum, { name: 'SpeakerRole' });
