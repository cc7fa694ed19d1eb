import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { requireRole } from '../auth/roles.js';
import type { Role, Viewer } from '../auth/viewer.js';
import { BadInputError } from '../common/errors/domain-error.js';
import { deleteVersioned, updateVersioned } from '../database/versioned-rows.js';
import { WriteTransactions } from '../database/write-transactions.js';
import { hashPassword } from '../auth/passwords.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string;
  version: number;
}

const COLUMNS = `id, email, name, role, password_hash AS "passwordHash", version`;

@Injectable()
export class UsersService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly writes: WriteTransactions,
  ) {}

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

  /**
   * Admins change a user's role or name, at `expectedVersion` when one is given; the new role applies to the
   * user's next request. An admin cannot change their own role (so there is always one admin left who can).
   */
  async update(
    viewer: Viewer | null,
    id: string,
    input: { role?: Role; name?: string | null },
    expectedVersion: number | null | undefined,
  ): Promise<UserRecord> {
    const admin = requireRole(viewer, 'ADMIN', 'edit users');
    if (input.role !== undefined && id === admin.id && input.role !== admin.role) {
      throw new BadInputError('role', 'admins cannot change their own role');
    }
    const columns: Record<string, unknown> = {};
    if (input.role !== undefined) columns.role = input.role;
    if (input.name !== undefined) columns.name = input.name;
    return this.writes.run(async (manager) => {
      await updateVersioned(manager, 'users', id, expectedVersion, columns);
      const [user]: UserRecord[] = await manager.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
      return user;
    });
  }

  /** Admins remove users (not themselves); what they wrote stays, without its author. */
  async delete(viewer: Viewer | null, id: string, expectedVersion: number | null | undefined): Promise<boolean> {
    const admin = requireRole(viewer, 'ADMIN', 'delete users');
    if (id === admin.id) throw new BadInputError('id', 'admins cannot delete their own account');
    await this.writes.run((manager) => deleteVersioned(manager, 'users', id, expectedVersion));
    return true;
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
