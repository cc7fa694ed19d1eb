import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

/** What a partner's endpoint received: the delivery's `agenda-event` header and its JSON body. */
export interface Received {
  event: string;
  body: any;
}

/**
 * A partner's webhook endpoint on loopback, subscribed (as `adminToken`) to `events`: every delivery is kept in
 * `received`, in arrival order. The app must allow private targets (WEBHOOKS_ALLOW_PRIVATE_TARGETS=true).
 */
export async function webhookReceiver(
  t: TestApp,
  adminToken: string,
  events: readonly string[],
): Promise<{ received: Received[]; close(): void }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ event: String(req.headers['agenda-event']), body: JSON.parse(body) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const hook = await t.gql(
    `mutation($url: String!, $events: [String!]!) { createWebhook(url: $url, events: $events) { id } }`,
    { url, events },
    adminToken,
  );
  if (hook.errors) throw new Error(`createWebhook failed: ${JSON.stringify(hook.errors)}`);
  return { received, close: () => server.close() };
}
