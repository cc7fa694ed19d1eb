import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * PostGraphile 5, the reference, over a benchmark database: its Amber preset on the `public` schema, served
 * by grafserv on Node's own http server (what its CLI runs) in this process, on loopback. No JWT, no roles: it reads
 * as the database's owner, for anyone. `poolSize` is the API's DATABASE_POOL_SIZE, so both have as many connections.
 */
export async function startPostGraphile(
  connectionString: string,
  poolSize: number,
): Promise<{ url: string; close(): Promise<void> }> {
  supplyPromiseWithResolvers();
  const service = makePgService({
    connectionString,
    poolConfig: { max: poolSize },
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pgl.release();
      await service.release?.(); // its pool: the instance leaves its services to whoever made them
    },
  };
}
