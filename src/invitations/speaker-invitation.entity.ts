import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItemEntity } from '../events/data/agenda-item.entity.js';
import { EventEntity } from '../events/data/event.entity.js';
import { SpeakerEntity } from '../speakers/speaker.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * Table `speaker_invitations`: a link an organiser sends a speaker to answer for one appearance. Only the SHA-256
 * of its secret is kept; the answer, and whether it was revoked, are the invitation's state.
 */
@Entity('speaker_invitations')
@Index('speaker_invitations_secret_hash_key', ['secretHash'], { unique: true })
@Index('speaker_invitations_event_idx', ['eventId', 'createdAt'])
@Index('speaker_invitations_agenda_item_idx', ['agendaItemId'])
@Index('speaker_invitations_speaker_idx', ['speakerId'])
@Index('speaker_invitations_created_by_idx', ['createdBy'])
@Check('speaker_invitations_answer_check', `answer IN ('ACCEPTED', 'DECLINED')`)
export class SpeakerInvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'speaker_invitations_pkey' })
  id: string;

  @Column('bytea', { name: 'secret_hash' })
  secretHash: Buffer;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'speaker_invitations_event_id_fkey' })
  event?: EventEntity;

  @Column('uuid', { name: 'agenda_item_id' })
  agendaItemId: string;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'speaker_invitations_agenda_item_id_fkey' })
  agendaItem?: AgendaItemEntity;

  @Column('uuid', { name: 'speaker_id' })
  speakerId: string;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'speaker_invitations_speaker_id_fkey' })
  speaker?: SpeakerEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** The speaker's last answer; null until they give one. */
  @Column('text', { nullable: true })
  answer: string | null;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'speaker_invitations_created_by_fkey' })
  creator?: UserEntity;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
