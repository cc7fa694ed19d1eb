import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isHealthCheck } from '../common/http/route-path.js';
import { ServiceUnavailableError } from '../common/errors/domain-error.js';
import { unavailableHeaders } from '../common/errors/service-unavailable.js';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { refuse } from '../edge/edge-hooks.js';

/**
 * Until the service has started (database reached, migrations and first-start work done) and again once it closes
 * on shutdown, every request but the health checks is answered 503 with Retry-After at once, as the edge refuses
 * (a GraphQL error, SERVICE_UNAVAILABLE); while it closes, the connection is closed after the answer. Requests served are
 * counted until answered, so that shutdown can wait for them.
 */
export function refuseWhileNotServing(app: NestFastifyApplication): void {
  const lifecycle = app.get(DatabaseLifecycle);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (lifecycle.serving) {
        // Counted until the answer is sent or the client goes: shutdown waits for these.
        reply.raw.once('close', lifecycle.requestStarted());
        return done();
      }
      if (isHealthCheck(request)) return done();
      reply.headers(unavailableHeaders());
      if (lifecycle.state === 'shutting down') reply.header('connection', 'close');
      const { code, message } = new ServiceUnavailableError();
      refuse(reply, 503, code, message);
    });
}
