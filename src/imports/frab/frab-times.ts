import {
  instantAt,
  isEarlierInDay,
  isTimeZone,
  type LocalDate,
  type LocalTime,
  parseInstant,
  readDate,
  readTime,
  startOfNextDay,
  writtenOffsetMinutes,
  zoned,
} from '../../common/clock.js';
import { CONFERENCE, entryLists, isRecord, type Json, refuse, text } from './frab-members.js';

/**
 * The times of a frab/c3voc schedule, as the format writes them: the conference's zone and dates, a day's date and
 * clock, an entry's start (its own date-time, or the day's date and a local start) and end (its own, or a duration).
 * Local times are read in the conference's zone by common/clock.ts.
 */

const DURATION = /^(\d+):(\d{2})(?::(\d{2}))?$/;

/** frab's duration, `00:30`, `1:30` or `01:30:00` (hours may pass 24) → milliseconds; anything else → undefined. */
function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return min < 60 && s < 60 ? ((h * 60 + min) * 60 + s) * 1000 : undefined;
}

/** An IANA zone with a fixed offset (`Etc/GMT-1` is UTC+1), for schedules that name no zone; whole hours only. */
function fixedOffsetZone(minutes: number): string | undefined {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return undefined;
  return `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}`;
}

/** The zone of a schedule that names none: the one offset all its date-times share (whole hours), else UTC. */
function zoneFromOffsets(conference: Json): string {
  const values: unknown[] = [conference.start, conference.end];
  if (Array.isArray(conference.days)) {
    for (const day of conference.days) if (isRecord(day)) values.push(day.day_start, day.day_end);
  }
  for (const list of entryLists(conference.days)) for (const e of list) if (isRecord(e)) values.push(e.date, e.end);
  const offsets = new Set(values.flatMap((v) => (typeof v === 'string' ? [writtenOffsetMinutes(v)] : [])));
  offsets.delete(undefined);
  return offsets.size === 1 ? (fixedOffsetZone([...offsets][0]!) ?? 'UTC') : 'UTC';
}

/** The conference's time_zone_name when it is an IANA zone; else, with a warning, what its offsets say. */
export function conferenceZone(conference: Json, warnings: string[]): string {
  const zoneName = text(conference.time_zone_name);
  if (zoneName && isTimeZone(zoneName)) return zoneName;
  const zone = zoneFromOffsets(conference);
  warnings.push(
    `${CONFERENCE}.time_zone_name: ${zoneName ? `"${zoneName}" is not an IANA time zone` : 'is missing'}; using ${zone}`,
  );
  return zone;
}

/** The conference's start and end, when given: a date (the end date counts whole) or a date-time. */
export function conferenceBounds(conference: Json, zone: string): { start?: Date; end?: Date } {
  const bound = (member: 'start' | 'end'): Date | undefined => {
    const value = text(conference[member]);
    if (!value) return undefined;
    const date = readDate(value);
    if (date) return instantAt(member === 'end' ? date.add({ days: 1 }) : date, '00:00', zone);
    return (
      parseInstant(value, zone) ??
      refuse(`${CONFERENCE}.${member}`, `"${value}" is not a date (YYYY-MM-DD) or a date-time`)
    );
  };
  const start = bound('start');
  const end = bound('end');
  if (start && end && end.getTime() <= start.getTime()) refuse(`${CONFERENCE}.end`, 'is before the conference start');
  return { start, end };
}

/** A day of the schedule, as its entries' local start times need it. */
export interface DayClock {
  path: string;
  date: LocalDate | undefined;
  /** The clock of day_start: frab days may run past midnight, so an earlier start falls on the next date. */
  startClock: LocalTime | undefined;
  /** Midnight at the start and at the end of its date, when it has one. */
  span: Date[];
}

export function dayClock(day: Json, path: string, zone: string): DayClock {
  const dateText = text(day.date);
  const date = dateText ? readDate(dateText) : undefined;
  const startText = text(day.day_start);
  const start = startText ? parseInstant(startText, zone) : undefined;
  return {
    path,
    date,
    startClock: start ? zoned(start, zone).toPlainTime() : undefined,
    span: date ? [instantAt(date, '00:00', zone), instantAt(date.add({ days: 1 }), '00:00', zone)] : [],
  };
}

