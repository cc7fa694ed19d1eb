import { Temporal } from 'temporal-polyfill';

/**
 * The one clock: every reading of an instant as a local time in an IANA zone, and of a local time as an instant,
 * goes through this module, on Temporal (temporal-polyfill, which uses the platform's own Temporal where there is
 * one). No other server module does time-zone arithmetic (the embed's browser script only formats with Intl).
 *
 * The rule for a local time that is not exactly one instant is Temporal's 'compatible' disambiguation:
 * - in a gap (the clocks go forward, so the time never shows) it moves forward by the gap's length: 01:30 on
 *   30 March 2025 in Europe/London is 02:30 BST (01:30Z), 02:30 on 9 March 2025 in America/New_York is 03:30 EDT
 *   (07:30Z);
 * - in an overlap (the clocks go back, so the time shows twice) it is the earlier occurrence: 01:30 on 26 October
 *   2025 in Europe/London is 01:30 BST (00:30Z), 01:30 on 2 November 2025 in America/New_York is 01:30 EDT (05:30Z).
 *
 * A local time written with its offset (2025-10-26T01:30:00+00:00) is that instant, whatever the zone. So every
 * format that can carry an offset is written with one, and one that cannot (iCalendar's TZID times) is written in
 * UTC where the local time shows twice (`isRepeated`).
 */

/** An instant: a Date, epoch milliseconds, or ISO-8601 with an offset (2025-10-26T01:10:00.000Z). */
export type InstantLike = Date | number | string;
export type LocalDate = Temporal.PlainDate;
export type LocalTime = Temporal.PlainTime;

const RULE = { disambiguation: 'compatible' } as const;

function instantOf(value: InstantLike): Temporal.Instant {
  if (typeof value === 'string') return Temporal.Instant.from(value);
  return Temporal.Instant.fromEpochMilliseconds(typeof value === 'number' ? value : value.getTime());
}

const toDate = (value: { epochMilliseconds: number }): Date => new Date(value.epochMilliseconds);

/** An instant seen in `zone` (ical-generator writes a ZonedDateTime as a TZID local time). */
export function zoned(instant: InstantLike, zone: string): Temporal.ZonedDateTime {
  return instantOf(instant).toZonedDateTimeISO(zone);
}

/** The instant a local date and time (`2025-10-26`, `01:10`) have in `zone`, by the rule above. */
export function instantAt(date: LocalDate | string, time: LocalTime | string, zone: string): Date {
  return toDate(Temporal.PlainDate.from(date).toPlainDateTime(time).toZonedDateTime(zone, RULE));
}

/** Whether the local time of `instant` in `zone` shows twice (it is in an overlap), so that it alone is ambiguous. */
export function isRepeated(instant: InstantLike, zone: string): boolean {
  const local = zoned(instant, zone).toPlainDateTime();
  const [earlier, later] = (['earlier', 'later'] as const).map((d) =>
    local.toZonedDateTime(zone, { disambiguation: d }),
  );
  return !earlier.equals(later);
}

/** The local date of `instant` in `zone`, as YYYY-MM-DD. */
export const localDate = (instant: InstantLike, zone: string): string => zoned(instant, zone).toPlainDate().toString();

/** The local time of `instant` in `zone`, as HH:MM. */
export const localTime = (instant: InstantLike, zone: string): string =>
  zoned(instant, zone).toPlainTime().toString({ smallestUnit: 'minute' });

/** `instant` as ISO-8601 local time in `zone` with the offset in force then, e.g. 2025-10-26T01:10:00+00:00. */
export const zonedIso = (instant: InstantLike, zone: string): string =>
  zoned(instant, zone).toString({ smallestUnit: 'second', timeZoneName: 'never' });

/** The start of the local day after that of `instant` in `zone`. */
export const startOfNextDay = (instant: InstantLike, zone: string): Date =>
  instantAt(zoned(instant, zone).toPlainDate().add({ days: 1 }), '00:00', zone);

/** The day after a YYYY-MM-DD date. */
export const nextDate = (date: string): string => Temporal.PlainDate.from(date).add({ days: 1 }).toString();

/** Whether local time `a` comes before `b` in a day. */
export const isEarlierInDay = (a: LocalTime, b: LocalTime): boolean => Temporal.PlainTime.compare(a, b) < 0;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** `2025-03-30` → that date; another shape or a date that does not exist (2025-02-30) → undefined. */
export function readDate(text: string): LocalDate | undefined {
  if (!DATE.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text);
  } catch {
    return undefined;
  }
}

