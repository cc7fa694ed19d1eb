import { offsetPeriods, zoneAbbreviation } from '../../common/clock.js';

/** An offset in minutes as iCalendar writes it, e.g. +0100. */
function icalOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hhmm = Math.floor(abs / 60) * 100 + (abs % 60);
  return `${minutes < 0 ? '-' : '+'}${String(hhmm).padStart(4, '0')}`;
}

/**
 * A VTIMEZONE for `zone` that is exact for every instant of the calendar years from `from` to `to`: the offset in
 * force when the window opens, then one observance per change of offset, each with its exact onset from the zone's
 * real transitions (common/clock.ts), and no recurrence rules to go stale.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const start = Date.UTC(from.getUTCFullYear(), 0, 1);
  const end = Date.UTC(to.getUTCFullYear() + 1, 0, 1);
  const periods = offsetPeriods(zone, start, end);
  const standard = Math.min(...periods.map((p) => p.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const p of periods) {
    const kind = p.to > standard ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      // The onset in local time at the offset before it, as a floating DATE-TIME: 20251026T020000.
      `DTSTART:${p.starts.toString({ smallestUnit: 'second' }).replace(/[-:]/g, '')}`,
      `TZOFFSETFROM:${icalOffset(p.from)}`,
      `TZOFFSETTO:${icalOffset(p.to)}`,
      `TZNAME:${zoneAbbreviation(p.at, zone)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
