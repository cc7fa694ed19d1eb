import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.mjs';

/** The built service (`node dist/src/main.js`) as a child process, with its log lines (JSON) collected. */
export interface ServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** Every log line, parsed. */
  lines: Record<string, unknown>[];
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  get(path: string): Promise<Response>;
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<Response>;
  /** Resolves once `check` holds, polling; fails after `timeoutMs`. */
  until(check: () => Promise<boolean> | boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const SERVER_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  PUBLIC_URL: 'https://agenda.example.org',
  JWT_SECRET: 'test-secret-test-secret-test-secret-42',
  DEMO_CONTENT: 'false',
};

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    env: { PATH: process.env.PATH, ...SERVER_ENV, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  const collect = (line: string) => {
    try {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      lines.push({ raw: line });
    }
  };
  createInterface({ input: child.stdout }).on('line', collect);
  createInterface({ input: child.stderr }).on('line', (line) => collect(line));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const base = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    base,
    port,
    lines,
    exited,
    get: (path) => fetch(`${base}${path}`),
    gql: (query, variables, token) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      }),
    async until(check, timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs;
      while (
        !(await Promise.resolve()
          .then(check)
          .catch(() => false))
      ) {
        if (Date.now() > end) throw new Error(`timed out; last log lines: ${JSON.stringify(lines.slice(-5))}`);
        if (child.exitCode !== null)
          throw new Error(`the server exited (${child.exitCode}): ${JSON.stringify(lines.slice(-5))}`);
        await sleep(50);
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  await server.until(async () => (await server.get('/health')).status === 200);
  return server;
}

/** Whether /health/ready answers 200. */
export const isReady = async (server: ServerProcess): Promise<boolean> =>
  (await server.get('/health/ready')).status === 200;
