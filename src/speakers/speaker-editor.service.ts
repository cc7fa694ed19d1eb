import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { AgendaEditorService } from '../agenda/agenda-editor.service.js';
import { requireRole } from '../auth/roles.js';
import type { Viewer } from '../auth/viewer.js';
import { BadInputError, NotFoundError } from '../common/errors/domain-error.js';
import type { DocumentAgendaItem, EventDocument } from '../events/event-document.js';
import { itemSpeakers, type SessionSpeakerNode } from '../events/event-graph.js';
import { slugify } from '../events/event-rules.js';
import type { ParticipationStatus, SpeakerRole, SpeakerView } from '../events/event-view.js';
import { EventWriter } from '../events/event-writer.service.js';
import type { SpeakerInput } from './dto/speaker.input.js';
import { SpeakersService } from './speakers.service.js';

interface AppearanceArgs {
  agendaItemId: string;
  speakerId: string;
  expectedVersion?: number | null;
}

function itemOf(doc: EventDocument, itemId: string): DocumentAgendaItem {
  const item = doc.agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('Agenda item'); // removed since it was looked up
  return item;
}

/** Speakers (shared across events) and their appearances in agenda items. */
@Injectable()
export class SpeakerEditorService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly agenda: AgendaEditorService,
    private readonly writer: EventWriter,
    private readonly speakers: SpeakersService,
  ) {}

  async create(viewer: Viewer | null, input: SpeakerInput): Promise<SpeakerView> {
    requireRole(viewer, 'CONTRIBUTOR', 'create speakers');
    if (input.name === undefined) throw new BadInputError('input.name', 'is required to create a speaker');
    const slug = input.slug ?? slugify(input.name);
    return this.manager.transaction(async (manager) => {
      const [{ id }]: { id: string }[] = await manager
        .query(
          `INSERT INTO speakers (slug, name, honorific, job_title, organisation_id, bio, photo_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id`,
          [
            slug,
            input.name,
            input.honorific ?? null,
            input.jobTitle ?? null,
            await this.organisationId(manager, input.organisation),
            input.bio ?? null,
            input.photoUrl ?? null,
          ],
        )
        .then((rows: { id: string }[]) => {
          if (rows.length === 0) throw new BadInputError('input.slug', `"${slug}" is used by another speaker`);
          return rows;
        });
      return this.load(id, manager);
    });
  }

  async update(viewer: Viewer | null, id: string, input: SpeakerInput): Promise<SpeakerView> {
    requireRole(viewer, 'CONTRIBUTOR', 'edit speakers');
    return this.manager.transaction(async (manager) => {
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
      if (input.slug !== undefined) set('slug', input.slug);
      if (input.name !== undefined) set('name', input.name);
      if (input.honorific !== undefined) set('honorific', input.honorific);
      if (input.jobTitle !== undefined) set('job_title', input.jobTitle);
      if (input.organisation !== undefined)
        set('organisation_id', await this.organisationId(manager, input.organisation));
      if (input.bio !== undefined) set('bio', input.bio);
      if (input.photoUrl !== undefined) set('photo_url', input.photoUrl);
      if (input.slug !== undefined) {
        const taken: unknown[] = await manager.query(`SELECT 1 FROM speakers WHERE slug = $1 AND id <> $2`, [
          input.slug,
          id,
        ]);
        if (taken.length) throw new BadInputError('input.slug', `"${input.slug}" is used by another speaker`);
      }
      const rows: unknown[] = await manager.query(
        `WITH changed AS (UPDATE speakers SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING id)
         SELECT id FROM changed`,
        params,
      );
      if (rows.length === 0) throw new NotFoundError('Speaker');
      return this.load(id, manager);
    });
  }

  async assign(
    viewer: Viewer | null,
    args: AppearanceArgs & { role: SpeakerRole; status: ParticipationStatus; featured?: boolean | null },
  ): Promise<SessionSpeakerNode> {
    return this.changeAppearance(viewer, 'assign speakers', args, (doc, item, speaker) => {
      item.speakers = item.speakers ?? [];
      if (item.speakers.some((a) => a.speaker === speaker.slug)) {
        throw new BadInputError('speakerId', `${speaker.name} is already assigned to this agenda item`);
      }
      item.speakers.push({ speaker: speaker.slug, role: args.role, status: args.status });
      doc.speakers = doc.speakers ?? [];
      let entry = doc.speakers.find((s) => s.slug === speaker.slug);
      if (!entry) {
        entry = { slug: speaker.slug, name: speaker.name, featured: false };
        doc.speakers.push(entry);
      }
      if (args.featured != null) entry.featured = args.featured;
    });
  }

  setStatus(
    viewer: Viewer | null,
    args: AppearanceArgs & { status: ParticipationStatus },
  ): Promise<SessionSpeakerNode> {
    return this.changeAppearance(viewer, 'change speaker statuses', args, (_doc, item, speaker) => {
      const appearance = item.speakers?.find((a) => a.speaker === speaker.slug);
      if (!appearance) throw new NotFoundError('That speaker on that agenda item');
      appearance.status = args.status;
    });
  }

  async unassign(viewer: Viewer | null, args: AppearanceArgs): Promise<boolean> {
    await this.changeAppearance(viewer, 'unassign speakers', args, (doc, item, speaker) => {
      const before = item.speakers?.length ?? 0;
      item.speakers = (item.speakers ?? []).filter((a) => a.speaker !== speaker.slug);
      if (item.speakers.length === before) throw new NotFoundError('That speaker on that agenda item');
      const stillAppears = doc.agenda.some((i) => (i.speakers ?? []).some((a) => a.speaker === speaker.slug));
      doc.speakers = (doc.speakers ?? []).filter((s) => s.slug !== speaker.slug || stillAppears || s.featured);
    });
    return true;
  }

  /**
   * One change to one speaker's part in one agenda item: an event-level change (versioned when expectedVersion is
   * given, revised, all or nothing). Answers the appearance afterwards (undefined once it is gone).
   */
  private async changeAppearance(
    viewer: Viewer | null,
    what: string,
    args: AppearanceArgs,
    change: (doc: EventDocument, item: DocumentAgendaItem, speaker: SpeakerView) => void,
  ): Promise<SessionSpeakerNode> {
    const author = requireRole(viewer, 'CONTRIBUTOR', what);
    const itemId = args.agendaItemId.toLowerCase();
    const speaker = await this.load(args.speakerId.toLowerCase());
    const view = await this.writer.change(
      await this.agenda.eventOf(itemId),
      args.expectedVersion ?? null,
      (doc) => change(doc, itemOf(doc, itemId), speaker),
      { action: 'updated', authorId: author.id },
    );
    return this.appearance(view, itemId, speaker.id);
  }

  private appearance(view: Parameters<AgendaEditorService['itemOf']>[0], itemId: string, speakerId: string) {
    return itemSpeakers(this.agenda.itemOf(view, itemId)).find((a) => a.speaker.id === speakerId)!;
  }

  private async load(id: string, manager: EntityManager = this.manager): Promise<SpeakerView> {
    const speaker = await this.speakers.findForEditing(id, manager);
    if (!speaker) throw new NotFoundError('Speaker');
    return speaker;
  }

  private async organisationId(manager: EntityManager, name: string | null | undefined): Promise<string | null> {
    if (!name) return null;
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO organisations (slug, name) VALUES ($1, $2)
       ON CONFLICT (slug) DO UPDATE SET name = organisations.name RETURNING id`,
      [slugify(name), name],
    );
    return row.id;
  }
}
