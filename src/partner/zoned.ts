import { utcOffsetMinutes, zonedParts } from '../common/time.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The calendar date of an instant in an IANA zone, as YYYY-MM-DD. */
export function localDate(instant: string | Date, zone: string): string {
  const p = zonedParts(new Date(instant), zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The wall-clock time of an instant in an IANA zone, as HH:MM. */
export function localTime(instant: string | Date, zone: string): string {
  const p = zonedParts(new Date(instant), zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The day after a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time on a date has in an IANA zone. A time skipped by a clock change resolves with the
 * offset before the change, as a clock that was not put forward would read it.
 */
export function instantAt(date: string, time: string, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - utcOffsetMinutes(new Date(wall), zone) * 60_000;
  for (let i = 0; i < 2; i++) guess = wall - utcOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** Whole minutes between two instants, as H:MM hours and minutes (frab's duration). */
export function hoursAndMinutes(from: string, to: string | null): string {
  const minutes = to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : 0;
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
