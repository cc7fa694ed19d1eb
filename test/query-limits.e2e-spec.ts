import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery } from 'graphql';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';
const loop = (levels: number): string =>
  levels === 0
    ? 'title'
    : `agenda { speakers { speaker { appearances { agendaItem { event { ${loop(levels - 1)} } } } } } }`;

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses an operation that nests the types loop too deep, before running it', async () => {
    const res = await t.gql(`{ event(slug: "${DEMO}") { ${loop(4)} } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/nests \d+ levels deep; at most 10/);
    expect(res.errors![0].extensions!.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it('refuses too many fields, aliases and fragment uses included', async () => {
    const aliases = Array.from({ length: 1001 }, (_, i) => `a${i}: __typename title`).join(' ');
    const res = await t.gql(`{ event(slug: "${DEMO}") { ${aliases} } }`);
    expect(res.errors![0].message).toMatch(/more than 1000 fields/);
  });

  it('lets the full agenda with appearances and the introspection query through', async () => {
    const full = await t.gql(`{ event(slug: "${DEMO}") { ${loop(1)} } }`);
    expect(full.errors).toBeUndefined();
    expect(full.data!.event.agenda).toHaveLength(22);
    const introspection = await t.gql(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.queryType.name).toBe('Query');
  });
});
