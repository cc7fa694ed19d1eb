import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventRevisionEntity } from '../events/data/event-revision.entity.js';
import { SpeakerInvitationEntity } from './speaker-invitation.entity.js';

/**
 * Table `invitation_responses`: every answer a speaker gave through an invitation, keyed by the event revision
 * it made, so that revision's author is that invitation (EventRevision.authorInvitation).
 */
@Entity('invitation_responses')
@Index('invitation_responses_invitation_idx', ['invitationId'])
@Check('invitation_responses_answer_check', `answer IN ('ACCEPTED', 'DECLINED')`)
export class InvitationResponseEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'invitation_responses_pkey' })
  eventId: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'invitation_responses_pkey' })
  revision: number;

  @ManyToOne(() => EventRevisionEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    {
      name: 'event_id',
      referencedColumnName: 'eventId',
      foreignKeyConstraintName: 'invitation_responses_revision_fkey',
    },
    {
      name: 'revision',
      referencedColumnName: 'revision',
      foreignKeyConstraintName: 'invitation_responses_revision_fkey',
    },
  ])
  eventRevision?: EventRevisionEntity;

  @Column('uuid', { name: 'invitation_id' })
  invitationId: string;

  @ManyToOne(() => SpeakerInvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'invitation_responses_invitation_id_fkey' })
  invitation?: SpeakerInvitationEntity;

  @Column('text')
  answer: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
