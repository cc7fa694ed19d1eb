import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';
import { OnOff, WholeNumber } from './settings.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The whole configuration of the service, read from the environment once at boot.
 * Nothing else reads process.env.
 */
export class AppConfig {
  @WholeNumber({ min: 0, max: 65535 })
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * Whom to believe about the client's address in X-Forwarded-For (rate limits and sign-in throttling count by it):
   * `false` (the socket's address), the proxies' addresses or networks (`10.0.0.0/8,192.168.1.5`: the address is the
   * first hop that is not one of them), a number of proxy hops in front, or `true` (the first address given, which
   * only a proxy that overwrites the header makes safe).
   */
  @Matches(/^(true|false|\d+|[0-9a-fA-F:.]+(\/\d+)?(\s*,\s*[0-9a-fA-F:.]+(\/\d+)?)*)$/, {
    message: 'TRUST_PROXY must be true, false, a number of hops, or proxy addresses/networks separated by commas',
  })
  TRUST_PROXY = 'false';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * A streaming hot standby of DATABASE_URL for anonymous reads of published data (database/public-reads.ts);
   * unset, every read goes to DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_READ_URL must be a postgres:// URL' })
  DATABASE_READ_URL?: string;

  /**
   * How stale the read standby may be: lagging more, it answers nothing until it catches up; and how long a read
   * after a change waits for the standby to replay it before it reads the primary instead.
   */
  @WholeNumber({ min: 10, unit: 'milliseconds' })
  DATABASE_READ_MAX_LAG_MS = 500;

  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** PUBLIC_URL without a trailing slash: the base of every absolute link the API gives out. */
  get publicBase(): string {
    return this.PUBLIC_URL.replace(/\/+$/, '');
  }

  /** PUBLIC_URL parsed: its origin (embeds, CORS) and host name (calendar UIDs). */
  get publicUrl(): URL {
    return new URL(this.PUBLIC_URL);
  }

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 30m, 12h or 7d' })
  JWT_EXPIRES_IN = '12h';

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @OnOff()
  DEMO_CONTENT = true;

  @OnOff()
  PLAYGROUND = true;

  /** pino's levels, for everything the service logs (common/logging.ts). */
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV must be development, production or test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  @IsString()
  EMBEDDED_POSTGRES_DIR = '.data/postgres';

  @WholeNumber({ min: 1, max: 65535 })
  EMBEDDED_POSTGRES_PORT = 54329;

  /** Where to write the generated GraphQL schema at start (`npm run start:dev` writes the committed schema.gql). */
  @IsOptional()
  @IsString()
  SCHEMA_FILE?: string;

  /** How often each replica looks for scheduled publications that are due (schedulePublication). */
  @WholeNumber({ min: 50, unit: 'milliseconds' })
  PUBLICATION_SCHEDULE_POLL_MS = 5_000;

  /** First webhook retry after this many milliseconds; each later one waits twice as long (8 tries at most). */
  @WholeNumber({ min: 10, unit: 'milliseconds' })
  WEBHOOK_RETRY_BASE_MS = 10_000;

  /** Webhook targets on loopback or private networks are refused unless this is true (development, tests). */
  @OnOff()
  WEBHOOKS_ALLOW_PRIVATE_TARGETS = false;

  // The public edge (src/edge/): what an anonymous request may ask, and how often. README "Limits".

  /** The most an operation may cost: each field answered counts 1, lists multiply by their page size or bound. */
  @WholeNumber({ min: 1 })
  QUERY_MAX_COST = 100_000;

  /** How deep an operation may nest (introspection's own type references excepted). */
  @WholeNumber({ min: 1 })
  QUERY_MAX_DEPTH = 10;

  /** Aliases in one operation, introspection included. */
  @WholeNumber({ min: 0 })
  QUERY_MAX_ALIASES = 30;

  /** Directives (@include, @skip...) in one operation. */
  @WholeNumber({ min: 0 })
  QUERY_MAX_DIRECTIVES = 20;

  /** Lexical tokens in one GraphQL document; parsing stops past it. */
  @WholeNumber({ min: 100 })
  QUERY_MAX_TOKENS = 4_000;

  /** Bytes of a request body, for everyone but a signed-in editor. */
  @WholeNumber({ min: 1024, unit: 'bytes' })
  QUERY_BODY_LIMIT = 64 * 1024;

  /** Bytes of a request body from a signed-in editor: an event document or schedule to import. */
  @WholeNumber({ min: 1024, unit: 'bytes' })
  DOCUMENT_BODY_LIMIT = 4 * 1024 * 1024;

  /** Bytes of one GraphQL answer; a larger one is refused (ask for less). */
  @WholeNumber({ min: 1024, unit: 'bytes' })
  RESPONSE_MAX_BYTES = 8 * 1024 * 1024;

  /** Points each anonymous client address may spend per RATE_LIMIT_WINDOW_S, shared by every replica. */
  @WholeNumber({ min: 1 })
  RATE_LIMIT_POINTS = 1200;

  @WholeNumber({ min: 1, unit: 'seconds' })
  RATE_LIMIT_WINDOW_S = 60;

  /** A GraphQL read costs 1 point, plus 1 per this much query cost. */
  @WholeNumber({ min: 1 })
  RATE_LIMIT_COST_PER_POINT = 200;

  /** What one partner feed or page (.ics, schedule.json/.xml, embed) costs. */
  @WholeNumber({ min: 0 })
  RATE_LIMIT_FEED_POINTS = 5;

  /**
   * How often the LISTEN connection sends itself a notice; one not heard back within this time gives the
   * connection up as lost (a network that drops packets silently leaves a socket that looks open for hours, while
   * the caches trust it to hear every change). 0: never.
   */
  @WholeNumber({ min: 0, unit: 'milliseconds' })
  NOTIFY_HEARTBEAT_MS = 5000;

  /** How often each replica shares its counts through PostgreSQL. */
  @WholeNumber({ min: 50, unit: 'milliseconds' })
  RATE_LIMIT_SYNC_MS = 1000;

  /** Failed sign-ins are counted over this many minutes. */
  @WholeNumber({ min: 1 })
  LOGIN_WINDOW_MINUTES = 15;

  /** Failures for one account from one address before that pair waits. */
  @WholeNumber({ min: 1 })
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;

  /** Failures from one address, whatever the accounts, before it waits. */
  @WholeNumber({ min: 1 })
  LOGIN_MAX_FAILURES_PER_ADDRESS = 20;

  /** Failures for one account from everywhere before addresses it has not signed in from lately wait. */
  @WholeNumber({ min: 1 })
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 50;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }

