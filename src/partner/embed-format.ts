/** Dates and times as the embed page prints them: British English, in the event's zone. */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, zone: string, options: Intl.DateTimeFormatOptions) {
  let f = map.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options });
    map.set(zone, f);
  }
  return f;
}

/** "Tuesday 16 July 2019". */
export const longDate = (instant: string, zone: string): string =>
  cached(dateFormats, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(instant))
    .replace(',', '');

/** "08:45". */
export const clock = (instant: string, zone: string): string =>
  cached(timeFormats, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Sat", to tell the days of a multi-day event apart. */
export const weekday = (instant: string, zone: string): string =>
  cached(weekdayFormats, zone, { weekday: 'short' }).format(new Date(instant));
