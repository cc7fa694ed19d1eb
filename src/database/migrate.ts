import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { resolveDatabase } from './resolve-database.js';

/**
 * `generate <Name>`: a new timestamped migration in migrations/, registered in migrations/index.ts, for the SQL
 * to be written and reviewed by hand (see docs/decisions/0002-hand-written-migrations.md).
 */
function generate(name: string | undefined): void {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))
    throw new Error('usage: npm run migration:generate -- NameInPascalCase');
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  writeFileSync(
    `migrations/${file}.ts`,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
  );
  const index = readFileSync('migrations/index.ts', 'utf8')
    .replace(/\n\n/, `\nimport { ${className} } from './${file}.js';\n\n`)
    .replace(/\];/, `, ${className}];`);
  writeFileSync('migrations/index.ts', index);
  console.log(`Created migrations/${file}.ts; write its up and down, then npm run migration:run`);
}

/** `npm run migration:run|revert|show` against DATABASE_URL, or the embedded database when it is unset. */
async function main(command: string | undefined): Promise<void> {
  if (command === 'generate') return generate(process.argv[3]);
  if (!command || !['run', 'revert', 'show'].includes(command)) {
    throw new Error('usage: migrate.js run|revert|show|generate <Name>');
  }
  const config = loadConfig();
  const embedded = await resolveDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(config.DATABASE_URL!));
  try {
    await dataSource.initialize();
    if (command === 'run') {
      const done = await dataSource.runMigrations({ transaction: 'each' });
      console.log(done.length ? `Ran ${done.map((m) => m.name).join(', ')}` : 'No pending migrations');
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

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error);
  process.exit(1);
});
