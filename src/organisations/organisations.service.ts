import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { isSignedIn, type Viewer } from '../auth/viewer.js';
import type { OrganisationView } from './organisation-view.js';

@Injectable()
export class OrganisationsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Editors see every organisation; anonymous readers those of the speakers on published programmes (CONFIRMED or
   * INVITED), as the newest publication lists them.
   */
  findAll(viewer: Viewer | null): Promise<OrganisationView[]> {
    if (isSignedIn(viewer)) {
      return this.manager.query(`SELECT o.id, o.slug, o.name, o.url FROM organisations o ORDER BY o.name, o.id`);
    }
    return this.manager.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (organisation ->> 'id') (organisation ->> 'id')::uuid AS id,
                organisation ->> 'slug' AS slug, organisation ->> 'name' AS name, organisation ->> 'url' AS url
           FROM public_speakers
          WHERE organisation IS NOT NULL
          ORDER BY organisation ->> 'id') o
        ORDER BY name, id`,
    );
  }
}
