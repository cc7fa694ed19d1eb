import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * The benchmark's ceiling, run as a process of its own: a bare Fastify server answering every POST /graphql with the
 * bytes of the file CEILING_ANSWER (the API's agenda answer), on HOST:PORT. What those bytes cost to serve at all.
 */
const answer = readFileSync(process.env.CEILING_ANSWER!);
const server = Fastify();
server.post('/graphql', (_request, reply) => reply.type('application/json; charset=utf-8').send(answer));
await server.listen({ port: Number(process.env.PORT), host: process.env.HOST });
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
