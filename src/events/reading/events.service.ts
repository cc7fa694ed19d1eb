import { Injectable } from '@nestjs/common';
import { isSignedIn, type Viewer } from '../../auth/viewer.js';
import { BadInputError } from '../../common/errors/domain-error.js';
import { assertPageSize, decodeCursor, encodeCursor, type Page, toPage } from '../../common/graphql/pagination.js';
import type { EventsArgs } from '../graphql/dto/events.args.js';
import { EventOrder } from '../graphql/event.enums.js';
import { type EventDocument, toDocument } from '../domain/event-document.js';
import type { EventView } from '../domain/event-view.js';
import { EventViewsRepository } from '../data/event-views.repository.js';
import { PublicReads } from '../../database/public-reads.js';
import { PublishedLists } from './published-lists.js';
import { UUID_PATTERN } from '../../common/validation/fields.js';
import { previewedEvent } from '../../previews/previewed-event.js';

/** A sort key as cursors carry it: an ISO-8601 instant, up to microseconds. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:\d{2})?)$/;

interface ListRow {
  /** Null in the one row of an empty page counted with its statement. */
  id: string | null;
  /** The sort column as PostgreSQL prints it (microseconds kept), so a cursor resumes exactly after its row. */
  sort_key: string;
  /** An anonymous list's row (`list_view`), read with its page. */
  view?: EventView;
  /** The number of matches, when counted in the same statement. */
  total?: string;
}

/** Per-request loaders the read paths share (see graphql/loaders.ts). */
export interface EventLoaders {
  eventViews: { load(id: string): Promise<EventView | null>; prime(id: string, view: EventView): unknown };
}

/** Read side of events: lookups, lists and related events, for the caller's visibility. */
@Injectable()
export class EventsService {
  constructor(
    private readonly views: EventViewsRepository,
    private readonly reads: PublicReads,
    private readonly lists: PublishedLists,
  ) {}

  /** Editors read the primary; anonymous readers' published rows may come from the read standby. */
  private query<T>(editor: boolean, sql: string, params: unknown[]): Promise<T> {
    return this.reads.queryFor<T>(editor, sql, params);
  }

  /** The whole event for a list row (see EventView.partial); batched with every other row of the request. */
  async whole(view: EventView, loaders: EventLoaders): Promise<EventView> {
    return view.partial ? ((await loaders.eventViews.load(view.id)) ?? view) : view;
  }

  /**
   * By slug or id; null when absent or not visible to the caller. With a preview secret, the working copy of that
   * link's event (previewed-event.ts), if slug and id (when given) name it; nothing else changes for the caller.
   */
  async findOne(
    viewer: Viewer | null,
    key: { slug?: string | null; id?: string | null; preview?: string | null },
    loaders: EventLoaders,
  ) {
    if (key.preview != null) {
      const view = await previewedEvent(
        (sql, params) => this.reads.queryFor(true, sql, params),
        this.views,
        key.preview,
      );
      const named =
        (key.id == null || key.id.toLowerCase() === view.id) && (key.slug == null || key.slug === view.slug);
      return named ? view : null;
    }
    if (key.id != null) {
      if (!UUID_PATTERN.test(key.id)) return null;
      const view = await loaders.eventViews.load(key.id);
      return view && (key.slug == null || view.slug === key.slug) ? view : null;
    }
    if (key.slug == null) throw new BadInputError('slug', 'give a slug or an id');
    const [view] = await this.views.findVisible(viewer, { slug: key.slug });
    if (view) loaders.eventViews.prime(view.id, view);
    return view ?? null;
  }

  /** The event document, as the caller may see the event (exportEvent); null when not visible. */
  async exportDocument(viewer: Viewer | null, slug: string): Promise<EventDocument | null> {
    const [view] = await this.views.findVisible(viewer, { slug });
    return view ? toDocument(view) : null;
  }

