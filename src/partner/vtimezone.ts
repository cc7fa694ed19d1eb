import { utcOffsetMinutes } from '../common/time.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** An offset in minutes as iCalendar writes it, e.g. +0100. */
function icalOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** An instant shown at a fixed offset, as a floating iCalendar DATE-TIME (19700101T000000). */
function wallClock(instant: number, offset: number): string {
  const d = new Date(instant + offset * MINUTE);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

function abbreviation(instant: number, zone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

interface Observance {
  at: number;
  from: number;
  to: number;
}

/** The offset changes of `zone` from `start` to `end`, found to the minute from the platform's zone data. */
export function offsetChanges(zone: string, start: number, end: number): Observance[] {
  const offset = (t: number) => utcOffsetMinutes(new Date(t), zone);
  const changes: Observance[] = [];
  for (let lo = start; lo < end; lo += DAY) {
    let hi = Math.min(lo + DAY, end);
    const before = offset(lo);
    const after = offset(hi);
    if (before === after) continue;
    let low = lo;
    while (hi - low > MINUTE) {
      const mid = low + Math.floor((hi - low) / 2 / MINUTE) * MINUTE;
      if (offset(mid) === before) low = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: before, to: offset(hi) });
  }
  return changes;
}

/**
 * A VTIMEZONE for `zone` that is exact for every instant of the calendar years from `from` to `to`: the offset in
 * force when the window opens, then one observance per change, each with its exact onset (no recurrence rules to
 * go stale). Built from the zone data of the running platform (Intl), so it needs no zone database of its own.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const start = Date.UTC(from.getUTCFullYear(), 0, 1);
  const end = Date.UTC(to.getUTCFullYear() + 1, 0, 1);
  const initial = utcOffsetMinutes(new Date(start), zone);
  const observances: Observance[] = [{ at: start, from: initial, to: initial }, ...offsetChanges(zone, start, end)];
  const standard = Math.min(...observances.map((o) => o.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const o of observances) {
    const kind = o.to > standard ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallClock(o.at, o.from)}`,
      `TZOFFSETFROM:${icalOffset(o.from)}`,
      `TZOFFSETTO:${icalOffset(o.to)}`,
      `TZNAME:${abbreviation(o.at, zone)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
