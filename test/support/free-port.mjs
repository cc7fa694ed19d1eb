import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The first port the kernel hands out for `listen(0)` and outgoing connections (Linux's ip_local_port_range). */
function ephemeralStart() {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

const listens = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A TCP port on 127.0.0.1 that nothing listens on now, and that nothing else in the test run will take before the
 * caller binds it, even later: below the ephemeral range (where the apps' `listen(0)`, supertest's servers and every
 * outgoing connection get theirs), in a band of its own per jest worker (the global setup counts as worker 0).
 */
export async function freePort() {
  const worker = Number(process.env.JEST_WORKER_ID ?? 0);
  const band = Math.max(100, Math.floor((Math.min(ephemeralStart(), 32768) - 10_000) / 16));
  const start = 10_000 + (worker % 16) * band;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = start + Math.floor(Math.random() * band);
    if (await listens(port)) return port;
  }
  throw new Error(`no free port in ${start}-${start + band - 1}`);
}
