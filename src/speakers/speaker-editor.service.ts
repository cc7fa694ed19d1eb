import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Viewer } from '../auth/viewer.js';
import { BadInputError, NotFoundError } from '../common/errors/domain-error.js';
import { slugify } from '../common/slug.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { organisationId } from '../organisations/organisation-rows.js';
import type { SpeakerInput } from './dto/speaker.input.js';
import type { SpeakerView } from './speaker-view.js';
import { SpeakersService } from './speakers.service.js';

/** Speakers, shared across events: created and changed as records of their own. */
@Injectable()
export class SpeakerEditorService {
  constructor(
    private readonly writes: WriteTransactions,
    private readonly speakers: SpeakersService,
  ) {}

  async create(viewer: Viewer | null, input: SpeakerInput): Promise<SpeakerView> {
    requireRole(viewer, 'CONTRIBUTOR', 'create speakers');
    if (input.name === undefined) throw new BadInputError('input.name', 'is required to create a speaker');
    const slug = input.slug ?? slugify(input.name);
    return this.writes.run(async (manager) => {
      const [{ id }]: { id: string }[] = await manager
        .query(
          `INSERT INTO speakers (slug, name, honorific, job_title, organisation_id, bio, photo_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id`,
          [
            slug,
            input.name,
            input.honorific ?? null,
            input.jobTitle ?? null,
            await organisationId(manager, input.organisation),
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
    return this.writes.run(async (manager) => {
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
      if (input.slug !== undefined) set('slug', input.slug);
      if (input.name !== undefined) set('name', input.name);
      if (input.honorific !== undefined) set('honorific', input.honorific);
      if (input.jobTitle !== undefined) set('job_title', input.jobTitle);
      if (input.organisation !== undefined) set('organisation_id', await organisationId(manager, input.organisation));
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

  private async load(id: string, manager: EntityManager): Promise<SpeakerView> {
    const speaker = await this.speakers.findForEditing(id, manager);
    if (!speaker) throw new NotFoundError('Speaker');
    return speaker;
  }
}
