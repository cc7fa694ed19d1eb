import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

/**
 * PostGraphile 5 asks for Node 22 (its `engines`); of Node 22's additions it calls `Promise.withResolvers`, which
 * Node 20 lacks. The bench supplies it when missing (nothing else here calls it).
 */
function supplyPromiseWithResolvers(): void {
  const P = Promise as unknown as { withResolvers?: () => unknown };
  P.withResolvers ??= () => {
    let resolve!: (value: unknown) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise((res, rej) => ([resolve, reject] = [res, rej]));
    return { promise, resolve, reject };
  };
}

/**
 * PostGraphile 5, the reference, run as a process of its own over the benchmark database DATABASE_URL: its
 * Amber preset on the `public` schema, served by grafserv on Node's own http server (what its CLI runs) on HOST:PORT.
 * No JWT, no roles: it reads as the database's owner, for anyone. POOL_SIZE is the API's DATABASE_POOL_SIZE, so both
 * have as many connections.
 */
supplyPromiseWithResolvers();
const service = makePgService({
  connectionString: process.env.DATABASE_URL!,
  poolConfig: { max: Number(process.env.POOL_SIZE) },
  schemas: ['public'],
  pubsub: false,
});
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  // Amber offers `condition` and `orderBy` on indexed columns only; events.slug has a partial index alone, and the
  // positions and `featured` none. Without this plugin every column has them (PostGraphile 4's default).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [service],
  grafserv: { graphiql: false, websockets: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server, false);
await pgl.getSchema(); // introspected and built before the first request
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT), process.env.HOST, resolve));
async function stop(): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await pgl.release();
  await service.release?.(); // its pool: the instance leaves its services to whoever made them
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
