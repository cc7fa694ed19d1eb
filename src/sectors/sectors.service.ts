import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { SectorView } from '../events/event-view.js';

/** The controlled vocabulary of audience sectors. */
@Injectable()
export class SectorsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  findAll(): Promise<SectorView[]> {
    return this.manager.query(`SELECT id, slug, name FROM sectors ORDER BY name, id`);
  }

  async findBySlug(slug: string): Promise<SectorView | null> {
    const [sector]: SectorView[] = await this.manager.query(`SELECT id, slug, name FROM sectors WHERE slug = $1`, [
      slug,
    ]);
    return sector ?? null;
  }
}
