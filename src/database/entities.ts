import { SignInAttemptEntity } from '../auth/sign-in-attempt.entity.js';
import { RateLimitCountEntity } from '../edge/rate-limit-count.entity.js';
import { AgendaItemEntity } from '../events/data/agenda-item.entity.js';
import { EventChangeEntity } from '../events/data/event-change.entity.js';
import { EventPublicationEntity } from '../events/data/event-publication.entity.js';
import { EventRevisionEntity } from '../events/data/event-revision.entity.js';
import { EventSectorEntity } from '../events/data/event-sector.entity.js';
import { PublicationScheduleEntity } from '../events/data/publication-schedule.entity.js';
import { InvitationResponseEntity } from '../invitations/invitation-response.entity.js';
import { SpeakerInvitationEntity } from '../invitations/speaker-invitation.entity.js';
import { PreviewLinkEntity } from '../previews/preview-link.entity.js';
import { EventSpeakerEntity } from '../events/data/event-speaker.entity.js';
import { EventEntity } from '../events/data/event.entity.js';
import { EventRoomEntity } from '../events/data/event-room.entity.js';
import { PublishedAppearanceEntity } from '../events/data/published-appearance.entity.js';
import { PublishedSpeakerEntity } from '../events/data/published-speaker.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { SectorEntity } from '../sectors/sector.entity.js';
import { SessionSpeakerEntity } from '../events/data/session-speaker.entity.js';
import { SpeakerProfileProposalEntity } from '../speakers/speaker-profile-proposal.entity.js';
import { SpeakerRevisionEntity } from '../speakers/speaker-revision.entity.js';
import { SpeakerEntity } from '../speakers/speaker.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity.js';
import { WebhookEntity } from '../webhooks/webhook.entity.js';

/**
 * Every table, as TypeORM entities. The migrations define the schema; these describe it (test/schema-drift keeps
 * them in step), so `npm run migration:generate` can write the next migration from an entity change.
 */
export const ENTITIES = [
  UserEntity,
  SectorEntity,
  OrganisationEntity,
  SpeakerEntity,
  SpeakerRevisionEntity,
  EventEntity,
  EventSectorEntity,
  PublicationScheduleEntity,
  EventSpeakerEntity,
  EventRoomEntity,
  AgendaItemEntity,
  SessionSpeakerEntity,
  EventRevisionEntity,
  EventPublicationEntity,
  PublishedAppearanceEntity,
  PublishedSpeakerEntity,
  EventChangeEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  SignInAttemptEntity,
  RateLimitCountEntity,
  SpeakerInvitationEntity,
  InvitationResponseEntity,
  SpeakerProfileProposalEntity,
  PreviewLinkEntity,
];
