import { SEARCHED_NAME } from './seed.js';
import type { BenchRequest } from './wrk.js';

/**
 * What a scenario runs against: `small` and `large` are the API over a database of `--small` and `--large`
 * published events (read-path.bench.ts starts them) with the response cache off, `cached` the API over `--small`
 * events with the cache on, `ceiling` a bare Fastify server that answers every request with the bytes of the
 * `agenda-anonymous` answer (`ceiling-edge` the same with what every public answer carries, bench/ceiling.ts), `postgraphile` PostGraphile 5 over the `small` database (bench/postgraphile.ts).
 */
export type TargetName = 'small' | 'large' | 'cached' | 'ceiling' | 'ceiling-edge' | 'postgraphile';

export interface BenchContext {
  /** Base URL (http://127.0.0.1:port) of each target started for this run. */
  base: Record<TargetName, string>;
  /** A bearer token of the benchmark's admin, valid on every API target. */
  token: string;
}

/**
 * One row of the benchmark. `request` may ask the server first (for an ETag, a persisted query hash, ...); the
 * request it returns is checked once (status `status`, default 200, and no GraphQL `errors`), then repeated.
 */
export interface Scenario {
  /** Its name on the command line (`--scenarios=a,b`) and in the table. */
  id: string;
  label: string;
  target: TargetName;
  request(ctx: BenchContext): BenchRequest | Promise<BenchRequest>;
  status?: number;
}

export const FULL_AGENDA = `query($slug: String!) { event(slug: $slug) { title startsAt sectors { name }
  keySpeakers { speaker { displayName jobTitle organisation { name } } }
  agenda { position type label title startsAt endsAt track keyPoints notes
    speakers { role status speaker { displayName jobTitle organisation { name } } } } } }`;
/**
 * FULL_AGENDA's fields asked of PostGraphile: the event by slug and its relations over the working-copy tables
 * (events, event_sectors → sectors, event_speakers → speakers → organisations, agenda_items → session_speakers →
 * speakers → organisations), in the API's order (`position`). Key speakers are the `featured` event_speakers rows;
 * `honorific` and `name` are the columns the API's `displayName` is made of.
 */
const POSTGRAPHILE_AGENDA = `query($slug: String!) {
  allEvents(condition: { slug: $slug, deletedAt: null }, first: 1) { nodes { title startsAt
    eventSectorsByEventId(orderBy: POSITION_ASC) { nodes { sectorBySectorId { name } } }
    eventSpeakersByEventId(condition: { featured: true }, orderBy: POSITION_ASC) { nodes {
      speakerBySpeakerId { honorific name jobTitle organisationByOrganisationId { name } } } }
    agendaItemsByEventId(orderBy: POSITION_ASC) { nodes { position type label title startsAt endsAt track keyPoints notes
      sessionSpeakersByAgendaItemId(orderBy: POSITION_ASC) { nodes { role status
        speakerBySpeakerId { honorific name jobTitle organisationByOrganisationId { name } } } } } } } } }`;
const LIST = `{ events(first: 20) { totalCount nodes { slug title startsAt } } }`;
const SEARCH = `query($q: String!) { events(first: 20, filter: { search: $q }) { totalCount nodes { slug title startsAt } } }`;

export function graphql(
  base: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): BenchRequest {
  return {
    method: 'POST',
    url: `${base}/graphql`,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  };
}

/**
 * The scenario table: every case of `npm run bench`, in the order of its table. A new case (a cache hit, a 304, a
 * GET) is one entry here; it runs in the same interleaved rounds as the others.
 */
export const SCENARIOS: Scenario[] = [
  {
    id: 'ceiling',
    label: 'bare Fastify, the agenda answer’s bytes (ceiling)',
    target: 'ceiling',
    request: ({ base }) => graphql(base.ceiling, FULL_AGENDA, { slug: 'bench-0' }),
  },
  {
    id: 'ceiling-edge',
    label: 'the same, with CORS, a request id, a log line and the cache headers',
    target: 'ceiling-edge',
    request: ({ base }) => graphql(base['ceiling-edge'], FULL_AGENDA, { slug: 'bench-0' }),
  },
  {
    id: 'typename',
    label: '{ __typename } through the API',
    target: 'small',
    request: ({ base }) => graphql(base.small, '{ __typename }'),
  },
  {
    id: 'agenda-anonymous',
    label: 'agenda (15 items, 30 appearances), anonymous, uncached',
    target: 'small',
    request: ({ base }) => graphql(base.small, FULL_AGENDA, { slug: 'bench-0' }),
  },
  {
    id: 'agenda-cache-hit',
    label: 'agenda, anonymous, from the response cache',
    target: 'cached',
    request: ({ base }) => graphql(base.cached, FULL_AGENDA, { slug: 'bench-0' }),
  },
  {
    id: 'agenda-304',
    label: 'agenda, anonymous, If-None-Match: 304 from the cache',
    target: 'cached',
    status: 304,
    request: async ({ base }) => {
      const first = graphql(base.cached, FULL_AGENDA, { slug: 'bench-0' });
      const res = await fetch(first.url, { method: 'POST', headers: first.headers, body: first.body });
      await res.arrayBuffer();
      return { ...first, headers: { ...first.headers, 'if-none-match': res.headers.get('etag') ?? '' } };
    },
  },
  {
    id: 'agenda-get-persisted',
    label: 'agenda, anonymous, GET with a persisted-query hash, from the cache',
    target: 'cached',
    request: async ({ base }) => {
      const { createHash } = await import('node:crypto');
      const hash = createHash('sha256').update(FULL_AGENDA).digest('hex');
      const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
      const variables = JSON.stringify({ slug: 'bench-0' });
      // Registered once with its text (APQ), then asked for by hash alone.
      const register = graphql(base.cached, FULL_AGENDA, { slug: 'bench-0' });
      await fetch(register.url, {
        method: 'POST',
        headers: register.headers,
        body: JSON.stringify({
          query: FULL_AGENDA,
          variables: { slug: 'bench-0' },
          extensions: JSON.parse(extensions) as object,
        }),
      }).then((r) => r.arrayBuffer());
      const query = `extensions=${encodeURIComponent(extensions)}&variables=${encodeURIComponent(variables)}`;
      return { method: 'GET', url: `${base.cached}/graphql?${query}` };
    },
  },
  {
    id: 'agenda-signed-in',
    label: 'agenda, signed in (working copy)',
    target: 'small',
    request: ({ base, token }) => graphql(base.small, FULL_AGENDA, { slug: 'bench-0' }, token),
  },
  {
    id: 'postgraphile-agenda',
    label: 'agenda, PostGraphile 5 over the same tables (no auth: the reference for both)',
    target: 'postgraphile',
    request: ({ base }) => graphql(base.postgraphile, POSTGRAPHILE_AGENDA, { slug: 'bench-0' }),
  },
  {
    id: 'list-small',
    label: 'events list (20 titles), small database',
    target: 'small',
    request: ({ base }) => graphql(base.small, LIST),
  },
  {
    id: 'list-large',
    label: 'events list (20 titles), large database',
    target: 'large',
    request: ({ base }) => graphql(base.large, LIST),
  },
  {
    id: 'search-small',
    label: `search "${SEARCHED_NAME}" (a speaker), small database`,
    target: 'small',
    request: ({ base }) => graphql(base.small, SEARCH, { q: SEARCHED_NAME }),
  },
  {
    id: 'search-large',
    label: `search "${SEARCHED_NAME}" (a speaker), large database`,
    target: 'large',
    request: ({ base }) => graphql(base.large, SEARCH, { q: SEARCHED_NAME }),
  },
];
