import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One request as the load generator repeats it. */
export interface BenchRequest {
  method: 'GET' | 'POST';
  /** An absolute URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Answers with a status of 400 or more, and socket errors. */
  errors: number;
}

/**
 * wrk (Debian's `wrk` package) as the load generator: C, keep-alive connections on its own threads, so it is not the
 * bottleneck even against the bare Fastify ceiling, which a Node load loop would be. The request comes from the
 * environment; the result is printed by wrk's `done` hook as one JSON line.
 */
const SCRIPT = `
wrk.method = os.getenv("BENCH_METHOD")
local body = os.getenv("BENCH_BODY")
if body ~= nil and body ~= "" then wrk.body = body end
for line in string.gmatch(os.getenv("BENCH_HEADERS") or "", "[^\\n]+") do
  local k, v = line:match("^([^:]+):%s*(.*)$")
  wrk.headers[k] = v
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nBENCH_RESULT {"requests":%d,"duration_us":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\\n',
    summary.requests, summary.duration, e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

let scriptPath: string | undefined;

export async function load(
  request: BenchRequest,
  { seconds, connections, threads }: { seconds: number; connections: number; threads: number },
): Promise<LoadResult> {
  if (!scriptPath) {
    scriptPath = join(tmpdir(), `agenda-bench-${process.pid}.lua`);
    writeFileSync(scriptPath, SCRIPT);
  }
  const headers = Object.entries(request.headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const child = spawn(
    'wrk',
    [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', scriptPath, request.url],
    {
      env: {
        PATH: process.env.PATH,
        BENCH_METHOD: request.method,
        BENCH_BODY: request.body ?? '',
        BENCH_HEADERS: headers,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const line = /BENCH_RESULT (\{.*\})/.exec(out);
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}): ${out}`);
  const r = JSON.parse(line[1]) as {
    requests: number;
    duration_us: number;
    errors: number;
    p50_us: number;
    p99_us: number;
  };
  return { rps: r.requests / (r.duration_us / 1e6), p50: r.p50_us / 1000, p99: r.p99_us / 1000, errors: r.errors };
}
