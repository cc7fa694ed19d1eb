import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { OperatorError, runCommand } from '../common/errors/operator-error.js';
import { loadConfig } from '../config/load-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { registerMigration } from './migration-index.js';
import { resolveDatabase } from './resolve-database.js';

/**
 * `generate <Name>`: the difference between the entities (src/database/entities.ts) and the database, as a new
 * timestamped migration in migrations/, registered in migrations/index.ts, to be read and edited before it is run
 * (see docs/decisions/0002-migrations.md). Indexes TypeORM cannot express (partial, GIN, DESC) are written by hand.
 */
async function generate(dataSource: DataSource, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new OperatorError('usage: npm run migration:generate -- NameInPascalCase', 2);
  if (await dataSource.showMigrations())
    throw new OperatorError('Run the pending migrations first: npm run migration:run');
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes: the entities describe the database as it is');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  const lines = (queries: { query: string; parameters?: unknown[] }[]) =>
    queries
      .map(
        (q) =>
          `    await q.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
      )
      .join('\n');
  writeFileSync(
    `migrations/${file}.ts`,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
  );
  const index = registerMigration(readFileSync('migrations/index.ts', 'utf8'), className, file);
  writeFileSync('migrations/index.ts', index);
  console.log(`Wrote migrations/${file}.ts: read it, edit it, then npm run migration:run`);
}

/** `npm run migration:run|revert|show` against DATABASE_URL, or the embedded database when it is unset. */
async function main(command: string | undefined): Promise<void> {
  if (!command || !['run', 'revert', 'show', 'generate'].includes(command)) {
    throw new OperatorError('usage: migrate.js run|revert|show|generate <Name>', 2);
  }
  const config = loadConfig();
  const embedded = await resolveDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL!));
  try {
    await dataSource.initialize();
    if (command === 'run') {
      const done = await dataSource.runMigrations({ transaction: 'each' });
      console.log(done.length ? `Ran ${done.map((m) => m.name).join(', ')}` : 'No pending migrations');
    } else if (command === 'generate') {
      await generate(dataSource, process.argv[3]);
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration');
    } else {
      const pending = await dataSource.showMigrations();
      console.log(pending ? 'There are pending migrations' : 'No pending migrations');
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

runCommand(() => main(process.argv[2]));
