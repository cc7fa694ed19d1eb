import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SectorEntity } from '../../sectors/sector.entity.js';
import { EventEntity } from './event.entity.js';

/** Table `event_sectors`: an event's audience sectors, in order. */
@Entity('event_sectors')
@Index('event_sectors_sector_id_idx', ['sectorId'])
export class EventSectorEntity {
  @PrimaryColumn('uuid', { name: 'event_id', primaryKeyConstraintName: 'event_sectors_pkey' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'sector_id', primaryKeyConstraintName: 'event_sectors_pkey' })
  sectorId: string;

  @Column('integer')
  position: number;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'event_sectors_event_id_fkey' })
  event?: EventEntity;

  @ManyToOne(() => SectorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sector_id', foreignKeyConstraintName: 'event_sectors_sector_id_fkey' })
  sector?: SectorEntity;
}
