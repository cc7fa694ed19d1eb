import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../common/graphql/enum-of.js';
import { PARTICIPATION_STATUSES, SPEAKER_ROLES } from '../domain/event-enums.js';

export const ParticipationStatusEnum = enumOf(PARTICIPATION_STATUSES);
registerEnumType(ParticipationStatusEnum, {
  name: 'ParticipationStatus',
  description: 'Where a speaker stands for one appearance.',
});

export const SpeakerRoleEnum = enumOf(SPEAKER_ROLES);
registerEnumType(SpeakerRoleEnum, { name: 'SpeakerRole' });
