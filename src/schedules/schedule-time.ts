import { utcOffsetMinutes, zonedParts } from '../common/time.js';

/** Dates and times as schedule files write them, read into instants. Pure functions, no Nest. */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DURATION = /^(\d+):(\d{2})(?::(\d{2}))?$/;

function validDate(year: number, month: number, day: number): LocalDate | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? { year, month, day }
    : undefined;
}

/** `2020-12-14` → the calendar date; anything else → undefined. */
export function parseDate(value: string): LocalDate | undefined {
  const m = DATE.exec(value);
  return m ? validDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `09:00`, `9:00` or `09:00:30` → seconds since midnight; anything else → undefined. */
export function parseClock(value: string): number | undefined {
  const m = CLOCK.exec(value);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h < 24 && min < 60 && s < 60 ? h * 3600 + min * 60 + s : undefined;
}

/** `00:30`, `1:30` or `01:30:00` (hours may pass 24) → milliseconds; anything else → undefined. */
export function parseDuration(value: string): number | undefined {
  const m = DURATION.exec(value);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return min < 60 && s < 60 ? ((h * 60 + min) * 60 + s) * 1000 : undefined;
}

/** The instant a wall clock in `zone` shows `seconds` after the start of `date` (in a DST gap: just after it). */
export function wallClock(date: LocalDate, seconds: number, zone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day) + seconds * 1000;
  const first = guess - utcOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess - utcOffsetMinutes(new Date(first), zone) * 60_000);
}

/** The calendar date and seconds since midnight that `instant` shows in `zone`. */
export function localClock(instant: Date, zone: string): { date: LocalDate; seconds: number } {
  const p = zonedParts(instant, zone);
  return { date: { year: p.year, month: p.month, day: p.day }, seconds: p.hour * 3600 + p.minute * 60 + p.second };
}

/** Midnight in `zone` after `instant`. */
export function nextMidnight(instant: Date, zone: string): Date {
  return wallClock(addDays(localClock(instant, zone).date, 1), 0, zone);
}

/**
 * An ISO-8601 date-time: with an offset (`2020-12-14T09:00:00+01:00`, `...Z`, `+0100`) it is that instant;
 * without one (`2020-12-14T09:00`, `2020-12-14 09:00:00`) it is that wall-clock time in `zone`.
 */
export function parseDateTime(value: string, zone: string): Date | undefined {
  const m = DATE_TIME.exec(value);
  if (!m) return undefined;
  const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (!date || h > 23 || min > 59 || s > 59) return undefined;
  const seconds = h * 3600 + min * 60 + s;
  if (!m[7]) return wallClock(date, seconds, zone);
  const offset = offsetMinutes(value)!;
  return new Date(Date.UTC(date.year, date.month - 1, date.day) + seconds * 1000 - offset * 60_000);
}

/** Minutes east of UTC that a date-time's own offset says (`Z` → 0); undefined without one. */
export function offsetMinutes(value: string): number | undefined {
  const designator = DATE_TIME.exec(value.trim())?.[7];
  if (!designator) return undefined;
  if (designator.toUpperCase() === 'Z') return 0;
  const digits = designator.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
}

/** An IANA zone with a fixed offset (`Etc/GMT-1` is UTC+1), for schedules that name no zone; whole hours only. */
export function fixedOffsetZone(minutes: number): string | undefined {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return undefined;
  return `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}`;
}
