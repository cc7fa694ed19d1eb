const hex = (uuid: string): string => uuid.replace(/-/g, '').toLowerCase();

/**
 * Positive integers for formats that still require one (frab's deprecated event `id`), derived from the UUIDs so
 * they stay stable; a clash within one document moves the later one on.
 */
export function numericIds(uuids: string[]): Map<string, number> {
  const taken = new Set<number>();
  const ids = new Map<string, number>();
  for (const uuid of uuids) {
    let n = parseInt(hex(uuid).slice(0, 7), 16) + 1;
    while (taken.has(n)) n += 1;
    taken.add(n);
    ids.set(uuid, n);
  }
  return ids;
}
