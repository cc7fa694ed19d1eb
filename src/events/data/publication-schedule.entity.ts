import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/user.entity.js';
import { EventEntity } from './event.entity.js';

/** Table `publication_schedules`: when an event is to be published and unpublished (publication-schedule-rows.ts). */
@Entity('publication_schedules')
@Index('publication_schedules_due_idx', { synchronize: false }) // on least(publish_at, unpublish_at)
@Check('publication_schedules_check', `"publish_at" IS NULL OR "unpublish_at" IS NULL OR "publish_at" < "unpublish_at"`)
export class PublicationScheduleEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'publication_schedules_pkey' })
  eventId: string;

  @Column('timestamptz', { name: 'publish_at', nullable: true })
  publishAt: Date | null;

  @Column('timestamptz', { name: 'unpublish_at', nullable: true })
  unpublishAt: Date | null;

  @Column('uuid', { name: 'scheduled_by', nullable: true })
  scheduledBy: string | null;

  @OneToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'publication_schedules_event_id_fkey' })
  event?: EventEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'scheduled_by', foreignKeyConstraintName: 'publication_schedules_scheduled_by_fkey' })
  scheduler?: UserEntity;
}
