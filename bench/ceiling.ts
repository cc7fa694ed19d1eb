import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import cors from '@fastify/cors';
import Fastify from 'fastify';
import { pino } from 'pino';

/**
 * The benchmark's ceiling, run as a process of its own: a bare Fastify server answering every POST /graphql with the
 * bytes of the file CEILING_ANSWER (the API's agenda answer), on HOST:PORT. What those bytes cost to serve at all.
 *
 * With CEILING_EDGE=1, also what every public answer of the API carries whatever its path: CORS, a request id, a
 * request log line (batched, as the API writes it) and a cache hit's headers. The difference between the two is the
 * price of those; the difference between this and a cache hit is the price of the hit's own path.
 */
const answer = readFileSync(process.env.CEILING_ANSWER!);
const edge = process.env.CEILING_EDGE === '1';
const server = Fastify(edge ? { genReqId: () => randomUUID() } : {});
if (edge) {
  const log = pino(pino.destination({ dest: 1, sync: false, minLength: 4096 }));
  await server.register(cors, { origin: '*' });
  server.addHook('onResponse', (request, reply, done) => {
    const req = { method: request.method, url: request.url, remoteAddress: request.ip };
    log.info({ reqId: request.id, req, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime });
    done();
  });
}
const headers = {
  'content-type': 'application/json; charset=utf-8',
  ...(edge && {
    'cache-control': 'public, max-age=30, stale-while-revalidate=60',
    etag: '"wX4_mY8JPfyI-8D_vuwLNyADjKtAMAbwTsniwCy7vyQ"',
    'surrogate-key': 'event-58c998ef-81cd-4afc-b25c-54249fea1364 event-slug-bench-0',
    'cache-tag': 'event-58c998ef-81cd-4afc-b25c-54249fea1364,event-slug-bench-0',
  }),
};
server.post('/graphql', (request, reply) => {
  if (edge) reply.header('x-request-id', request.id);
  return reply.headers(headers).send(answer);
});
await server.listen({ port: Number(process.env.PORT), host: process.env.HOST });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
