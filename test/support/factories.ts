import { randomBytes } from 'node:crypto';
import type { DocumentAgendaItem, DocumentSpeaker, EventDocument } from '../../src/events/domain/event-document.js';
import { EventDocumentImportService } from '../../src/imports/documents/event-document-import.service.js';
import type { EventView } from '../../src/events/domain/event-view.js';
import type { TestApp } from './test-app.js';

/** A short unique suffix, so factories can be called again without clashing slugs. */
export const uniq = (): string => randomBytes(3).toString('hex');

/** One speaker of an event document. */
export function buildSpeaker(overrides: Partial<DocumentSpeaker> = {}): DocumentSpeaker {
  const slug = overrides.slug ?? `speaker-${uniq()}`;
  return { slug, name: `Speaker ${slug}`, ...overrides };
}

/** One agenda item; `speakers` name speakers by slug. */
export function buildItem(overrides: Partial<DocumentAgendaItem> = {}): DocumentAgendaItem {
  return { type: 'TALK', title: `Session ${uniq()}`, ...overrides };
}

/** A whole event document: one day in London, no sectors, speakers or agenda unless given. */
export function buildEvent(overrides: Partial<EventDocument> = {}): EventDocument {
  const slug = overrides.slug ?? `event-${uniq()}`;
  return {
    slug,
    title: `Event ${slug}`,
    startsAt: '2030-07-16T07:45:00.000Z',
    endsAt: '2030-07-16T16:00:00.000Z',
    timeZone: 'Europe/London',
    agenda: [],
    ...overrides,
  };
}

/** An agenda of `n` items; every item gets one of `speakers` (round robin) with `status`. */
export function buildAgenda(
  n: number,
  speakers: readonly DocumentSpeaker[],
  status: 'CONFIRMED' | 'INVITED' = 'CONFIRMED',
): DocumentAgendaItem[] {
  return Array.from({ length: n }, (_, i) =>
    buildItem({
      title: `Session ${i + 1}`,
      keyPoints: [`Point ${i + 1}a`, `Point ${i + 1}b`],
      speakers: speakers.length ? [{ speaker: speakers[i % speakers.length].slug, status }] : [],
    }),
  );
}

/** Imports a document through the same service importEvent uses. */
export function importEvent(t: TestApp, doc: EventDocument, publish = true): Promise<EventView> {
  return t.app.get(EventDocumentImportService).importDocument(doc, { publish, authorId: null });
}