  /**
   * Longest a statement may run in the service (statement_timeout) and wait for a lock (lock_timeout) before it is
   * cancelled and the request answered 503: the slowest legitimate statement (a whole big agenda, an import) takes
   * well under a second, and a request held longer than this by a stall is better refused than queued. The migration
   * CLI and the migrations run at start have no such limit.
   */
  @WholeNumber({ min: 100, unit: 'milliseconds' })
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  /**
   * Longest a request waits for a free pooled connection (or a new one to open) before it is answered 503: a
   * healthy pool hands one over in well under 10 ms, so a second's wait means it is exhausted and more waiting only
   * grows the queue.
   */
  @WholeNumber({ min: 50, unit: 'milliseconds' })
  DATABASE_POOL_TIMEOUT_MS = 1000;

  /** Connections the service's pool opens at most (plus one for LISTEN). */
  @WholeNumber({ min: 2 })
  DATABASE_POOL_SIZE = 10;

  /**
   * Write transactions under way at once, at most; the rest of the pool is left to reads, so a burst of edits never
   * starves the public reads of connections. A write that waits longer than DATABASE_POOL_TIMEOUT_MS for its turn is
   * answered 503.
   */
  @WholeNumber({ min: 1 })
  DATABASE_WRITE_CONNECTIONS = 3;

  /** Longest the request line and headers may take to arrive (Node's headersTimeout). */
  @WholeNumber({ min: 100, unit: 'milliseconds' })
  HTTP_HEADERS_TIMEOUT_MS = 10_000;

  /**
   * Longest a whole request (headers and body) may take to arrive: a body trickled in is cut off (408) then.
   */
  @WholeNumber({ min: 100, unit: 'milliseconds' })
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** How long an idle keep-alive connection stays open: longer than a load balancer's own idle timeout (60 s). */
  @WholeNumber({ min: 100, unit: 'milliseconds' })
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 72_000;

  /**
   * On SIGTERM/SIGINT, readiness answers 503 at once and requests are still served this long, so that load balancers
   * stop sending new ones before the listener closes. 5000 in production, 0 elsewhere unless set.
   */
  @IsOptional()
  @WholeNumber({ min: 0, unit: 'milliseconds' })
  SHUTDOWN_DRAIN_MS?: number;

  get shutdownDrainMs(): number {
    return this.SHUTDOWN_DRAIN_MS ?? (this.production ? 5000 : 0);
  }

  /**
   * The public response cache (docs/caching.md): anonymous GraphQL reads answered from memory, invalidated on every
   * replica by the change notices. `off` (false) for measuring, or behind a cache of one's own.
   */
  @OnOff()
  RESPONSE_CACHE = true;

  /** Bytes the response cache may hold (answers, their keys and headers), least recently used first out. */
  @WholeNumber({ min: 0, unit: 'bytes' })
  RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

  /**
   * Bytes of editors' working copies kept in memory, per event version (every edit bumps it; a write to a speaker,
   * sector or organisation drops them all); 0 turns it off.
   */
  @WholeNumber({ min: 0, unit: 'bytes' })
  WORKING_VIEW_CACHE_MAX_BYTES = 16 * 1024 * 1024;

  /**
   * Bytes of published snapshots kept parsed in memory; each read still checks its row's version, and reads the
   * snapshot only when the kept one is not current; 0 turns it off.
   */
  @WholeNumber({ min: 0, unit: 'bytes' })
  PUBLISHED_VIEW_CACHE_MAX_BYTES = 16 * 1024 * 1024;

  /**
   * Anonymous event lists' totalCounts and pages (their small list rows) kept, by filter and cursor, until an event or
   * shared-record change (events/reading/published-lists.ts); 0 reads every time.
   */
  @WholeNumber({ min: 0 })
  LIST_CACHE_MAX = 1000;

  /** `Cache-Control: max-age` of anonymous public reads (GraphQL and partner feeds): how long browsers and CDNs keep them. */
  @WholeNumber({ min: 0, unit: 'seconds' })
  RESPONSE_CACHE_MAX_AGE_S = 30;

  /** `Cache-Control: stale-while-revalidate` of the same answers: how long a stale copy may be served while refetched. */
  @WholeNumber({ min: 0, unit: 'seconds' })
  RESPONSE_CACHE_SWR_S = 60;

  /**
   * Log lines are written in batches of 4 KiB, one system call each, instead of one call per line; a line waits at
   * most this long for its batch to fill (and is written at once on shutdown or exit).
   */
  @WholeNumber({ min: 10, max: 60_000, unit: 'milliseconds' })
  LOG_FLUSH_MS = 1000;
}
