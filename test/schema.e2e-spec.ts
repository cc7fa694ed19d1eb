import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, findBreakingChanges, type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the generated schema', () => {
  let t: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false' });
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t.close());

  it('keeps the whole public contract (no breaking change from contract.graphql)', () => {
    const contract = buildSchema(readFileSync(new URL('../contract.graphql', import.meta.url), 'utf8'));
    expect(findBreakingChanges(contract, schema).map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('is the schema.gql committed in the repository (npm run schema rewrites it)', () => {
    const committed = readFileSync(new URL('../schema.gql', import.meta.url), 'utf8')
      .replace(/^#.*\n/gm, '')
      .trim();
    expect(committed).toBe(printSchema(lexicographicSortSchema(schema)).trim());
  });

  it('answers introspection, which partners build against', async () => {
    const res = await t.gql(`{ __schema { queryType { name } } }`);
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
