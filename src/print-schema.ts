import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { runCommand } from './common/errors/operator-error.js';
import { loadConfig } from './config/load-config.js';
import { resolveDatabase } from './database/resolve-database.js';

/** `npm run schema`: writes the generated schema to SCHEMA_FILE (schema.gql, which is committed) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = await resolveDatabase(config);
  try {
    const app = await createApp(config);
    await app.init();
    await app.close();
    console.log(`Wrote ${config.SCHEMA_FILE}`);
  } finally {
    await embedded?.stop();
  }
}

runCommand(main);
