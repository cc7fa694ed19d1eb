import type { FrabEvent, FrabSchedule } from './schedule-builder.js';
import { el, toXml } from './xml.js';

function event(e: FrabEvent) {
  return el(
    'event',
    { id: e.id, guid: e.guid },
    el('date', {}, e.date),
    el('start', {}, e.start),
    el('duration', {}, e.duration),
    el('room', {}, e.room),
    el('slug', {}, e.slug),
    el('url', {}, e.url),
    el('title', {}, e.title),
    el('subtitle', {}, e.subtitle),
    el('track', {}, e.track ?? ''),
    el('type', {}, e.type),
    e.language ? el('language', {}, e.language) : null,
    el('abstract', {}, e.abstract ?? ''),
    el('description', {}, e.description ?? ''),
    el('persons', {}, ...e.persons.map((p) => el('person', { guid: p.guid }, p.name))),
    el('links', {}, ...e.links.map((l) => el('link', { href: l.url }, l.title ?? l.url))),
  );
}

/** schedule.xml (the frab/pentabarf XML that conference apps read) from the same value as schedule.json. */
export function scheduleXml(value: FrabSchedule, selfUrl: string): string {
  const { schedule } = value;
  const c = schedule.conference;
  return toXml(
    el(
      'schedule',
      {},
      el('generator', { name: value.generator.name }),
      el('url', {}, selfUrl),
      el('version', {}, schedule.version),
      el(
        'conference',
        {},
        el('acronym', {}, c.acronym),
        el('title', {}, c.title),
        el('start', {}, c.start),
        el('end', {}, c.end),
        el('days', {}, c.daysCount),
        el('timeslot_duration', {}, c.timeslot_duration),
        el('base_url', {}, schedule.base_url),
        el('url', {}, c.url),
        c.time_zone_name ? el('time_zone_name', {}, c.time_zone_name) : null,
      ),
      ...c.days.map((day) =>
        el(
          'day',
          { index: day.index, date: day.date, start: day.day_start, end: day.day_end },
          ...Object.entries(day.rooms).map(([name, events]) =>
            el('room', { name, guid: c.rooms.find((r) => r.name === name)?.guid }, ...events.map(event)),
          ),
        ),
      ),
    ),
  );
}