function timeOf(hour: string, minute: string, second = '0'): LocalTime | undefined {
  try {
    return Temporal.PlainTime.from({ hour: +hour, minute: +minute, second: +second }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

/** `09:00`, `9:00` or `09:00:30` → that time of day; anything else (24:00, 09:60) → undefined. */
export function readTime(text: string): LocalTime | undefined {
  const m = CLOCK.exec(text);
  return m ? timeOf(m[1], m[2], m[3]) : undefined;
}

/** A date-time as written: its local date and time, and the instant its offset (Z, +01:00, +0100, +01) makes it. */
function readDateTime(text: string): { local: Temporal.PlainDateTime; instant?: Temporal.Instant } | undefined {
  const m = DATE_TIME.exec(text);
  const date = m && readDate(m[1]);
  const time = m && timeOf(m[2], m[3], m[4]);
  if (!m || !date || !time) return undefined;
  const local = date.toPlainDateTime(time);
  if (m[5] === undefined) return { local };
  try {
    return { local, instant: Temporal.Instant.from(`${local.toString()}${m[5]}`) };
  } catch {
    return undefined; // an offset of a day or more (+25:00) or with 60 minutes
  }
}

/**
 * An ISO-8601 date-time as schedule files write it (`2025-10-26T01:10:00+00:00`, `...Z`, `+0000`,
 * `2025-10-26 01:10`): with an offset it is that instant; without one it is that local time in `zone`, by the rule.
 */
export function parseInstant(text: string, zone: string): Date | undefined {
  const written = readDateTime(text);
  if (!written) return undefined;
  return toDate(written.instant ?? written.local.toZonedDateTime(zone, RULE));
}

/** Minutes east of UTC that a written date-time's own offset says (`Z` → 0); undefined without one. */
export function writtenOffsetMinutes(text: string): number | undefined {
  const written = readDateTime(text.trim());
  if (!written?.instant) return undefined;
  return (written.local.toZonedDateTime('UTC').epochMilliseconds - written.instant.epochMilliseconds) / 60_000;
}

const minutesEast = (seen: Temporal.ZonedDateTime): number => seen.offsetNanoseconds / 60e9;

/** Minutes east of UTC that `zone` is at `instant`. */
export const offsetMinutes = (instant: InstantLike, zone: string): number => minutesEast(zoned(instant, zone));

/** A stretch of one UTC offset, `to` minutes east, from `at` (epoch ms): `starts` in local time at `from`, before it. */
export interface OffsetPeriod {
  at: number;
  starts: Temporal.PlainDateTime;
  from: number;
  to: number;
}

/**
 * The offsets of `zone` from `start` to `end`: the one in force at `start` (from = to), then one per change of
 * offset before `end`, from the zone's real transitions (Temporal's getTimeZoneTransition).
 */
export function offsetPeriods(zone: string, start: InstantLike, end: InstantLike): OffsetPeriod[] {
  const until = instantOf(end);
  let at = zoned(start, zone);
  const periods: OffsetPeriod[] = [
    { at: at.epochMilliseconds, starts: at.toPlainDateTime(), from: minutesEast(at), to: minutesEast(at) },
  ];
  for (let next = at.getTimeZoneTransition('next'); next; next = next.getTimeZoneTransition('next')) {
    if (Temporal.Instant.compare(next.toInstant(), until) >= 0) break;
    const [from, to] = [minutesEast(at), minutesEast(next)];
    periods.push({ at: next.epochMilliseconds, starts: next.toPlainDateTime().add({ minutes: from - to }), from, to });
    at = next;
  }
  return periods;
}

/** The zone's short name at `instant` in British English (GMT, BST; GMT-5 where English has none). */
export function zoneAbbreviation(instant: InstantLike, zone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instantOf(instant).epochMilliseconds)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA zone name the zone data knows (Europe/London, UTC, Etc/GMT-1), not an offset such as +01:00. */
export function isTimeZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    zoned(0, zone);
    return true;
  } catch {
    return false;
  }
}

/** An instant as ISO-8601 in UTC (2019-07-16T07:45:00.000Z); null and undefined stay as they are. */
export function isoInstant(value: Date | string): string;
export function isoInstant<T extends null | undefined>(value: Date | string | T): string | T;
export function isoInstant(value: Date | string | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : new Date(value).toISOString();
}
