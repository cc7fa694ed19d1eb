import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as prettier from 'prettier';
import ts from 'typescript';
import { DataSource, type MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { createTestDatabase } from './support/test-database.js';

const REPO = new URL('..', import.meta.url);
const CLI = new URL('dist/src/database/migrate.js', REPO);

describe('npm run migration:generate', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let scratch: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    await ds.runMigrations({ transaction: 'each' });
    // A column the entities do not have: the generated migration must drop it.
    await ds.query('ALTER TABLE sectors ADD COLUMN scratch_note text');
    await ds.destroy();
    scratch = mkdtempSync(join(tmpdir(), 'agenda-migration-generate-'));
    cpSync(new URL('migrations', REPO), join(scratch, 'migrations'), { recursive: true });
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await db.drop();
  });

  it('writes a migration and an index that Prettier accepts and that runs', async () => {
    await promisify(execFile)(process.execPath, [CLI.pathname, 'generate', 'DropScratchNote'], {
      cwd: scratch,
      env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    });

    const index = readFileSync(join(scratch, 'migrations/index.ts'), 'utf8');
    expect(
      await prettier.check(index, {
        ...(await prettier.resolveConfig(new URL('migrations/index.ts', REPO).pathname)),
        parser: 'typescript',
      }),
    ).toBe(true);
    // Transpile the scratch migrations and run them: the new one is last in the list and removes the difference.
    const out = join(scratch, 'out');
    cpSync(join(scratch, 'migrations'), out, { recursive: true });
    writeFileSync(join(out, 'package.json'), '{ "type": "module" }');
    for (const file of readdirSync(out).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(out, file), 'utf8');
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(join(out, file.replace(/\.ts$/, '.js')), js.outputText);
    }
    const generated = (await import(pathToFileURL(join(out, 'index.js')).href)) as {
      MIGRATIONS: (new () => MigrationInterface)[];
    };
    expect(generated.MIGRATIONS).toHaveLength(MIGRATIONS.length + 1);
    expect(generated.MIGRATIONS.every((m) => typeof m === 'function')).toBe(true);
    expect(generated.MIGRATIONS.at(-1)!.name).toMatch(/^DropScratchNote\d+$/);

    const ds = await new DataSource({ ...dataSourceOptions(db.url), migrations: generated.MIGRATIONS }).initialize();
    try {
      expect((await ds.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual([
        generated.MIGRATIONS.at(-1)!.name,
      ]);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
