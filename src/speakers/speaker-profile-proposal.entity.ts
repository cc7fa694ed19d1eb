import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { SpeakerInvitationEntity } from '../invitations/speaker-invitation.entity.js';
import { SpeakerEntity } from './speaker.entity.js';

/**
 * Table `speaker_profile_proposals`: the correction a speaker proposed to their own profile through an
 * invitation, pending until an editor approves or rejects it; one per speaker. `changes`: the proposed members.
 */
@Entity('speaker_profile_proposals')
@Index('speaker_profile_proposals_invitation_idx', ['invitationId'])
export class SpeakerProfileProposalEntity {
  @PrimaryColumn('uuid', { name: 'speaker_id', primaryKeyConstraintName: 'speaker_profile_proposals_pkey' })
  speakerId: string;

  @OneToOne(() => SpeakerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'speaker_profile_proposals_speaker_id_fkey' })
  speaker?: SpeakerEntity;

  @Column('uuid', { name: 'invitation_id' })
  invitationId: string;

  @ManyToOne(() => SpeakerInvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'speaker_profile_proposals_invitation_id_fkey' })
  invitation?: SpeakerInvitationEntity;

  @Column('jsonb')
  changes: Record<string, unknown>;

  @Column('timestamptz', { name: 'proposed_at', default: () => 'now()' })
  proposedAt: Date;
}
