import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isEditor, type Viewer } from '../auth/viewer.js';
import type { OrganisationView } from '../events/event-view.js';

@Injectable()
export class OrganisationsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Editors see every organisation; anonymous readers those of the speakers on published programmes (CONFIRMED or
   * INVITED), as the newest publication lists them.
   */
  findAll(viewer: Viewer | null): Promise<OrganisationView[]> {
    if (isEditor(viewer)) {
      return this.manager.query(`SELECT o.id, o.slug, o.name, o.url FROM organisations o ORDER BY o.name, o.id`);
    }
    return this.manager.query(
      `SELECT o.id, o.slug, o.name, o.url
         FROM (SELECT DISTINCT ON (org ->> 'id') (org ->> 'id')::uuid AS id, org ->> 'slug' AS slug,
                      org ->> 'name' AS name, org ->> 'url' AS url
                 FROM event_publications p
                CROSS JOIN LATERAL jsonb_array_elements(p.view -> 'speakers') AS sp(speaker)
                CROSS JOIN LATERAL (SELECT sp.speaker -> 'organisation' AS org) x
                WHERE jsonb_typeof(org) = 'object'
                ORDER BY org ->> 'id', p.published_at DESC, p.event_id) o
        ORDER BY o.name, o.id`,
    );
  }
}
