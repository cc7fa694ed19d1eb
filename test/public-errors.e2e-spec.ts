import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildEvent, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What leaks from a response: table names, SQL, driver messages, stack frames. */
const INTERNALS = /event_publications|relation|does not exist|SELECT|stack|\.ts:\d+|node_modules|QueryFailed/i;

describe('errors in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', DEMO_CONTENT: 'false' });
    await importEvent(t, buildEvent({ slug: 'prod-event' }));
  });
  afterAll(() => t.close());

  it('masks an internal failure as INTERNAL_SERVER_ERROR with no stack trace or internal message', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`ALTER TABLE event_publications RENAME TO event_publications_gone`);
    try {
      const res = await t.http().post('/graphql').send({ query: '{ events { nodes { slug } } }' });
      expect(res.body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['events'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(res.text).not.toMatch(INTERNALS);
    } finally {
      await dataSource.query(`ALTER TABLE event_publications_gone RENAME TO event_publications`);
    }
    const healed = await t.gql(`{ events { nodes { slug } } }`);
    expect(healed).toEqual({ data: { events: { nodes: [{ slug: 'prod-event' }] } } });
  });

  it('keeps request errors and bad input readable, without stack traces', async () => {
    const syntax = await t.http().post('/graphql').send({ query: '{ events { ' });
    expect(syntax.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
    const bad = await t.gql(`{ events(first: 0) { totalCount } }`);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(bad.errors![0].extensions!.stacktrace).toBeUndefined();
    expect(JSON.stringify(bad)).not.toMatch(INTERNALS);
  });
});
