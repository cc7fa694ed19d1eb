import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SpeakerEntity } from '../../speakers/speaker.entity.js';
import { EventEntity } from './event.entity.js';

/** Table `event_speakers`: an event's roster, in order, with the key-speaker flag. */
@Entity('event_speakers')
@Index('event_speakers_speaker_id_idx', ['speakerId'])
export class EventSpeakerEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'event_speakers_pkey' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'speaker_id', primaryKeyConstraintName: 'event_speakers_pkey' })
  speakerId: string;

  @Column('integer')
  position: number;

  @Column('boolean', { default: false })
  featured: boolean;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_speakers_event_id_fkey' })
  event?: EventEntity;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'event_speakers_speaker_id_fkey' })
  speaker?: SpeakerEntity;
}
