import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';

/** The parts of a GraphQL request over HTTP that decide its answer. */
interface Operation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** JSON with every object's keys sorted: the same variables give the same text however a client orders them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * What clients send again and again (the same few documents, the same GETs) gives the same hash and key: up to
 * KEPT answers for texts of at most KEPT_TEXT characters (4 MB of texts at most) are remembered, then afresh.
 */
const KEPT = 1000;
const KEPT_TEXT = 4096;

/** A body longer than this is never remembered by its bytes. */
export const REMEMBERED_BODY_MAX = KEPT_TEXT;

function remembered<V>(memo: Map<string, V>, text: string, compute: () => V): V {
  if (memo.has(text)) return memo.get(text) as V;
  const value = compute();
  if (text.length <= KEPT_TEXT) {
    if (memo.size >= KEPT) memo.clear();
    memo.set(text, value);
  }
  return value;
}

const hashes = new Map<string, string>();
const documentHash = (text: string): string =>
  remembered(hashes, text, () => createHash('sha256').update(text).digest('hex'));

/** A GET's parameters come as text; `variables` and `extensions` as JSON text. */
function fromQueryString(query: Record<string, unknown>): Operation | undefined {
  const json = (text: unknown): unknown => {
    if (text === undefined) return undefined;
    if (typeof text !== 'string') throw new Error('not text');
    return JSON.parse(text) as unknown;
  };
  try {
    return {
      query: query.query,
      operationName: query.operationName,
      variables: json(query.variables),
      extensions: json(query.extensions),
    };
  } catch {
    return undefined;
  }
}

/**
 * The cache key of an anonymous GraphQL request (GET or POST), or undefined when it cannot be one (a batch, no
 * operation, unreadable parameters): the document's SHA-256 (which is also its persisted-query id, so a GET by
 * hash and a POST with the text share an answer), the operation name, the variables as canonical JSON, and the
 * Accept header (it chooses the answer's content type). A GET's key is remembered by its URL and Accept header,
 * a POST's by its body's bytes (`body`, when the front door read them), content type and Accept header: what
 * `knownKey` answers by.
 */
export function requestKey(request: FastifyRequest, body?: Buffer): string | undefined {
  const text = exactText(request.raw, body);
  return text === undefined ? keyOf(request) : remembered(known, text, () => keyOf(request));
}

/**
 * The key requestKey gave a request of exactly this URL, headers and body when Fastify routed one to /graphql, if it
 * is still remembered: what the front door (common/http/front-door.ts) answers by, parsing nothing.
 */
export const knownKey = (req: IncomingMessage, body?: Buffer): string | undefined => {
  const text = exactText(req, body);
  return text === undefined ? undefined : known.get(text);
};

const known = new Map<string, string | undefined>();

function exactText(req: IncomingMessage, body: Buffer | undefined): string | undefined {
  const { accept = '', 'content-type': type = '' } = req.headers;
  if (req.method === 'GET') return `GET ${req.url}\n${accept}`;
  if (req.method === 'POST' && body) return `POST ${req.url}\n${accept}\n${type}\n${body.toString()}`;
  return undefined;
}

function keyOf(request: FastifyRequest): string | undefined {
  const operation =
    request.method === 'GET'
      ? fromQueryString((request.query ?? {}) as Record<string, unknown>)
      : request.method === 'POST' && request.body && typeof request.body === 'object' && !Array.isArray(request.body)
        ? (request.body as Operation)
        : undefined;
  if (!operation) return undefined;
  const hash = (operation.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery?.sha256Hash;
  let document: string;
  if (typeof operation.query === 'string') {
    document = documentHash(operation.query);
    // A text and a hash that disagree are Apollo's to refuse.
    if (hash !== undefined && hash !== document) return undefined;
  } else {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
    document = hash;
  }
  const name = typeof operation.operationName === 'string' ? operation.operationName : '';
  const variables = operation.variables == null ? '{}' : canonicalJson(operation.variables);
  return `${document}\n${name}\n${variables}\n${request.headers.accept ?? ''}`;
}
