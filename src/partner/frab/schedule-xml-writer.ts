import { create } from 'xmlbuilder2';
import type { FrabEvent, FrabSchedule } from './schedule-builder.js';

type XMLBuilder = ReturnType<typeof create>;
type Attributes = Record<string, string | number | undefined>;

/**
 * xmlbuilder2 writes an "&" that looks like the start of an entity (`&amp;`, `R&D;`) as it is, and a CR raw, which
 * parsers read as LF (oozcitak/xmlbuilder2#117). Escaped first, both read back as they were; the rest of the
 * escaping is the library's.
 */
const verbatim = (value: string | number): string => String(value).replace(/&/g, '&amp;').replace(/\r/g, '&#13;');

function attributes(values: Attributes): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, verbatim(v)]])));
}

/** A child element with `text`; an empty element when the text is empty. */
function leaf(parent: XMLBuilder, name: string, text: string | number | null, values: Attributes = {}): void {
  const node = parent.ele(name, attributes(values));
  if (text !== null && text !== '') node.txt(verbatim(text));
}

/** Text elements in this order; a null entry is left out. */
function leaves(parent: XMLBuilder, children: ([string, string | number | null] | null)[]): void {
  for (const child of children) if (child) leaf(parent, ...child);
}

function writeEvent(room: XMLBuilder, e: FrabEvent): void {
  const event = room.ele('event', attributes({ id: e.id, guid: e.guid }));
  leaves(event, [
    ['date', e.date],
    ['start', e.start],
    ['duration', e.duration],
    ['room', e.room],
    ['slug', e.slug],
    ['url', e.url],
    ['title', e.title],
    ['subtitle', e.subtitle],
    ['track', e.track],
    ['type', e.type],
    e.language ? ['language', e.language] : null,
    ['abstract', e.abstract],
    ['description', e.description],
    e.feedback_url ? ['feedback_url', e.feedback_url] : null,
  ]);
  const persons = event.ele('persons');
  for (const p of e.persons) leaf(persons, 'person', p.name, { guid: p.guid });
  const links = event.ele('links');
  for (const l of e.links) leaf(links, 'link', l.title, { href: l.url, type: l.type });
}

/**
 * schedule.xml (the frab/pentabarf XML that conference apps read, docs/formats/c3voc/schedule.xml.xsd) from the
 * same value as schedule.json, written with xmlbuilder2. Characters XML cannot carry at all are left out.
 */
export function scheduleXml(value: FrabSchedule, selfUrl: string): string {
  const { schedule } = value;
  const c = schedule.conference;
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele('schedule');
  leaf(root, 'generator', null, { name: value.generator.name });
  leaves(root, [
    ['url', selfUrl],
    ['version', schedule.version],
  ]);
  leaves(root.ele('conference'), [
    ['acronym', c.acronym],
    ['title', c.title],
    ['start', c.start],
    ['end', c.end],
    ['days', c.daysCount],
    ['timeslot_duration', c.timeslot_duration],
    ['base_url', schedule.base_url],
    ['url', c.url],
    c.time_zone_name ? ['time_zone_name', c.time_zone_name] : null,
  ]);

  for (const d of c.days) {
    const day = root.ele('day', attributes({ index: d.index, date: d.date, start: d.day_start, end: d.day_end }));
    for (const [name, events] of Object.entries(d.rooms)) {
      const room = day.ele('room', attributes({ name, guid: c.rooms.find((r) => r.name === name)?.guid }));
      for (const e of events) writeEvent(room, e);
    }
  }
  return `${root.end({ prettyPrint: true, indent: '  ' })}\n`;
}
