import type {
  ICalTemporalInstantStub,
  ICalTemporalPlainDateStub,
  ICalTemporalPlainDateTimeStub,
  ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import { toZonedIso, zonedParts } from '../common/time.js';
import { instantAt } from './zoned.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function instant(epochMilliseconds: number): ICalTemporalInstantStub {
  const iso = new Date(epochMilliseconds).toISOString();
  return {
    epochMilliseconds,
    toJSON: () => iso,
    toString: () => iso,
    toZonedDateTimeISO: (zone: string) => zonedDateTime(epochMilliseconds, zone),
  };
}

function plainDateTime(p: ReturnType<typeof zonedParts>): ICalTemporalPlainDateTimeStub {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
  const plainDate: ICalTemporalPlainDateStub = {
    year: p.year,
    month: p.month,
    day: p.day,
    toJSON: () => date,
    toString: () => date,
  };
  return {
    ...p,
    toJSON: () => `${date}T${time}`,
    toString: () => `${date}T${time}`,
    toPlainDate: () => plainDate,
    toZonedDateTime: (zone: string) => zonedDateTime(instantAt(date, time, zone).getTime(), zone),
  };
}

/**
 * An instant seen in an IANA zone, in the shape of a Temporal.ZonedDateTime, the one date type ical-generator
 * writes as correct wall-clock time with a TZID on any server (a native Date is read in the process's own zone).
 * Node 20 has no Temporal; the wall-clock parts come from Intl through common/time.ts.
 */
export function zonedDateTime(epochMilliseconds: number, zone: string): ICalTemporalZonedDateTimeStub {
  const parts = zonedParts(new Date(epochMilliseconds), zone);
  const text = `${toZonedIso(new Date(epochMilliseconds), zone)}[${zone}]`;
  return {
    ...parts,
    timeZoneId: zone,
    toInstant: () => instant(epochMilliseconds),
    toPlainDateTime: () => plainDateTime(parts),
    withTimeZone: (other: string) => zonedDateTime(epochMilliseconds, other),
    toJSON: () => text,
    toString: () => text,
  };
}
