import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** Table `webhooks`: partner endpoints, the changes they hear and their signing secrets. */
@Entity('webhooks')
@Index('webhooks_events_idx', { synchronize: false }) // GIN (events)
@Index('webhooks_created_by_idx', ['createdBy'])
export class WebhookEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'webhooks_pkey' })
  id: string;

  @Column('text')
  url: string;

  @Column('text', { array: true })
  events: string[];

  @Column('text')
  secret: string;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'webhooks_created_by_fkey' })
  creator?: UserEntity;

  /** Rises with every change; `expectedVersion` checks it. */
  @Column('integer', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
