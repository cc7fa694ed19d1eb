import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { resolveDatabase } from './database/resolve-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = await resolveDatabase(config);
  try {
    const app = await createApp(config);
    if (embedded) {
      // Runs after Nest has closed the app (and its pool) on SIGINT/SIGTERM.
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onClose', async () => {
          await embedded.stop();
          new Logger('Database').log('Embedded PostgreSQL stopped');
        });
    }
    await app.listen({ port: config.PORT, host: config.HOST });
    new Logger('Main').log(`Agenda API at ${config.PUBLIC_URL.replace(/\/+$/, '')}/graphql`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
