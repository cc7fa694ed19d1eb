import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type DocumentNode,
  type TypeNode,
  getIntrospectionQuery,
  Kind,
  LoneAnonymousOperationRule,
  OperationTypeNode,
  parse,
  print,
  specifiedRules,
  validate,
} from 'graphql';
import { AppConfig } from '../src/config/app-config.js';
import { queryCost } from '../src/edge/query-cost.js';
import { EMBED_QUERY } from '../src/partner/embed/embed-event.js';
import { DEMO_QUERY } from '../src/playground/demo-query.js';
import { ADMIN, signIn } from './support/editors.js';
import { statementsDuring } from './support/statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = 'tackling-serious-and-organised-crime-2019';
const MAX_COST = new AppConfig().QUERY_MAX_COST;
const loop = (levels: number): string =>
  levels === 0
    ? 'title'
    : `agenda { speakers { speaker { appearances { agendaItem { event { ${loop(levels - 1)} } } } } } }`;

/** Every GraphQL document the project ships: README, docs/, the playground's opening query, the embed's. */
function shippedQueries(): { where: string; query: string }[] {
  const files = [
    'README.md',
    ...readdirSync('docs')
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const blocks = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => ({
      where: `${file} #${i + 1}`,
      query: m[1],
    })),
  );
  return [...blocks, { where: 'playground', query: DEMO_QUERY }, { where: 'embed', query: EMBED_QUERY }];
}

/** A value for each variable an operation requires, so that it can be costed and run. */
function sampleVariables(operation: DocumentNode['definitions'][number]): Record<string, unknown> {
  if (operation.kind !== Kind.OPERATION_DEFINITION) return {};
  const sample = (type: TypeNode): unknown => {
    if (type.kind === Kind.NON_NULL_TYPE) return sample(type.type);
    if (type.kind === Kind.LIST_TYPE) return [sample(type.type)];
    return { ID: '00000000-0000-4000-8000-000000000000', Int: 1, Boolean: true }[type.name.value] ?? DEMO;
  };
  const required = (operation.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE);
  return Object.fromEntries(required.map((v) => [v.variable.name.value, sample(v.type)]));
}

describe('operation cost and shape limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(ADMIN);
  });
  afterAll(() => t.close());

  const refusedBeforeRunning = async (query: string, pattern: RegExp) => {
    let status = 0;
    const { sql } = await statementsDuring(async () => {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query });
      status = res.status;
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors[0].message).toMatch(pattern);
      expect(res.body.errors[0].extensions.code).toMatch(
        /^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/,
      );
    });
    expect(status).toBe(400);
    expect(sql).toEqual([]);
  };

  it('costs lists by their page size or bound: the fan-out attack is refused before any SQL', async () => {
    const attack = `events(first: 100) { nodes { ${loop(1)} } }`;
    await refusedBeforeRunning(`{ ${attack} }`, /would cost \d+; at most 100000/);
    const aliased = [1, 2, 3, 4].map((i) => `a${i}: ${attack}`).join(' ');
    await refusedBeforeRunning(`{ ${aliased} }`, /would cost/);
  });

  it('multiplies a connection by its page size', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const page = (first: number) => queryCost(schema, parse(`{ events(first: ${first}) { nodes { title } } }`), {});
    expect(page(100)).toBeGreaterThanOrEqual(50 * page(1));
    // The fan-out attack without its last level is refused as well.
    const shallower =
      'events(first: 100) { nodes { agenda { speakers { speaker { appearances { agendaItem { title } } } } } } }';
    await refusedBeforeRunning(`{ ${shallower} }`, /would cost/);
  });

  it('counts introspection like everything else', async () => {
    const type =
      'name description fields { name description args { name description type { name ofType { name } } } ' +
      'type { name ofType { name } } } inputFields { name description type { name ofType { name } } } ' +
      'enumValues { name description } interfaces { name } possibleTypes { name }';
    const aliases = Array.from({ length: 30 }, (_, i) => `t${i}: types { ${type} }`).join(' ');
    await refusedBeforeRunning(`{ __schema { ${aliases} } }`, /would cost/);
  });

  it('limits aliases, directives, depth and tokens', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `e${i}: event(slug: "${DEMO}") { title }`).join(' ');
    await refusedBeforeRunning(`{ ${aliases} }`, /aliases/i);
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    await refusedBeforeRunning(`{ event(slug: "${DEMO}") { title ${directives} } }`, /directives/i);
    await refusedBeforeRunning(`{ event(slug: "${DEMO}") { ${loop(2)} } }`, /depth/i);
    const tokens = Array.from({ length: 4100 }, () => 'title').join(' ');
    await refusedBeforeRunning(`{ event(slug: "${DEMO}") { ${tokens} } }`, /more that 4000 tokens/);
  });

  it('still answers the standard introspection query and a whole agenda', async () => {
    const introspection = await t.gql(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.queryType.name).toBe('Query');
    const agenda = await t.gql(`{ event(slug: "${DEMO}") { agenda { title speakers { speaker { displayName } } } } }`);
    expect(agenda.errors).toBeUndefined();
    expect(agenda.data!.event.agenda).toHaveLength(22);
  });

  it('every query the project ships costs at most half the limit, and the reads run', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const admin = await signIn(t);
    const shipped = shippedQueries();
    expect(shipped.length).toBeGreaterThanOrEqual(8);
    const rules = specifiedRules.filter((rule) => rule !== LoneAnonymousOperationRule);
    for (const { where, query } of shipped) {
      // A docs block may show several operations one after the other: each is costed alone.
      for (const operation of parse(query).definitions) {
        const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation] };
        expect([where, validate(schema, document, rules)]).toEqual([where, []]);
        const variables = sampleVariables(operation);
        const cost = queryCost(schema, document, variables);
        expect([where, cost, cost <= MAX_COST / 2]).toEqual([where, cost, true]);
        if (operation.kind === Kind.OPERATION_DEFINITION && operation.operation === OperationTypeNode.QUERY) {
          // As an admin, for the editors' reads; a sample id may name nothing.
          const { errors = [] } = await t.gql(print(document), variables, admin);
          expect([where, errors.filter((e) => e.extensions?.code !== 'NOT_FOUND')]).toEqual([where, []]);
        }
      }
    }
    expect(queryCost(schema, parse(getIntrospectionQuery()), {})).toBeLessThanOrEqual(MAX_COST / 2);
  });
});
