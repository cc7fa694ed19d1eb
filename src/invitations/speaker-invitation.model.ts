import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { enumOf } from '../common/graphql/enum-of.js';
import { INVITATION_STATUSES, type InvitationStatus } from './invitation-status.js';

export const InvitationStatusEnum = enumOf(INVITATION_STATUSES);
registerEnumType(InvitationStatusEnum, {
  name: 'SpeakerInvitationStatus',
  description:
    'PENDING (no answer yet, the link works), ACCEPTED or DECLINED (the last answer, which stands after the link ' +
    'expires), REVOKED (the link no longer works, whatever was answered), EXPIRED (unanswered past expiresAt).',
});

@ObjectType({ description: 'A link a speaker answers for one appearance with: accept (CONFIRMED) or decline.' })
export class SpeakerInvitation {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The link to send the speaker (PUBLIC_URL/invitations/<secret>): in the answer of createSpeakerInvitation ' +
      'and of respondToInvitation only, since only a hash of its secret is kept.',
  })
  url: string | null;

  @Field(() => InvitationStatusEnum)
  status: InvitationStatus;

  @Field(() => DateTimeScalar, { description: 'Answers are taken until then.' })
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the speaker last answered.' })
  respondedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => ID)
  eventId: string;

  @Field(() => ID)
  agendaItemId: string;

  @Field(() => ID)
  speakerId: string;
}
