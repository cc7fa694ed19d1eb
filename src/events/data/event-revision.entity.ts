import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/user.entity.js';
import { EventEntity } from './event.entity.js';

/** Table `event_revisions`: every saved change, as the whole event document; revision = the version it made. */
@Entity('event_revisions')
@Index('event_revisions_author_id_idx', ['authorId'])
export class EventRevisionEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'event_revisions_pkey' })
  eventId: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'event_revisions_pkey' })
  revision: number;

  @Column('text')
  action: string;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('jsonb')
  document: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_revisions_event_id_fkey' })
  event?: EventEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'event_revisions_author_id_fkey' })
  author?: UserEntity;
}