/** Where an entry's times are read: its path, its place in the day (for messages), the day and the zone. */
export interface EntryPlace {
  path: string;
  /** `entry 3 in "Saal 1"`. */
  name: string;
  day: DayClock;
  zone: string;
  warnings: string[];
}

/** The entry's own date-time, else the day's date and the entry's start in the conference zone. */
export function entryStart(raw: Json, at: EntryPlace): { startsAt: Date; member: string } {
  const dateText = text(raw.date);
  const own = dateText ? parseInstant(dateText, at.zone) : undefined;
  if (own) return { startsAt: own, member: 'date' };
  const startText = text(raw.start);
  if (!startText) {
    refuse(
      `${at.path}.${dateText ? 'date' : 'start'}`,
      dateText ? `"${dateText}" is not a date-time` : 'is missing: an entry needs a date or a start',
    );
  }
  const time = readTime(startText) ?? refuse(`${at.path}.start`, `"${startText}" is not a time (HH:MM)`);
  const { date, startClock } = at.day;
  if (!date) refuse(`${at.day.path}.date`, `is not a date (YYYY-MM-DD), and ${at.name} has none`);
  if (dateText) at.warnings.push(`${at.path}.date: "${dateText}" is not a date-time; using the day and start`);
  const nextDay = startClock !== undefined && isEarlierInDay(time, startClock);
  return { startsAt: instantAt(nextDay ? date.add({ days: 1 }) : date, time, at.zone), member: 'start' };
}

/** The entry's own end, else start + duration; none when neither is given or the duration is zero. */
export function entryEnd(raw: Json, startsAt: Date, at: EntryPlace): { endsAt: Date | null; member: string } {
  const endText = text(raw.end);
  const durationText = text(raw.duration);
  const end = endText ? parseInstant(endText, at.zone) : undefined;
  let endsAt: Date | null = null;
  let member = 'duration';
  if (end) {
    if (end.getTime() < startsAt.getTime()) refuse(`${at.path}.end`, 'is before the start');
    endsAt = end;
    member = 'end';
  } else if (durationText) {
    const ms =
      parseDuration(durationText) ?? refuse(`${at.path}.duration`, `"${durationText}" is not a duration (HH:MM)`);
    endsAt = new Date(startsAt.getTime() + ms);
  } else {
    at.warnings.push(`${at.path}.duration: is missing; the item has no end time`);
  }
  return { endsAt: endsAt && endsAt.getTime() === startsAt.getTime() ? null : endsAt, member };
}

/**
 * The event's span: from the conference start (else the first day, when there are no entries) or the first entry,
 * to the conference end (else the last day) or the last entry's end, and at least past the latest start.
 */
export function eventSpan(
  entries: { startsAt: Date; endsAt: Date | null }[],
  bounds: { start?: Date; end?: Date },
  dayDates: Date[],
  zone: string,
): { startsAt: Date; endsAt: Date } {
  const starts = entries.map((e) => e.startsAt.getTime());
  const ends = entries.map((e) => (e.endsAt ?? e.startsAt).getTime());
  const first = bounds.start ?? (starts.length ? undefined : dayDates[0]);
  const startsAt = Math.min(...starts, first?.getTime() ?? Infinity);
  if (!Number.isFinite(startsAt)) refuse(`${CONFERENCE}.start`, 'is required when the schedule has no entries');
  const last = bounds.end ?? (ends.length ? undefined : dayDates[dayDates.length - 1]);
  let endsAt = Math.max(...ends, last?.getTime() ?? -Infinity);
  const latestStart = Math.max(...starts, startsAt);
  if (!(endsAt > latestStart)) endsAt = startOfNextDay(latestStart, zone).getTime();
  return { startsAt: new Date(startsAt), endsAt: new Date(endsAt) };
}
