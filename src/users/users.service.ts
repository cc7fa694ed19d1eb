import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Role, Viewer } from '../auth/viewer.js';
import { BadInputError } from '../common/errors/domain-error.js';
import { hashPassword } from '../auth/passwords.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string;
}

const COLUMNS = `id, email, name, role, password_hash AS "passwordHash"`;

@Injectable()
export class UsersService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async findByEmail(email: string): Promise<UserRecord | null> {
    const [user]: UserRecord[] = await this.manager.query(
      `SELECT ${COLUMNS} FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return user ?? null;
  }

  /** The signed-in user, or null for an anonymous caller. */
  me(viewer: Viewer | null): Promise<UserRecord | null> {
    return viewer ? this.findById(viewer.id) : Promise.resolve(null);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const [user]: UserRecord[] = await this.manager.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return user ?? null;
  }

  /** Admins add users; an email is used once, whatever its case. */
  async create(
    viewer: Viewer | null,
    input: { email: string; password: string; role: Role; name?: string | null },
  ): Promise<UserRecord> {
    requireRole(viewer, 'ADMIN', 'create users');
    const [user]: UserRecord[] = await this.manager.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [input.email, input.name ?? null, input.role, await hashPassword(input.password)],
    );
    if (!user) throw new BadInputError('email', 'there is already a user with that email');
    return user;
  }

  /** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is no user at all. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    const rows: unknown[] = await this.manager.query(
      `INSERT INTO users (email, role, password_hash)
       SELECT $1, 'ADMIN', $2 WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT DO NOTHING RETURNING id`,
      [email, passwordHash],
    );
    return rows.length > 0;
  }
}