  /**
   * A keyset-paginated list: anonymous callers read published snapshots, editors the working copies. `withTotal`
   * says the caller will read totalCount (selectsField): a hint for the plan, not needed for a right answer.
   */
  async list(
    viewer: Viewer | null,
    args: EventsArgs,
    loaders: EventLoaders,
    withTotal = false,
  ): Promise<Page<EventView>> {
    const { filter, orderBy, first, after } = args;
    assertPageSize(first);
    const editor = isSignedIn(viewer);
    const t = editor
      ? { table: 'events e', id: 'e.id', live: 'e.deleted_at IS NULL' }
      : { table: 'event_publications e', id: 'e.event_id', live: 'TRUE' };
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where = [t.live];

    if (filter?.sectors?.length) {
      where.push(
        editor
          ? `EXISTS (SELECT 1 FROM event_sectors es JOIN sectors s ON s.id = es.sector_id
                      WHERE es.event_id = e.id AND s.slug = ANY(${p(filter.sectors)}::text[]))`
          : `e.sector_slugs && ${p(filter.sectors)}::text[]`,
      );
    }
    if (filter?.from) where.push(`e.ends_at >= ${p(filter.from)}`);
    if (filter?.to) where.push(`e.starts_at < ${p(filter.to)}`);
    if (filter?.status?.length) where.push(`e.status = ANY(${p(filter.status)}::text[])`);
    const search = Boolean(filter?.search?.trim());
    if (search) where.push(`e.search @@ websearch_to_tsquery('english', ${p(filter!.search)})`);
    if (editor && filter?.publicationState) where.push(`e.publication_state = ${p(filter.publicationState)}`);
    const sortColumn = orderBy === EventOrder.UPDATED_AT_DESC ? 'e.updated_at' : 'e.starts_at';
    // Every match as (id, sort key); the count reads these alone, before the cursor narrows them.
    const matches = `SELECT ${t.id} AS id, ${sortColumn} AS sort FROM ${t.table} WHERE ${where.join(' AND ')}`;
    const matchParams = [...params];

    const descending = orderBy !== EventOrder.STARTS_AT_ASC;
    let resume = 'TRUE';
    if (after) {
      const [key, id] = decodeCursor(after);
      if (!INSTANT.test(key) || Number.isNaN(Date.parse(key))) {
        throw new BadInputError('after', 'is not a cursor this API gave out');
      }
      resume = `(sort, id) ${descending ? '<' : '>'} (${p(key)}::timestamptz, ${p(id)}::uuid)`;
    }
    const direction = descending ? 'DESC' : 'ASC';
    const page = `SELECT id, sort FROM matches WHERE ${resume}
                   ORDER BY sort ${direction}, id ${direction} LIMIT ${p(first + 1)}`;

    // A search's matches come from its GIN index, unordered, and counting them reads each one's row (PostgreSQL
    // counts nothing from a GIN index alone). So when the total is wanted, one statement collects the matches once,
    // counts them and takes the page from them, instead of a count plus a page (an ordered scan testing every row
    // until it has a page: some 1,050 rows when one event in 50 matches). Otherwise `matches` is inlined: the page is
    // picked from the indexed columns however the planner likes, ordered and limited.
    const together = search && withTotal;
    const select = ['page.id', `to_json(page.sort) #>> '{}' AS sort_key`];
    let from = 'page';
    if (together) {
      select.push('counted.total');
      from = '(SELECT count(*) AS total FROM matches) counted LEFT JOIN page ON TRUE';
    }
    // Then the page's rows only: a published row is its small list row (`list_view`), however many events match.
    if (!editor) {
      select.push('l.list_view AS view');
      from += ' LEFT JOIN event_publications l ON l.event_id = page.id';
    }
    const sql = `WITH matches AS ${together ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (${matches}), page AS (${page})
       SELECT ${select.join(', ')} FROM ${from} ORDER BY page.sort ${direction}, page.id ${direction}`;
    const read = () => this.query<ListRow[]>(editor, sql, params);
    // What an anonymous list finds (its page's small rows, and its count) is kept until the lists change
    // (PublishedLists).
    const rows = editor ? await read() : await this.lists.find(`${sql}\n${JSON.stringify(params)}`, read);
    // Counted together, an empty page is one row: the count, and no event.
    const found = rows.filter((r): r is ListRow & { id: string } => r.id !== null);
    const views = editor
      ? await Promise.all(found.map((r) => loaders.eventViews.load(r.id)))
      : found.map((r) => r.view ?? null);
    const cursors = new Map(found.map((r) => [r.id, encodeCursor(r.sort_key, r.id)]));
    const countSql = `SELECT count(*) AS count FROM (${matches}) matches`;
    const count = async () => {
      const [{ count }]: { count: string }[] = await this.query(editor, countSql, matchParams);
      return Number(count);
    };
    return toPage(
      views.filter((v): v is EventView => v !== null),
      first,
      after,
      (v) => cursors.get(v.id)!,
      together
        ? () => Promise.resolve(Number(rows[0].total))
        : () => (editor ? count() : this.lists.find(`${countSql}\n${JSON.stringify(matchParams)}`, count)),
    );
  }

  /** Sector.events: the events of one sector the caller may see, soonest first. */
  ofSector(
    viewer: Viewer | null,
    sector: { slug: string },
    first: number,
    after: string | null | undefined,
    loaders: EventLoaders,
  ) {
    return this.list(
      viewer,
      { filter: { sectors: [sector.slug] }, orderBy: EventOrder.STARTS_AT_ASC, first, after },
      loaders,
    );
  }

  /**
   * Other published events a reader may also like, best first: most shared sectors, then nearest in time.
   * Batched: one statement for every event of a request.
   */
  async related(viewer: Viewer | null, events: readonly { event: EventView; first: number }[]): Promise<EventView[][]> {
    if (events.length === 0) return [];
    const rows: { k: number; view: EventView }[] = await this.query(
      isSignedIn(viewer),
      `SELECT x.k, l.list_view AS view
         FROM jsonb_to_recordset($1::jsonb) AS x(k int, event_id uuid, sectors text[], starts_at timestamptz, n int)
         CROSS JOIN LATERAL (
           SELECT p.event_id,
                  (SELECT count(*) FROM unnest(p.sector_slugs) s WHERE s = ANY(x.sectors)) AS shared,
                  abs(extract(epoch FROM p.starts_at - x.starts_at)) AS distance
             FROM event_publications p
            WHERE p.event_id <> x.event_id
            ORDER BY shared DESC, distance, p.event_id
            LIMIT x.n) r
         JOIN event_publications l ON l.event_id = r.event_id
        ORDER BY x.k, r.shared DESC, r.distance, r.event_id`,
      [
        JSON.stringify(
          events.map(({ event, first }, k) => ({
            k,
            event_id: event.id,
            sectors: event.sectors.map((s) => s.slug),
            starts_at: event.startsAt,
            n: first,
          })),
        ),
      ],
    );
    // By position in the batch, not by event id: one event may be asked for twice with different page sizes.
    return events.map((_, k) => rows.filter((r) => r.k === k).map((r) => r.view));
  }
}
