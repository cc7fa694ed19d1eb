import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server under test in a process of its own, so that its CPU, heap and garbage collector are its alone. */
export interface BenchProcess {
  url: string;
  pid: number;
  /** CPU seconds (user and system) the process has spent so far, from /proc. */
  cpuSeconds(): number;
  /** Its resident memory in MiB, from /proc. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Linux reports /proc/<pid>/stat times in USER_HZ, 100 a second on every architecture. */
const USER_HZ = 100;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Starts `node script` with `env` (PORT and HOST added) and waits until `ready` answers 200 there. Its standard
 * output goes to /dev/null: a request log line costs its system call, as in production, but no disk.
 */
export async function startProcess(
  script: string,
  env: Record<string, string>,
  ready: { path: string; init?: RequestInit },
): Promise<BenchProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // `npm run bench -- --profile=DIR`: each server writes its CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${script} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    }
    const status = await fetch(`${url}${ready.path}`, ready.init).then(
      async (r) => (await r.arrayBuffer(), r.status),
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} was not ready within 60 s`);
    }
    await sleep(200);
  }
  const pid = child.pid!;
  return {
    url,
    pid: child.pid!,
    cpuSeconds() {
      // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
    },
    rssMiB() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
