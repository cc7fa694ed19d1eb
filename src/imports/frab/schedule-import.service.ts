import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { requireRole } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import type { DocumentSpeaker, EventDocument } from '../../events/domain/event-document.js';
import type { EventView } from '../../events/domain/event-view.js';
import { EventWriter } from '../../events/editing/event-writer.service.js';
import { convertSchedule } from './frab-conversion.js';

export interface ScheduleImportOptions {
  /** The event's slug; without it, the conference acronym slugified. */
  slug?: string | null;
  publish: boolean;
  /** null for an administrator action (the import CLI). */
  authorId: string | null;
  /** Only editors (and the CLI) update existing speakers; a contributor's import adds new ones only. */
  updateShared?: boolean;
  /** Replace only this version of the existing event. */
  expectedVersion?: number | null;
  onProgress?: (phase: 'reading' | 'saving', done: number, total: number) => void;
}

export interface ScheduleImport {
  event: EventView;
  rooms: string[];
  warnings: string[];
}

/**
 * frab/c3voc schedules (pretalx, frab) in: converted to an event document (frab-conversion.ts) and written by slug,
 * all or nothing, as importEvent does. Speakers are matched by name (their slug), agenda items by the entry guids.
 */
@Injectable()
export class ScheduleImportService {
  constructor(
    private readonly writer: EventWriter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The importSchedule mutation: contributors may import a draft, editors and admins may also publish. */
  async importSchedule(
    viewer: Viewer | null,
    schedule: unknown,
    slug: string | null | undefined,
    publish: boolean,
    expectedVersion: number | null = null,
  ): Promise<EventView> {
    const author = requireRole(viewer, publish ? 'EDITOR' : 'CONTRIBUTOR', publish ? 'import and publish' : 'import');
    const updateShared = author.role !== 'CONTRIBUTOR';
    return (await this.write(schedule, { slug, publish, authorId: author.id, updateShared, expectedVersion })).event;
  }

  /** The import itself, without a role check: for the mutation above and for the CLI. */
  async write(schedule: unknown, options: ScheduleImportOptions): Promise<ScheduleImport> {
    const { document, fieldOf, warnings, rooms } = convertSchedule(schedule, {
      slug: options.slug,
      onEntry: (done, total) => options.onProgress?.('reading', done, total),
    });
    const items = document.agenda.length;
    options.onProgress?.('saving', 0, items);
    const event = await this.writer.replaceBySlug(await this.keepSpeakerDetails(document), {
      action: 'imported',
      authorId: options.authorId,
      publication: options.publish ? 'publish' : 'keep',
      references: options.updateShared === false ? 'insert' : 'upsert',
      expectedVersion: options.expectedVersion,
      allowOverlaps: true,
      fieldOf,
    });
    options.onProgress?.('saving', items, items);
    return { event, rooms, warnings };
  }

  /**
   * A schedule knows a person's name, biography and photo only. Speakers who exist already keep what else they
   * have (honorific, job title, organisation) and their biography and photo when the schedule gives none, since
   * the import writes whole speakers.
   */
  private async keepSpeakerDetails(document: EventDocument): Promise<EventDocument> {
    const roster = document.speakers ?? [];
    if (roster.length === 0) return document;
    const rows: Required<Omit<DocumentSpeaker, 'name' | 'featured'>>[] = await this.dataSource.query(
      `SELECT s.slug, s.honorific, s.job_title AS "jobTitle", o.name AS organisation, s.bio, s.photo_url AS "photoUrl"
         FROM speakers s LEFT JOIN organisations o ON o.id = s.organisation_id
        WHERE s.slug = ANY($1::text[])`,
      [roster.map((s) => s.slug)],
    );
    const existing = new Map(rows.map((r) => [r.slug, r]));
    return {
      ...document,
      speakers: roster.map((speaker) => {
        const known = existing.get(speaker.slug);
        if (!known) return speaker;
        return {
          ...speaker,
          honorific: known.honorific,
          jobTitle: known.jobTitle,
          organisation: known.organisation,
          bio: speaker.bio ?? known.bio,
          photoUrl: speaker.photoUrl ?? known.photoUrl,
        };
      }),
    };
  }
}
