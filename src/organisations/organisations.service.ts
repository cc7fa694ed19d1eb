import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import { isSignedIn, type Viewer } from '../auth/viewer.js';
import { updateVersioned } from '../database/versioned-rows.js';
import { PublicReads } from '../database/public-reads.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { SharedRecordWrites } from '../database/shared-record-writes.js';
import type { OrganisationView } from './organisation-view.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly writes: WriteTransactions,
    private readonly sharedRecords: SharedRecordWrites,
    private readonly reads: PublicReads,
  ) {}

  /**
   * Editors see every organisation; anonymous readers those of the speakers on published programmes (CONFIRMED or
   * INVITED), as the newest publication lists them (from the read standby when there is one).
   */
  findAll(viewer: Viewer | null): Promise<OrganisationView[]> {
    if (isSignedIn(viewer)) {
      return this.manager.query(
        `SELECT o.id, o.slug, o.name, o.url, o.version FROM organisations o ORDER BY o.name, o.id`,
      );
    }
    return this.reads.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (organisation ->> 'id') (organisation ->> 'id')::uuid AS id,
                organisation ->> 'slug' AS slug, organisation ->> 'name' AS name, organisation ->> 'url' AS url
           FROM public_speakers
          WHERE organisation IS NOT NULL
          ORDER BY organisation ->> 'id') o
        ORDER BY name, id`,
    );
  }

  /**
   * Changes an organisation's name or url, at `expectedVersion` when one is given. Its slug stays, so documents
   * naming it as before still find it; published programmes showing it show the change at once (SharedRecordWrites).
   */
  update(
    viewer: Viewer | null,
    id: string,
    input: { name?: string; url?: string | null },
    expectedVersion: number | null | undefined,
  ): Promise<OrganisationView> {
    requireRole(viewer, 'CONTRIBUTOR', 'edit organisations');
    const columns: Record<string, unknown> = {};
    if (input.name !== undefined) columns.name = input.name;
    if (input.url !== undefined) columns.url = input.url;
    return this.writes.run(async (manager) => {
      await updateVersioned(manager, 'organisations', id, expectedVersion, columns);
      await this.sharedRecords.changed(manager, { organisationIds: [id] }, 'organisation updated');
      const [organisation]: OrganisationView[] = await manager.query(
        `SELECT id, slug, name, url, version FROM organisations WHERE id = $1`,
        [id],
      );
      return organisation;
    });
  }
}
