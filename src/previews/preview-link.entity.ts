import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EventEntity } from '../events/data/event.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Table `preview_links`: a link to one event's working copy (preview-link-rows.ts). Only its secret's hash is kept. */
@Entity('preview_links')
@Index('preview_links_secret_hash_key', ['secretHash'], { unique: true })
@Index('preview_links_event_idx', ['eventId', 'createdAt'])
@Index('preview_links_created_by_idx', ['createdBy'])
export class PreviewLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'preview_links_pkey' })
  id: string;

  @Column('bytea', { name: 'secret_hash' })
  secretHash: Buffer;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'preview_links_event_id_fkey' })
  event?: EventEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'preview_links_created_by_fkey' })
  creator?: UserEntity;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
