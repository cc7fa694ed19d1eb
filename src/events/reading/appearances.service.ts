import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { PublicReads } from '../../database/public-reads.js';
import { isSignedIn, type Viewer } from '../../auth/viewer.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';
import { agendaOf, type SessionSpeakerNode } from '../domain/event-graph.js';
import type { EventView, ParticipationStatus, SpeakerRole } from '../domain/event-view.js';

export interface AppearanceRow {
  speaker_id: string;
  event_id: string;
  agenda_item_id: string;
  role: SpeakerRole;
  status: ParticipationStatus;
}

export interface SpeakerLoaders {
  eventViews: { load(id: string): Promise<EventView | null> };
  appearances: { load(speakerId: string): Promise<AppearanceRow[]> };
}

/** Where speakers appear: agenda items of the events the caller may see. */
@Injectable()
export class AppearancesService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly reads: PublicReads,
  ) {}

  /** Appearances of many speakers at once, newest event first: published ones for anonymous readers. */
  async appearanceRows(viewer: Viewer | null, speakerIds: readonly string[]): Promise<AppearanceRow[][]> {
    const rows: AppearanceRow[] = isSignedIn(viewer)
      ? await this.manager.query(
          `SELECT ss.speaker_id, ai.event_id, ss.agenda_item_id, ss.role, ss.status
             FROM session_speakers ss
             JOIN agenda_items ai ON ai.id = ss.agenda_item_id
             JOIN events e ON e.id = ai.event_id AND e.deleted_at IS NULL
            WHERE ss.speaker_id = ANY($1::uuid[])
            ORDER BY e.starts_at DESC, e.id, ai.position`,
          [speakerIds],
        )
      : await this.reads.query(
          `SELECT speaker_id, event_id, agenda_item_id, role, status FROM published_appearances
            WHERE speaker_id = ANY($1::uuid[])
            ORDER BY event_starts_at DESC, event_id, position`,
          [speakerIds],
        );
    return speakerIds.map((id) => rows.filter((r) => r.speaker_id === id));
  }

  /** A speaker's appearances as GraphQL objects, each inside its (visible) event. */
  async appearances(speaker: SpeakerView, loaders: SpeakerLoaders): Promise<SessionSpeakerNode[]> {
    const rows = await loaders.appearances.load(speaker.id);
    const nodes = await Promise.all(
      rows.map(async (row): Promise<SessionSpeakerNode | null> => {
        const event = await loaders.eventViews.load(row.event_id);
        const agendaItem = event && agendaOf(event).find((item) => item.id === row.agenda_item_id);
        const asListed = event?.speakers.find((s) => s.id === speaker.id);
        return agendaItem ? { speaker: asListed ?? speaker, agendaItem, role: row.role, status: row.status } : null;
      }),
    );
    return nodes.filter((n): n is SessionSpeakerNode => n !== null);
  }
}
