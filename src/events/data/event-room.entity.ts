import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EventEntity } from './event.entity.js';

/** Table `event_rooms`: the rooms of an event's venue, in order; agenda items name one (agenda_items.room_id). */
@Entity('event_rooms')
@Unique('event_rooms_event_position_key', ['eventId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Unique('event_rooms_event_slug_key', ['eventId', 'slug'], { deferrable: 'INITIALLY DEFERRED' })
@Check('event_rooms_capacity_check', `capacity >= 0`)
export class EventRoomEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'event_rooms_pkey' })
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_rooms_event_id_fkey' })
  event?: EventEntity;

  @Column('integer')
  position: number;

  @Column('text')
  slug: string;

  @Column('text')
  name: string;

  @Column('integer', { nullable: true })
  capacity: number | null;

  @Column('text', { nullable: true })
  floor: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
