import { describe, expect, it } from '@jest/globals';
import {
  instantAt,
  isRepeated,
  isTimeZone,
  localDate,
  localTime,
  offsetMinutes,
  offsetPeriods,
  parseInstant,
  readDate,
  readTime,
  startOfNextDay,
  writtenOffsetMinutes,
  zonedIso,
} from '../src/common/clock.js';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const MINUTE = 60_000;

/** The clock changes of 2025 in both zones: local times in the gap or the overlap and what the rule makes of them. */
const CHANGES = [
  {
    zone: LONDON,
    kind: 'gap',
    date: '2025-03-30',
    time: '01:30',
    instant: '2025-03-30T01:30:00.000Z',
    shown: '2025-03-30T02:30:00+01:00',
    change: '2025-03-30T01:00:00.000Z',
  },
  {
    zone: LONDON,
    kind: 'overlap',
    date: '2025-10-26',
    time: '01:30',
    instant: '2025-10-26T00:30:00.000Z',
    shown: '2025-10-26T01:30:00+01:00',
    change: '2025-10-26T01:00:00.000Z',
  },
  {
    zone: NEW_YORK,
    kind: 'gap',
    date: '2025-03-09',
    time: '02:30',
    instant: '2025-03-09T07:30:00.000Z',
    shown: '2025-03-09T03:30:00-04:00',
    change: '2025-03-09T07:00:00.000Z',
  },
  {
    zone: NEW_YORK,
    kind: 'overlap',
    date: '2025-11-02',
    time: '01:30',
    instant: '2025-11-02T05:30:00.000Z',
    shown: '2025-11-02T01:30:00-04:00',
    change: '2025-11-02T06:00:00.000Z',
  },
] as const;

/** Every `step` minutes from `hours` before to `hours` after an instant. */
function around(iso: string, hours: number, step = 10): Date[] {
  const at = Date.parse(iso);
  const out: Date[] = [];
  for (let t = at - hours * 3_600_000; t <= at + hours * 3_600_000; t += step * MINUTE) out.push(new Date(t));
  return out;
}

describe('clock: local times at the clock changes', () => {
  it.each(CHANGES)('reads $time on $date in $zone ($kind) by the compatible rule', (c) => {
    expect(instantAt(c.date, c.time, c.zone).toISOString()).toBe(c.instant);
    expect(instantAt(readDate(c.date)!, readTime(c.time)!, c.zone).toISOString()).toBe(c.instant);
    expect(parseInstant(`${c.date}T${c.time}`, c.zone)?.toISOString()).toBe(c.instant);
    expect(parseInstant(`${c.date} ${c.time}:00`, c.zone)?.toISOString()).toBe(c.instant);
    expect(zonedIso(c.instant, c.zone)).toBe(c.shown);
  });

  it('moves a time in a gap forward by the gap, whichever side of UTC the zone is', () => {
    expect(zonedIso(instantAt('2025-03-30', '01:00', LONDON), LONDON)).toBe('2025-03-30T02:00:00+01:00');
    expect(zonedIso(instantAt('2025-03-30', '01:59', LONDON), LONDON)).toBe('2025-03-30T02:59:00+01:00');
    expect(zonedIso(instantAt('2025-03-09', '02:00', NEW_YORK), NEW_YORK)).toBe('2025-03-09T03:00:00-04:00');
    // Santiago's clocks go forward at midnight: the day starts at 01:00.
    expect(zonedIso(instantAt('2025-09-07', '00:00', 'America/Santiago'), 'America/Santiago')).toBe(
      '2025-09-07T01:00:00-03:00',
    );
  });

  it('takes the earlier of a repeated time; an offset picks either', () => {
    expect(parseInstant('2025-10-26T01:10', LONDON)?.toISOString()).toBe('2025-10-26T00:10:00.000Z');
    expect(parseInstant('2025-10-26T01:10:00+01:00', LONDON)?.toISOString()).toBe('2025-10-26T00:10:00.000Z');
    expect(parseInstant('2025-10-26T01:10:00+00:00', LONDON)?.toISOString()).toBe('2025-10-26T01:10:00.000Z');
    expect(parseInstant('2025-10-26T01:10:00Z', NEW_YORK)?.toISOString()).toBe('2025-10-26T01:10:00.000Z');
    expect(parseInstant('2025-11-02T01:10', NEW_YORK)?.toISOString()).toBe('2025-11-02T05:10:00.000Z');
    expect(parseInstant('2025-11-02T01:10:00-04:00', NEW_YORK)?.toISOString()).toBe('2025-11-02T05:10:00.000Z');
    expect(parseInstant('2025-11-02T01:10:00-0500', NEW_YORK)?.toISOString()).toBe('2025-11-02T06:10:00.000Z');
    expect(parseInstant('2025-11-02T01:10-05', LONDON)?.toISOString()).toBe('2025-11-02T06:10:00.000Z');
  });

  it.each(CHANGES)('writes every instant around $date in $zone so that it reads back exactly', (c) => {
    for (const instant of around(c.change, 26)) {
      expect(parseInstant(zonedIso(instant, c.zone), c.zone)?.toISOString()).toBe(instant.toISOString());
    }
  });

  it.each(CHANGES)('tells which instants around $date in $zone have a local time that shows twice', (c) => {
    const change = Date.parse(c.change);
    const HOUR = 3_600_000;
    const within = (t: number, from: number, to: number) => c.kind === 'overlap' && t >= from && t < to;
    for (const instant of around(c.change, 3, 5)) {
      const t = instant.getTime();
      // The hour before the change shows the local times of the hour after it: both are repeated, the second later.
      const [repeated, later] = [within(t, change - HOUR, change + HOUR), within(t, change, change + HOUR)];
      expect([instant.toISOString(), isRepeated(instant, c.zone)]).toEqual([instant.toISOString(), repeated]);
      // Its local time alone reads back as the instant, except for the later occurrence of a repeated one.
      const local = instantAt(localDate(instant, c.zone), localTime(instant, c.zone), c.zone);
      expect([instant.toISOString(), local.getTime() === t]).toEqual([instant.toISOString(), !later]);
    }
  });

  it('gives local dates, times and offsets on both sides of each change', () => {
    expect([localDate('2025-10-26T00:10:00Z', LONDON), localTime('2025-10-26T00:10:00Z', LONDON)]).toEqual([
      '2025-10-26',
      '01:10',
    ]);
    expect(localTime('2025-10-26T01:10:00Z', LONDON)).toBe('01:10');
    expect([offsetMinutes('2025-10-26T00:59:00Z', LONDON), offsetMinutes('2025-10-26T01:00:00Z', LONDON)]).toEqual([
      60, 0,
    ]);
    expect([offsetMinutes('2025-03-09T06:59:00Z', NEW_YORK), offsetMinutes('2025-03-09T07:00:00Z', NEW_YORK)]).toEqual([
      -300, -240,
    ]);
    expect(localDate('2025-11-02T03:59:00Z', NEW_YORK)).toBe('2025-11-01');
    expect(localDate('2025-11-02T04:00:00Z', NEW_YORK)).toBe('2025-11-02');
  });

  it('starts the next local day at its first instant, also on the days the clocks change', () => {
    const next = (iso: string, zone: string) => startOfNextDay(iso, zone).toISOString();
    expect(next('2025-03-29T12:00:00Z', LONDON)).toBe('2025-03-30T00:00:00.000Z');
    expect(next('2025-03-30T12:00:00Z', LONDON)).toBe('2025-03-30T23:00:00.000Z');
    expect(next('2025-10-26T12:00:00Z', LONDON)).toBe('2025-10-27T00:00:00.000Z');
    expect(next('2025-11-01T12:00:00Z', NEW_YORK)).toBe('2025-11-02T04:00:00.000Z');
    expect(next('2025-11-02T12:00:00Z', NEW_YORK)).toBe('2025-11-03T05:00:00.000Z');
    expect(next('2025-09-06T12:00:00Z', 'America/Santiago')).toBe('2025-09-07T04:00:00.000Z');
  });
});

