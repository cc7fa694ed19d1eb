import { placeLine } from '../programme-text.js';
import type { EmbedAppearance, EmbedEvent, EmbedItem, EmbedSpeaker } from './embed-event.js';

/**
 * The embedded agenda's one renderer: the embed page renders it on the server as HTML text (html.ts), the
 * <agenda-embed> web component in the browser as DOM nodes. embed-script.ts ships these functions' source text
 * (AGENDA_RENDERER), so each uses nothing but its parameters, the others here and placeLine, and no TypeScript
 * that emits code. Every piece of content is a text child: escaped as HTML text, or a DOM text node.
 */

export type Child<N> = N | string | null | undefined | false;
export type Attributes = Record<string, string | null | undefined>;

/** Builds an element: attributes that are null or undefined are left out, and so are empty children. */
export type Element<N> = (tag: string, attributes: Attributes | null, ...children: Child<N>[]) => N;

/** Dates and times of an instant in a zone, as the agenda prints them. */
export interface AgendaClock {
  /** YYYY-MM-DD. */
  date(instant: string, zone: string): string;
  /** "Tuesday 16 July 2019". */
  longDate(instant: string, zone: string): string;
  /** "08:45". */
  time(instant: string, zone: string): string;
  /** "Tue", to tell the days of a multi-day event apart. */
  weekday(instant: string, zone: string): string;
  /** The `datetime` of a <time>. */
  datetime(instant: string, zone: string): string;
}

export interface AgendaTarget<N> {
  el: Element<N>;
  clock: AgendaClock;
  /** The level of the event's heading: 1 for a page of its own, 2 inside another page. */
  level: 1 | 2;
  /** The element that holds the agenda, e.g. `main` or `article`, and its class. */
  frame: { tag: string; className: string | null };
  /** The .ics link at the foot, if any. */
  ics: string | null;
}

function agendaHeading<N>(t: AgendaTarget<N>, depth: number, id: string | null, text: string): N {
  return t.el(`h${t.level + depth}`, { id }, text);
}

/** A speaker's name and, when known, job title and organisation. */
function speakerParts<N>(s: EmbedSpeaker, t: AgendaTarget<N>): Child<N>[] {
  const detail = [s.jobTitle, s.organisation?.name].filter(Boolean);
  return [
    t.el('span', { class: 'name' }, s.displayName),
    detail.length ? t.el('span', { class: 'detail' }, `, ${detail.join(', ')}`) : null,
  ];
}

/** A speaker of an agenda item: the role unless SPEAKER, then the speaker, then "(invited)" for INVITED. */
function appearanceItem<N>(a: EmbedAppearance, t: AgendaTarget<N>): N {
  const role = a.role === 'SPEAKER' ? null : `${a.role.charAt(0)}${a.role.slice(1).toLowerCase()}: `;
  const invited = a.status === 'INVITED';
  return t.el(
    'li',
    null,
    role && t.el('span', { class: 'role' }, role),
    ...speakerParts(a.speaker, t),
    invited && ' ',
    invited && t.el('span', { class: 'invited' }, '(invited)'),
  );
}

/** "Tuesday 16 July 2019, 08:45–16:50 (Europe/London time)", or both dates for a multi-day event. */
function eventWhen<N>(event: EmbedEvent, t: AgendaTarget<N>): N {
  const { el, clock } = t;
  const zone = event.timeZone;
  const [from, to] = [event.startsAt, event.endsAt];
  const time = (instant: string, text: string) => el('time', { datetime: clock.datetime(instant, zone) }, text);
  const span =
    clock.date(from, zone) === clock.date(to, zone)
      ? [
          el('time', { datetime: clock.date(from, zone) }, clock.longDate(from, zone)),
          ', ',
          time(from, clock.time(from, zone)),
          '–',
          time(to, clock.time(to, zone)),
        ]
      : [
          time(from, `${clock.longDate(from, zone)}, ${clock.time(from, zone)}`),
          ' – ',
          time(to, `${clock.longDate(to, zone)}, ${clock.time(to, zone)}`),
        ];
  return el('p', { class: 'meta' }, ...span, ' ', el('span', null, `(${zone} time)`));
}

/** "Slides", "Recording", ...: a link's own title, else its kind. */
function linkText(link: EmbedItem['links'][number]): string {
  return link.title ?? `${link.kind.charAt(0)}${link.kind.slice(1).toLowerCase()}`;
}

/**
 * One agenda item: its times (when the agenda has any), label, title, room, track, level and language, key points,
 * notes, speakers, tags and links.
 */
