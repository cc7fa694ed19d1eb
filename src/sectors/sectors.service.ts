import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import { isSignedIn, type Viewer } from '../auth/viewer.js';
import { BadInputError } from '../common/errors/domain-error.js';
import { updateVersioned } from '../database/versioned-rows.js';
import { PublicReads } from '../database/public-reads.js';
import { WriteTransactions } from '../database/write-transactions.js';
import type { SectorView } from './sector-view.js';

/** The controlled vocabulary of audience sectors. */
@Injectable()
export class SectorsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly writes: WriteTransactions,
    private readonly reads: PublicReads,
  ) {}

  /** Anonymous readers' lists may come from the read standby; editors read the primary. */
  findAll(viewer: Viewer | null): Promise<SectorView[]> {
    return this.reads.queryFor(isSignedIn(viewer), `SELECT id, slug, name, version FROM sectors ORDER BY name, id`);
  }

  async findBySlug(viewer: Viewer | null, slug: string): Promise<SectorView | null> {
    const [sector]: SectorView[] = await this.reads.queryFor(
      isSignedIn(viewer),
      `SELECT id, slug, name, version FROM sectors WHERE slug = $1`,
      [slug],
    );
    return sector ?? null;
  }

  /** Sectors are a controlled vocabulary: editors add to it. */
  async create(viewer: Viewer | null, slug: string, name: string): Promise<SectorView> {
    requireRole(viewer, 'EDITOR', 'create sectors');
    const [sector]: SectorView[] = await this.manager.query(
      `INSERT INTO sectors (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name, version`,
      [slug, name],
    );
    if (!sector) throw new BadInputError('slug', `there is already a sector "${slug}"`);
    return sector;
  }

  /**
   * Renames a sector (its slug stays: events and published copies name it by slug), at `expectedVersion` when
   * one is given.
   */
  async update(
    viewer: Viewer | null,
    id: string,
    name: string,
    expectedVersion: number | null | undefined,
  ): Promise<SectorView> {
    requireRole(viewer, 'EDITOR', 'edit sectors');
    return this.writes.run(async (manager) => {
      await updateVersioned(manager, 'sectors', id, expectedVersion, { name });
      const [sector]: SectorView[] = await manager.query(`SELECT id, slug, name, version FROM sectors WHERE id = $1`, [
        id,
      ]);
      return sector;
    });
  }
}
