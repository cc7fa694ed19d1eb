import { Injectable } from '@nestjs/common';
import { AUTHOR_COLUMN } from '../users/author-column.js';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Viewer } from '../auth/viewer.js';
import { BadInputError, NotFoundError } from '../common/errors/domain-error.js';
import { slugify } from '../common/slug.js';
import { updateVersioned } from '../database/versioned-rows.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { SharedRecordWrites } from '../database/shared-record-writes.js';
import { organisationId } from '../organisations/organisation-rows.js';
import type { SpeakerInput } from './dto/speaker.input.js';
import { takeProposal } from './speaker-profile-rows.js';
import { insertSpeakerRevisions, type SpeakerRecord } from './speaker-rows.js';
import type { SpeakerRevisionView, SpeakerView } from './speaker-view.js';
import { SpeakersService } from './speakers.service.js';

/**
 * Speakers, shared across events: created and changed as records of their own. Every change raises the version
 * (checked against `expectedVersion` when one is given) and writes a revision with the speaker's fields.
 */
@Injectable()
export class SpeakerEditorService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly speakers: SpeakersService,
    private readonly writes: WriteTransactions,
    private readonly sharedRecords: SharedRecordWrites,
  ) {}

  async create(viewer: Viewer | null, input: SpeakerInput): Promise<SpeakerView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'create speakers');
    if (input.name === undefined) throw new BadInputError('input.name', 'is required to create a speaker');
    const slug = input.slug ?? slugify(input.name);
    return this.writes.run(async (manager) => {
      const [row]: { id: string }[] = await manager.query(
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
      );
      if (!row) throw new BadInputError('input.slug', `"${slug}" is used by another speaker`);
      await insertSpeakerRevisions(manager, [row.id], 'created', author.id);
      return this.load(row.id, manager);
    });
  }

  update(
    viewer: Viewer | null,
    id: string,
    input: SpeakerInput,
    expectedVersion: number | null | undefined,
  ): Promise<SpeakerView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'edit speakers');
    return this.writes.run((manager) =>
      this.change(manager, id, input, expectedVersion, { action: 'updated', authorId: author.id, field: 'input' }),
    );
  }

  /** Every saved change of a speaker, newest first. */
  revisions(viewer: Viewer | null, speakerId: string): Promise<SpeakerRevisionView[]> {
    requireRole(viewer, 'CONTRIBUTOR', 'read revisions');
    return this.manager.query(
      `SELECT r.revision, r.created_at AS "createdAt", r.action, r.snapshot,
              ${AUTHOR_COLUMN}
         FROM speaker_revisions r LEFT JOIN users u ON u.id = r.author_id
        WHERE r.speaker_id = $1
        ORDER BY r.revision DESC`,
      [speakerId],
    );
  }

  /** Makes an earlier revision's fields the speaker's again, as a new revision. */
  restore(
    viewer: Viewer | null,
    speakerId: string,
    revision: number,
    expectedVersion: number | null | undefined,
  ): Promise<SpeakerView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'restore revisions');
    return this.writes.run(async (manager) => {
      const [row]: { snapshot: SpeakerRecord }[] = await manager.query(
        `SELECT snapshot FROM speaker_revisions WHERE speaker_id = $1 AND revision = $2`,
        [speakerId, revision],
      );
      if (!row) {
        await this.load(speakerId, manager);
        throw new BadInputError('revision', `speaker has no revision ${revision}`);
      }
      const { slug, honorific, name, jobTitle, organisation, bio, photoUrl } = row.snapshot;
      return this.change(
        manager,
        speakerId,
        { slug, honorific, name, jobTitle, organisation, bio, photoUrl },
        expectedVersion,
        { action: 'restored', authorId: author.id, field: 'revision' },
      );
    });
  }

  /**
   * Applies the speaker's pending profile proposal as an update (`expectedVersion` is the speaker's), authored by
   * the editor who approves it, and clears it; NOT_FOUND when none is pending.
   */
  approveProfile(viewer: Viewer | null, speakerId: string, expectedVersion: number): Promise<SpeakerView> {
    const author = requireRole(viewer, 'CONTRIBUTOR', 'approve profile proposals');
    return this.writes.run(async (manager) => {
      await this.load(speakerId, manager);
      const changes = await takeProposal(manager, speakerId);
      if (!changes) throw new NotFoundError('Profile proposal');
      return this.change(manager, speakerId, changes, expectedVersion, {
        action: 'profile approved',
        authorId: author.id,
        field: 'speakerId',
      });
    });
  }

  /** Drops the speaker's pending profile proposal, changing nothing else; NOT_FOUND when none is pending. */
  rejectProfile(viewer: Viewer | null, speakerId: string): Promise<SpeakerView> {
    requireRole(viewer, 'CONTRIBUTOR', 'reject profile proposals');
    return this.writes.run(async (manager) => {
      const speaker = await this.load(speakerId, manager);
      if (!(await takeProposal(manager, speakerId))) throw new NotFoundError('Profile proposal');
      return speaker;
    });
  }

  /** Writes the members `input` carries, with the version check and bump, and the revision. */
  private async change(
    manager: EntityManager,
    id: string,
    input: SpeakerInput,
    expectedVersion: number | null | undefined,
    how: { action: string; authorId: string; field: string },
  ): Promise<SpeakerView> {
    const columns: Record<string, unknown> = {};
    if (input.slug !== undefined) columns.slug = input.slug;
    if (input.name !== undefined) columns.name = input.name;
    if (input.honorific !== undefined) columns.honorific = input.honorific;
    if (input.jobTitle !== undefined) columns.job_title = input.jobTitle;
    if (input.organisation !== undefined) columns.organisation_id = await organisationId(manager, input.organisation);
    if (input.bio !== undefined) columns.bio = input.bio;
    if (input.photoUrl !== undefined) columns.photo_url = input.photoUrl;
    if (input.slug !== undefined) {
      const taken: unknown[] = await manager.query(`SELECT 1 FROM speakers WHERE slug = $1 AND id <> $2`, [
        input.slug,
        id,
      ]);
      if (taken.length) throw new BadInputError(`${how.field}.slug`, `"${input.slug}" is used by another speaker`);
    }
    await updateVersioned(manager, 'speakers', id, expectedVersion, columns);
    await insertSpeakerRevisions(manager, [id], how.action, how.authorId);
    await this.sharedRecords.changed(manager, { speakerIds: [id] }, `speaker ${how.action}`);
    return this.load(id, manager);
  }

  private async load(id: string, manager: EntityManager = this.manager): Promise<SpeakerView> {
    const speaker = await this.speakers.findForEditing(id, manager);
    if (!speaker) throw new NotFoundError('Speaker');
    return speaker;
  }
}
