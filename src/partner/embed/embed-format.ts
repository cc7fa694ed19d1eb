import { localDate, localTime, zoned, zonedIso } from '../../common/clock.js';
import type { AgendaClock } from './agenda-renderer.js';

/** Dates as the embed page prints them: British English, in the event's zone (common/clock.ts). */

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Tuesday 16 July 2019". */
export function longDate(instant: string, zone: string): string {
  const d = zoned(instant, zone);
  return `${WEEKDAYS[d.dayOfWeek - 1]} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** "Sat", to tell the days of a multi-day event apart. */
export const weekday = (instant: string, zone: string): string =>
  WEEKDAYS[zoned(instant, zone).dayOfWeek - 1].slice(0, 3);

/** The embed page's clock: common/clock.ts; <time datetime> with the zone's offset. */
export const PAGE_CLOCK: AgendaClock = {
  date: localDate,
  longDate,
  time: localTime,
  weekday,
  datetime: zonedIso,
};
