import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/graphql/date-time.scalar.js';
import { enumOf } from '../common/graphql/enum-of.js';
import { PREVIEW_STATUSES, type PreviewStatus } from './previewed-event.js';

export const PreviewLinkStatusEnum = enumOf(PREVIEW_STATUSES);
registerEnumType(PreviewLinkStatusEnum, {
  name: 'PreviewLinkStatus',
  description: 'ACTIVE (the link shows the working copy), EXPIRED (past expiresAt), REVOKED.',
});

@ObjectType({ description: "A secret link that shows one event's working copy, read-only, to whoever holds it." })
export class PreviewLink {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The embed page of the working copy (PUBLIC_URL/embed/events/<slug>?preview=<secret>): in the answer of ' +
      'createPreviewLink only, since only a hash of the secret is kept.',
  })
  url: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Pass it as event(preview:); in the answer of createPreviewLink only.',
  })
  secret: string | null;

  @Field(() => PreviewLinkStatusEnum)
  status: PreviewStatus;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => ID)
  eventId: string;
}