function agendaItem<N>(
  item: EmbedItem,
  zone: string,
  shape: { timed: boolean; manyDays: boolean },
  t: AgendaTarget<N>,
) {
  const { el, clock } = t;
  const time = (instant: string) => el('time', { datetime: clock.datetime(instant, zone) }, clock.time(instant, zone));
  const quiet = ['REGISTRATION', 'BREAK', 'LUNCH', 'NETWORKING'].includes(item.type);
  const about = [item.room && item.room.name, item.track, item.level, item.language].filter(Boolean).join(' · ');
  const slot = item.startsAt
    ? [
        shape.manyDays && `${clock.weekday(item.startsAt, zone)} `,
        time(item.startsAt),
        item.endsAt && '–',
        item.endsAt && time(item.endsAt),
      ]
    : [];
  return el(
    'li',
    { class: quiet ? 'item break' : 'item', id: item.id },
    shape.timed && el('p', { class: 'when' }, ...slot),
    el(
      'div',
      null,
      item.label && el('p', { class: 'label' }, item.label),
      agendaHeading(t, 2, null, item.title),
      about && el('p', { class: 'meta' }, about),
      item.keyPoints.length > 0 && el('ul', { class: 'points' }, ...item.keyPoints.map((p) => el('li', null, p))),
      item.notes && el('p', { class: 'notes' }, item.notes),
      item.speakers.length > 0 &&
        el('ul', { class: 'speakers', 'aria-label': 'Speakers' }, ...item.speakers.map((a) => appearanceItem(a, t))),
      item.tags.length > 0 &&
        el('ul', { class: 'tags', 'aria-label': 'Tags' }, ...item.tags.map((g) => el('li', null, g))),
      item.links.length > 0 &&
        el(
          'ul',
          { class: 'links', 'aria-label': 'Links' },
          ...item.links.map((l) =>
            el('li', null, el('a', { href: l.url, target: '_blank', rel: 'noopener nofollow' }, linkText(l))),
          ),
        ),
    ),
  );
}

/** Children one per line, for a readable page source; empty ones are left out. */
function onLines<N>(...children: Child<N>[]): Child<N>[] {
  return children.filter((c) => c !== null && c !== undefined && c !== false && c !== '').flatMap((c) => ['\n', c]);
}

/**
 * The published event as the embedded agenda: title, status, date and time in the event's zone, place, sectors,
 * summary, key speakers, the agenda in running order and the programme note (and the .ics link when given).
 */
export function renderAgenda<N>(event: EmbedEvent, t: AgendaTarget<N>): N {
  const { el, clock } = t;
  const zone = event.timeZone;
  const place = placeLine(event);
  const timed = event.agenda.some((item) => item.startsAt !== null);
  const manyDays = clock.date(event.startsAt, zone) !== clock.date(event.endsAt, zone);
  const status = event.status !== 'SCHEDULED' && event.status.replace('_', ' ').toLowerCase();

  const header = el(
    'header',
    null,
    ...onLines(
      agendaHeading(t, 0, 'event-title', event.title),
      status && el('p', null, el('span', { class: 'status' }, status)),
      eventWhen(event, t),
      place && el('p', { class: 'meta' }, place),
      event.sectors.length > 0 &&
        el('ul', { class: 'sectors', 'aria-label': 'Sectors' }, ...event.sectors.map((s) => el('li', null, s.name))),
      event.summary && el('p', null, event.summary),
    ),
    '\n',
  );
  const keys =
    event.keySpeakers.length > 0 &&
    el(
      'section',
      { 'aria-labelledby': 'key-speakers' },
      agendaHeading(t, 1, 'key-speakers', 'Key speakers'),
      el('ul', { class: 'keys' }, ...event.keySpeakers.map((k) => el('li', null, ...speakerParts(k.speaker, t)))),
    );
  const items = event.agenda.map((item) => agendaItem(item, zone, { timed, manyDays }, t));
  const agenda = el(
    'section',
    { 'aria-labelledby': 'agenda' },
    agendaHeading(t, 1, 'agenda', 'Agenda'),
    '\n',
    el('ol', { class: `items${timed ? (manyDays ? ' many-days' : '') : ' untimed'}` }, ...onLines(...items).slice(1)),
    '\n',
  );
  const foot = onLines(
    event.programmeNote && el('p', { class: 'note' }, event.programmeNote),
    t.ics && el('p', null, el('a', { href: t.ics, target: '_blank', rel: 'noopener' }, 'Add to calendar (.ics)')),
  );
  const footer = foot.length > 0 && el('footer', null, ...foot, '\n');
  const frame = { class: t.frame.className, 'aria-labelledby': 'event-title' };
  return el(t.frame.tag, frame, ...onLines(header, keys, agenda, footer), '\n');
}

/** What embed-script.ts ships, by name: renderAgenda and all it calls. */
export const AGENDA_RENDERER = {
  placeLine,
  agendaHeading,
  speakerParts,
  appearanceItem,
  eventWhen,
  linkText,
  agendaItem,
  onLines,
  renderAgenda,
};