describe('clock: the zone data', () => {
  it('lists the offset in force, then each change with its onset in the local time before it', () => {
    const periods = (zone: string) =>
      offsetPeriods(zone, Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)).map((p) => ({
        at: new Date(p.at).toISOString(),
        starts: p.starts.toString(),
        from: p.from,
        to: p.to,
      }));
    expect(periods(LONDON)).toEqual([
      { at: '2025-01-01T00:00:00.000Z', starts: '2025-01-01T00:00:00', from: 0, to: 0 },
      { at: '2025-03-30T01:00:00.000Z', starts: '2025-03-30T01:00:00', from: 0, to: 60 },
      { at: '2025-10-26T01:00:00.000Z', starts: '2025-10-26T02:00:00', from: 60, to: 0 },
    ]);
    expect(periods(NEW_YORK)).toEqual([
      { at: '2025-01-01T00:00:00.000Z', starts: '2024-12-31T19:00:00', from: -300, to: -300 },
      { at: '2025-03-09T07:00:00.000Z', starts: '2025-03-09T02:00:00', from: -300, to: -240 },
      { at: '2025-11-02T06:00:00.000Z', starts: '2025-11-02T02:00:00', from: -240, to: -300 },
    ]);
    expect(periods('UTC')).toEqual([{ at: '2025-01-01T00:00:00.000Z', starts: '2025-01-01T00:00:00', from: 0, to: 0 }]);
  });

  it('knows IANA zone names and nothing else', () => {
    for (const zone of [LONDON, NEW_YORK, 'UTC', 'Etc/GMT-1', 'America/Argentina/Buenos_Aires']) {
      expect([zone, isTimeZone(zone)]).toEqual([zone, true]);
    }
    for (const zone of ['Europe/Nowhere', '+01:00', 'Europe/London[u-ca=iso8601]', '', 'London']) {
      expect([zone, isTimeZone(zone)]).toEqual([zone, false]);
    }
  });
});

describe('clock: dates and times as written', () => {
  it('reads dates and clock times strictly', () => {
    expect(readDate('2024-02-29')?.toString()).toBe('2024-02-29');
    for (const text of ['2025-02-29', '2025-2-28', '20250228', '2025-02-28T00:00'])
      expect(readDate(text)).toBeUndefined();
    expect(readTime('9:05')?.toString()).toBe('09:05:00');
    expect(readTime('23:59:30')?.toString()).toBe('23:59:30');
    for (const text of ['24:00', '09:60', '9', '09:00:60', '9.30']) expect(readTime(text)).toBeUndefined();
  });

  it("reads a date-time's own offset, if it has one", () => {
    expect(writtenOffsetMinutes('2025-10-26T01:10:00Z')).toBe(0);
    expect(writtenOffsetMinutes(' 2025-10-26T01:10:00+01:00 ')).toBe(60);
    expect(writtenOffsetMinutes('2025-11-02T01:10:00-0500')).toBe(-300);
    expect(writtenOffsetMinutes('2025-11-02T01:10:00-04')).toBe(-240);
    expect(writtenOffsetMinutes('2025-11-02T01:10:00')).toBeUndefined();
    expect(parseInstant('2025-11-02T01:10:00+25:00', NEW_YORK)).toBeUndefined();
    expect(parseInstant('2025-02-30T01:10:00Z', NEW_YORK)).toBeUndefined();
  });
});
