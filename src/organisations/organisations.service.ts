import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isEditor, type Viewer } from '../auth/viewer.js';
import type { OrganisationView } from '../events/event-view.js';

@Injectable()
export class OrganisationsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Editors see every organisation; anonymous readers those of speakers on a published programme. */
  findAll(viewer: Viewer | null): Promise<OrganisationView[]> {
    return this.manager.query(
      `SELECT o.id, o.slug, o.name, o.url FROM organisations o
        WHERE $1 OR EXISTS (SELECT 1 FROM speakers s JOIN published_appearances pa ON pa.speaker_id = s.id
                             WHERE s.organisation_id = o.id)
        ORDER BY o.name, o.id`,
      [isEditor(viewer)],
    );
  }
}
