import type { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';

/**
 * The speaker the search scenarios look for: on the programme of every 5th of the first 100 events and every 50th
 * after, so that a search fills its page of 20 in both databases (20 matches of 100, 218 of 10,000).
 */
export const SEARCHED_NAME = 'Lovelace';
const searchedIn = (i: number) => (i < 100 ? i % 5 === 0 : i % 50 === 0);

/**
 * Event `i` of a benchmark database, shaped like the measurement: 15 agenda items with two appearances each
 * (30, one INVITED), six speakers of its own with their organisations, a sector; some also have Ada Lovelace on them
 * (`searchedIn`).
 */
export function benchEvent(i: number) {
  const searched = searchedIn(i);
  const speakers = Array.from({ length: 6 }, (_, k) => ({
    slug: `bench-${i}-speaker-${k}`,
    name: `Speaker ${k} of event ${i}`,
    jobTitle: 'Programme lead',
    organisation: `Organisation ${i}-${k % 3}`,
    featured: k < 2,
  }));
  if (searched)
    speakers[5] = {
      slug: 'ada-lovelace',
      name: 'Ada Lovelace',
      jobTitle: 'Analyst',
      organisation: 'Analytical Engines',
      featured: true,
    };
  const start = Date.UTC(2030, 0, 1) + i * 6 * 3600_000;
  return {
    slug: `bench-${i}`,
    title: `Benchmark Conference ${i}`,
    summary: 'A day of talks about programmes, agendas and the people who speak at them.',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 10 * 3600_000).toISOString(),
    timeZone: 'Europe/London',
    // A sector of its own: imports update their sectors, and one row every import updates would serialise them.
    sectors: [{ slug: `bench-sector-${i}`, name: `Sector ${i}` }],
    speakers,
    agenda: Array.from({ length: 15 }, (_, n) => ({
      type: 'TALK',
      title: `Session ${n}: on schedules and what they hold`,
      keyPoints: ['First point', 'Second point', 'Third point'],
      speakers: [0, 1].map((k) => ({ speaker: speakers[(n * 2 + k) % 6].slug, status: k ? 'INVITED' : 'CONFIRMED' })),
    })),
  };
}

/**
 * Imports and publishes events 0..count-1, a few at a time (writes are bounded by DATABASE_WRITE_CONNECTIONS).
 * `analyze` runs after every 1000: without fresh statistics the planner takes the tables for far larger than they
 * are and PostgreSQL's JIT compiles each import's reads (some 300 ms a statement).
 */
export async function seed(
  documents: EventDocumentImportService,
  count: number,
  log: (line: string) => void,
  analyze: () => Promise<unknown>,
) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      for (let attempt = 1; ; attempt++) {
        try {
          await documents.importDocument(benchEvent(i), { publish: true, authorId: null });
          break;
        } catch (error) {
          // Two imports meeting on the shared speaker may conflict; the import is whole or nothing, so try again.
          if (attempt === 5) throw error;
        }
      }
      if (++done % 1000 === 0) {
        log(`  ${done} of ${count} events`);
        await analyze();
      }
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
}
