import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EventEntity } from './event.entity.js';
import { EventRoomEntity } from './event-room.entity.js';

/** Table `agenda_items`: an event's agenda in running order; ids stay through edits and re-imports. */
@Entity('agenda_items')
@Index('agenda_items_room_id_idx', ['roomId'])
@Unique('agenda_items_event_position_key', ['eventId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Check(
  'agenda_items_type_check',
  `type IN ('REGISTRATION', 'WELCOME', 'KEYNOTE', 'CASE_STUDY', 'PANEL', 'TALK', 'WORKSHOP', 'QUESTIONS', 'BREAK', 'LUNCH', 'NETWORKING', 'CLOSE', 'OTHER')`,
)
@Check('agenda_items_time_span_check', `ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at`)
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agenda_items_pkey' })
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'agenda_items_event_id_fkey' })
  event?: EventEntity;

  @Column('integer')
  position: number;

  @Column('text')
  type: string;

  @Column('text', { nullable: true })
  label: string | null;

  @Column('text')
  title: string;

  @Column('timestamptz', { name: 'starts_at', nullable: true })
  startsAt: Date | null;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  @Column('text', { nullable: true })
  track: string | null;

  /** One of the event's rooms (event_rooms), or none. */
  @Column('uuid', { name: 'room_id', nullable: true })
  roomId: string | null;

  @ManyToOne(() => EventRoomEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'room_id', foreignKeyConstraintName: 'agenda_items_room_id_fkey' })
  room?: EventRoomEntity;

  @Column('text', { name: 'key_points', array: true, default: () => "'{}'" })
  keyPoints: string[];

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  tags: string[];

  @Column('text', { nullable: true })
  level: string | null;

  /** The spoken language, a BCP 47 tag. */
  @Column('text', { nullable: true })
  language: string | null;

  /** `[{ kind, url, title }]`: slides, recording, stream, feedback, other. */
  @Column('jsonb', { default: () => "'[]'" })
  links: { kind: string; url: string; title: string | null }[];

  /** Its iCalendar SEQUENCE: raised by one with every change of its times. */
  @Column('integer', { default: 0 })
  sequence: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
