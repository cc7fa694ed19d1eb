import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { exitOnFailure } from './common/errors/operator-error.js';
import { loadConfig } from './config/app-config.js';
import { resolveDatabase } from './database/resolve-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = await resolveDatabase(config);
  try {
    const app = await createApp(config);
    // On SIGINT/SIGTERM: stop taking requests, finish those under way, close the pools, then stop the database.
    const shutdown = async (signal: NodeJS.Signals) => {
      new Logger('Main').log(`${signal}: shutting down`);
      await app.close();
      if (embedded) {
        await embedded.stop();
        new Logger('Database').log('Embedded PostgreSQL stopped');
      }
      process.exit(0);
    };
    process.once('SIGINT', (signal) => void shutdown(signal));
    process.once('SIGTERM', (signal) => void shutdown(signal));
    await app.listen({ port: config.PORT, host: config.HOST });
    new Logger('Main').log(`Agenda API at ${config.publicBase}/graphql`);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

// The service keeps running after main() resolves: only a failure to start ends it here.
main().catch(exitOnFailure);
