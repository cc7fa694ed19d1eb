import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { PublicReads } from '../database/public-reads.js';
import type { EntityManager } from 'typeorm';
import { isSignedIn, type Viewer } from '../auth/viewer.js';
import { assertPageSize, decodeCursor, encodeCursor, type Page, toPage } from '../common/graphql/pagination.js';
import type { SpeakerView } from './speaker-view.js';
import { UUID_PATTERN } from '../common/validation/fields.js';

/**
 * Speakers as the caller may see them, all with the same columns. Editors read the speakers table. Anonymous
 * readers read public_speakers, the rosters of published snapshots (only speakers with a CONFIRMED or INVITED
 * appearance are there), each speaker as the newest publication lists them: edits reach them only when published.
 */
const SPEAKER_SOURCE = {
  editor: `(SELECT s.id, s.slug, s.honorific, s.name, s.job_title AS "jobTitle", s.bio, s.photo_url AS "photoUrl",
                   CASE WHEN o.id IS NULL THEN NULL
                        ELSE jsonb_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'url', o.url) END
                     AS organisation,
                   s.version, s.search
              FROM speakers s LEFT JOIN organisations o ON o.id = s.organisation_id)`,
  published: `(SELECT p.id, p.slug, p.honorific, p.name, p.job_title AS "jobTitle", p.bio, p.photo_url AS "photoUrl",
                      p.organisation, coalesce(s.version, 1) AS version, p.search
                 FROM public_speakers p LEFT JOIN speakers s ON s.id = p.id)`,
};

const SPEAKER_COLUMNS = `s.id, s.slug, s.honorific, s.name, s."jobTitle", s.bio, s."photoUrl", s.organisation, s.version`;

const speakerSource = (viewer: Viewer | null): string =>
  isSignedIn(viewer) ? SPEAKER_SOURCE.editor : SPEAKER_SOURCE.published;

/** Tokens of a search as prefix terms: "col wil" finds Colin Wilson. */
function prefixQuery(search: string): string | null {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `${w}:*`).join(' & ') : null;
}

@Injectable()
export class SpeakersService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly reads: PublicReads,
  ) {}

  async list(viewer: Viewer | null, search: string | null | undefined, first: number, after?: string | null) {
    assertPageSize(first);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where = ['TRUE'];
    const query = search ? prefixQuery(search) : null;
    if (query) where.push(`s.search @@ to_tsquery('simple', ${p(query)})`);
    const filterWhere = [...where];
    const filterParams = [...params];
    if (after) {
      const [name, id] = decodeCursor(after);
      where.push(`(s.name, s.id) > (${p(name)}, ${p(id)}::uuid)`);
    }
    const rows: SpeakerView[] = await this.reads.queryFor(
      isSignedIn(viewer),
      `SELECT ${SPEAKER_COLUMNS} FROM ${speakerSource(viewer)} s
        WHERE ${where.join(' AND ')} ORDER BY s.name, s.id LIMIT ${p(first + 1)}`,
      params,
    );
    return toPage<SpeakerView>(
      rows,
      first,
      after,
      (s) => encodeCursor(s.name, s.id),
      async () => {
        const [{ count }]: { count: string }[] = await this.reads.queryFor(
          isSignedIn(viewer),
          `SELECT count(*) AS count FROM ${speakerSource(viewer)} s WHERE ${filterWhere.join(' AND ')}`,
          filterParams,
        );
        return Number(count);
      },
    ) satisfies Page<SpeakerView>;
  }

  async findOne(viewer: Viewer | null, key: { slug?: string | null; id?: string | null }): Promise<SpeakerView | null> {
    if (key.id != null && !UUID_PATTERN.test(key.id)) return null;
    if (key.id == null && key.slug == null) return null;
    const [speaker]: SpeakerView[] = await this.reads.queryFor(
      isSignedIn(viewer),
      `SELECT ${SPEAKER_COLUMNS} FROM ${speakerSource(viewer)} s
        WHERE ($1::uuid IS NULL OR s.id = $1) AND ($2::text IS NULL OR s.slug = $2)`,
      [key.id ?? null, key.slug ?? null],
    );
    return speaker ?? null;
  }

  /** A speaker as editors see it (the speakers table), in `manager`'s transaction when given; null when absent. */
  async findForEditing(id: string, manager: EntityManager = this.manager): Promise<SpeakerView | null> {
    const [speaker]: SpeakerView[] = await manager.query(
      `SELECT ${SPEAKER_COLUMNS} FROM ${SPEAKER_SOURCE.editor} s WHERE s.id = $1`,
      [id],
    );
    return speaker ?? null;
  }
}
