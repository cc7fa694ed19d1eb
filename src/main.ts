import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { exitOnFailure } from './common/errors/operator-error.js';
import { flushLogs } from './common/logging.js';
import { loadConfig } from './config/load-config.js';
import { DatabaseLifecycle } from './database/database-lifecycle.service.js';
import { resolveDatabase } from './database/resolve-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = await resolveDatabase(config);
  const logger = new Logger('Main');
  try {
    const app = await createApp(config);
    const lifecycle = app.get(DatabaseLifecycle);
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await app.close();
        if (embedded) {
          await embedded.stop();
          new Logger('Database').log('Embedded PostgreSQL stopped');
        }
      })());
    // On SIGINT/SIGTERM: readiness turns 503 at once and requests are still served for SHUTDOWN_DRAIN_MS (load
    // balancers take them off); then new ones are refused, those under way finish, subscriptions are closed (1001),
    // the listener and the pools close, then the embedded database stops.
    const shutdown = async (signal: NodeJS.Signals) => {
      logger.log(`${signal}: not ready any more; closing in ${config.shutdownDrainMs} ms`);
      lifecycle.drain();
      await sleep(config.shutdownDrainMs);
      await lifecycle.close(config.HTTP_REQUEST_TIMEOUT_MS);
      await close();
      flushLogs();
      process.exit(0);
    };
    process.once('SIGINT', (signal) => void shutdown(signal));
    process.once('SIGTERM', (signal) => void shutdown(signal));
    // Listening before the database answers: health checks see the process alive, and not ready until it is.
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.log(`Agenda API at ${config.publicBase}/graphql`);
    void lifecycle.started.then(
      () => logger.log('ready'),
      async (error: unknown) => {
        await close().catch(() => undefined);
        exitOnFailure(error);
      },
    );
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

// The service keeps running after main() resolves: only a failure to start ends it here.
main().catch(exitOnFailure);
