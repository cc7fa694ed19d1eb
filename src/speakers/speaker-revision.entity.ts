import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { SpeakerEntity } from './speaker.entity.js';

/** Table `speaker_revisions`: every saved change of a speaker, as its fields; revision = the version it made. */
@Entity('speaker_revisions')
@Index('speaker_revisions_author_id_idx', ['authorId'])
export class SpeakerRevisionEntity {
  @PrimaryColumn('uuid', { name: 'speaker_id', primaryKeyConstraintName: 'speaker_revisions_pkey' })
  speakerId: string;

  @PrimaryColumn('integer', { primaryKeyConstraintName: 'speaker_revisions_pkey' })
  revision: number;

  @Column('text')
  action: string;

  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  @Column('jsonb')
  snapshot: Record<string, unknown>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'speaker_revisions_speaker_id_fkey' })
  speaker?: SpeakerEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'speaker_revisions_author_id_fkey' })
  author?: UserEntity;
}
