import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The graphql-http audit suite (GraphQL over HTTP spec) against the running server on a real port. */
describe('GraphQL over HTTP', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false' });
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error('not listening on a port');
    url = `http://127.0.0.1:${address.port}/graphql`;
  });
  afterAll(() => t.close());

  it('passes every MUST of the graphql-http server audits', async () => {
    const audits = serverAudits({ url });
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST') && result.status !== 'ok') {
        failures.push(`${audit.id} ${audit.name}: ${result.reason}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
