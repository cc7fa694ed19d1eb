const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock parts of an instant in an IANA zone. */
export function zonedParts(instant: Date, zone: string) {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes east of UTC that `zone` is at `instant`. */
export function utcOffsetMinutes(instant: Date, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO-8601 local time with the zone's offset at that instant, e.g. 2019-07-16T08:45:00+01:00. */
export function toZonedIso(value: string | Date, zone: string): string {
  const instant = new Date(value);
  const p = zonedParts(instant, zone);
  const offset = utcOffsetMinutes(instant, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** An instant as ISO-8601 in UTC (2019-07-16T07:45:00.000Z); null and undefined stay as they are. */
export function isoInstant(value: Date | string): string;
export function isoInstant<T extends null | undefined>(value: Date | string | T): string | T;
export function isoInstant(value: Date | string | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : new Date(value).toISOString();
}
