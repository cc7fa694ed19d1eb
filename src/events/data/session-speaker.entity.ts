import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AgendaItemEntity } from './agenda-item.entity.js';
import { SpeakerEntity } from '../../speakers/speaker.entity.js';

/** Table `session_speakers`: one speaker's part in one agenda item (role and status), in order. */
@Entity('session_speakers')
@Index('session_speakers_speaker_id_idx', ['speakerId'])
@Check('session_speakers_role_check', `role IN ('CHAIR', 'SPEAKER', 'PANELLIST', 'MODERATOR')`)
@Check('session_speakers_status_check', `status IN ('INVITED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')`)
export class SessionSpeakerEntity {
  @PrimaryColumn('uuid', { name: 'agenda_item_id', primaryKeyConstraintName: 'session_speakers_pkey' })
  agendaItemId: string;

  @PrimaryColumn('uuid', { name: 'speaker_id', primaryKeyConstraintName: 'session_speakers_pkey' })
  speakerId: string;

  @Column('integer')
  position: number;

  @Column('text', { default: 'SPEAKER' })
  role: string;

  @Column('text', { default: 'INVITED' })
  status: string;

  @ManyToOne(() => AgendaItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id', foreignKeyConstraintName: 'session_speakers_agenda_item_id_fkey' })
  agendaItem?: AgendaItemEntity;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'speaker_id', foreignKeyConstraintName: 'session_speakers_speaker_id_fkey' })
  speaker?: SpeakerEntity;
}
