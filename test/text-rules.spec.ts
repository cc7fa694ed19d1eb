import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { BadInputError } from '../src/common/errors/domain-error.js';
import {
  characterProblem,
  characters,
  LIST,
  nulPath,
  TEXT,
  textProblem,
  urlProblem,
} from '../src/common/validation/text-rules.js';
import { DOCUMENT_LISTS, DOCUMENT_TEXT, validateEventDocument } from '../src/events/domain/event-document.validator.js';
import { convertSchedule } from '../src/imports/frab/frab-conversion.js';
import { buildSchedule } from './fixtures/frab-schedules.js';

const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const schema = readJson('../src/events/domain/event-document.schema.json');
const DEMO = '../src/demo/tackling-serious-and-organised-crime-2019.json';

describe('text rules', () => {
  it('count characters as code points, as JSON Schema does', () => {
    expect(characters('abc')).toBe(3);
    expect(characters('😀😀')).toBe(2);
    expect(characters('\uD800x')).toBe(2);
    expect(textProblem('😀'.repeat(200), TEXT.speakerName)).toBeNull();
    expect(textProblem('😀'.repeat(201), TEXT.speakerName)).toBe('must be at most 200 characters (not 201)');
    expect(textProblem('', TEXT.speakerName)).toBe('must not be empty');
    expect(textProblem('', TEXT.honorific)).toBeNull();
  });

  it('refuse NUL, unpaired surrogates and control characters everywhere; long text may hold newlines and tabs', () => {
    for (const kind of ['line', 'text', 'url'] as const) {
      expect(characterProblem('a\u0000b', kind)).toBe('must not contain a NUL character (U+0000 at offset 1)');
      expect(characterProblem('a\uD800', kind)).toMatch(/unpaired surrogate \(U\+D800 at offset 1\)/);
      expect(characterProblem('\uDC00a', kind)).toMatch(/unpaired surrogate \(U\+DC00/);
      for (const control of ['\u0001', '\u001B', '\r', '\u007F', '\u0085', '\u009F']) {
        expect(characterProblem(`a${control}`, kind)).toMatch(/control character/);
      }
    }
    expect(characterProblem('Ærøskøbing 😀 李明 مرحبا', 'line')).toBeNull();
    expect(characterProblem('a\nb', 'line')).toMatch(/control character \(U\+000A/);
    expect(characterProblem('a\tb', 'line')).toMatch(/control character \(U\+0009/);
    expect(characterProblem('para one\n\n\tpara two', 'text')).toBeNull();
  });

  it('refuse bidirectional overrides and isolates in names and short text, not in long text', () => {
    for (const bidi of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(characterProblem(`Ada ${bidi}ecalevol`, 'line')).toMatch(/bidirectional control character/);
      expect(characterProblem(`Ada ${bidi}ecalevol`, 'text')).toBeNull();
    }
    // Right-to-left text itself and the marks are fine.
    expect(characterProblem('שלום \u200F', 'line')).toBeNull();
  });

  it('take only absolute http and https URLs', () => {
    for (const good of ['https://example.org/a.jpg', 'http://localhost:8080/p', 'HTTPS://EXAMPLE.ORG/?q=1#x']) {
      expect(urlProblem(good)).toBeNull();
    }
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript://%0aalert(1)',
      'data:image/png;base64,AAAA',
      'ftp://example.org/a.jpg',
      '//example.org/a.jpg',
      '/a.jpg',
      'https://',
      'https://exa mple.org/',
      ' https://example.org/',
    ]) {
      expect(urlProblem(bad)).toBe('must be an http(s) URL');
    }
    expect(textProblem('https://example.org/\u202E', TEXT.photoUrl)).toMatch(/bidirectional/);
    expect(textProblem(`https://example.org/${'a'.repeat(2000)}`, TEXT.photoUrl)).toMatch(/at most 2000/);
  });

  it('find a NUL anywhere in an argument, member names included', () => {
    expect(nulPath('plain')).toBeNull();
    expect(nulPath('a\u0000')).toBe('');
    expect(nulPath({ agenda: [{ title: 'ok' }, { keyPoints: ['ok', 'x\u0000'] }] })).toBe('agenda.1.keyPoints.1');
    expect(nulPath({ rooms: { 'Saal\u00001': [] } })).toBe('rooms');
    expect(nulPath({ when: new Date(0), n: 1, b: true, none: null })).toBeNull();
  });
});

/** The schema node at a DOCUMENT_TEXT pointer pattern. */
function schemaAt(pattern: string): any {
  let node = schema;
  for (const segment of pattern.split('/').slice(1)) {
    node = segment === '*' ? node.items : node.properties[segment];
    if (!node) throw new Error(`${pattern}: not in the schema`);
  }
  return node;
}

/** Every string member of the schema that holds free text (not an enum, date, uuid or slug), as a pattern. */
function freeTextIn(node: any, pattern = ''): string[] {
  const types = [node.type].flat();
  const own = types.includes('string') && !node.format?.match(/date-time|uuid/) && !node.enum ? [pattern] : [];
  const props = Object.entries(node.properties ?? {}).flatMap(([k, v]: [string, any]) =>
    v.$ref ? [] : freeTextIn(v, `${pattern}/${k}`),
  );
  const items = node.items && !node.items.$ref ? freeTextIn(node.items, `${pattern}/*`) : [];
  return [...own, ...props, ...items];
}

describe('the event document schema and the rules', () => {
  it('states the lengths of the rules for every text member, and no text member goes unchecked', () => {
    for (const [pattern, rule] of DOCUMENT_TEXT) {
      const node = schemaAt(pattern);
      expect({ pattern, maxLength: node.maxLength, minLength: node.minLength ?? 0 }).toEqual({
        pattern,
        maxLength: rule.max,
        minLength: rule.min,
      });
    }
    expect(freeTextIn(schema).sort()).toEqual(DOCUMENT_TEXT.map(([pattern]) => pattern).sort());
    expect(schema.$defs.slug.maxLength).toBe(TEXT.slug.max);
  });

  it('states the sizes of the rules for every list', () => {
    for (const [pattern, max] of DOCUMENT_LISTS)
      expect({ pattern, max: schemaAt(pattern).maxItems }).toEqual({ pattern, max });
    expect(DOCUMENT_LISTS.map(([, max]) => max).sort()).toEqual(Object.values(LIST).sort());
  });
});

describe('event documents under the rules', () => {
  const demo = () => readJson(DEMO);
  const refusal = (doc: unknown) => {
    try {
      validateEventDocument(doc);
      return null;
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      return { field: error.extensions.field, message: error.message };
    }
  };

  it('take the demo event', () => {
    expect(refusal(demo())).toBeNull();
  });

  it.each([
    ['a 1 MB note', (d: any) => (d.agenda[3].notes = 'x'.repeat(1_000_000)), 'document.agenda.3.notes', /5000/],
    ['a 1 MB label', (d: any) => (d.agenda[0].label = 'x'.repeat(1_000_000)), 'document.agenda.0.label', /200/],
    ['a 1 MB bio', (d: any) => (d.speakers[2].bio = 'x'.repeat(1_000_000)), 'document.speakers.2.bio', /10000/],
    ['a 100 kB name', (d: any) => (d.speakers[1].name = 'x'.repeat(100_000)), 'document.speakers.1.name', /200/],
    [
      '10,000 key points',
      (d: any) => (d.agenda[2].keyPoints = Array.from({ length: 10_000 }, (_, i) => `Point ${i}`)),
      'document.agenda.2.keyPoints',
      /50 items/,
    ],
    [
      'a javascript: photo URL',
      (d: any) => (d.speakers[2].photoUrl = 'javascript:alert(1)'),
      'document.speakers.2.photoUrl',
      /http\(s\) URL/,
    ],
    ['a C0 control character', (d: any) => (d.title = 'Forum\u0007'), 'document.title', /control character/],
    [
      'a bidi override in a name',
      (d: any) => (d.speakers[0].name = 'Ada \u202Eecalevol'),
      'document.speakers.0.name',
      /bidirectional/,
    ],
    ['a NUL byte', (d: any) => (d.agenda[1].keyPoints = ['a\u0000b']), 'document.agenda.1.keyPoints.0', /NUL/],
    ['a lone surrogate', (d: any) => (d.description = 'Forum \uD83D'), 'document.description', /unpaired/],
  ])('refuse %s, naming the member', (_what, change, field, message) => {
    const doc = demo();
    change(doc);
    const refused = refusal(doc);
    expect(refused?.field).toBe(field);
    expect(refused?.message).toMatch(message);
  });
});

describe('schedule imports under the rules', () => {
  /** The schedule member the converted document is refused for. */
  const refusal = (schedule: unknown) => {
    const { document, fieldOf } = convertSchedule(schedule);
    try {
      validateEventDocument(document, fieldOf, { allowOverlaps: true });
      return null;
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      return { field: error.extensions.field, message: error.message };
    }
  };
  const entryOf = (schedule: any, n: number) => schedule.schedule.conference.days[0].rooms['Saal 1'][n];
  const ENTRY = 'schedule.conference.days.0.rooms.Saal 1.1';

  it('take a valid schedule, and CRLF line ends as newlines', () => {
    const schedule: any = buildSchedule('rules');
    entryOf(schedule, 1).abstract = 'Line one\r\nLine two\rLine three';
    expect(refusal(schedule)).toBeNull();
    expect(convertSchedule(schedule).document.agenda.find((i) => i.title === 'Session 2')!.notes).toBe(
      'Line one\nLine two\nLine three',
    );
  });

  it.each([
    ['an oversize abstract', (e: any) => (e.abstract = 'x'.repeat(5001)), `${ENTRY}.abstract`, /5000/],
    [
      'an oversize description standing in for the abstract',
      (e: any) => Object.assign(e, { abstract: '', description: 'x'.repeat(5001) }),
      `${ENTRY}.description`,
      /5000/,
    ],
    ['an oversize type (the label)', (e: any) => (e.type = 'x'.repeat(201)), `${ENTRY}.type`, /200/],
    ['a control character in a title', (e: any) => (e.title = 'Talk\u001B[31m'), `${ENTRY}.title`, /control/],
    [
      'an oversize biography',
      (e: any) => (e.persons = [{ name: 'Bio Person', biography: 'x'.repeat(10_001) }]),
      `${ENTRY}.persons.0.biography`,
      /10000/,
    ],
    [
      'a bidi override in a public name',
      (e: any) => (e.persons = [{ public_name: 'Eve \u202Eevil' }]),
      `${ENTRY}.persons.0.public_name`,
      /bidirectional/,
    ],
    [
      'an oversize avatar URL',
      (e: any) => (e.persons = [{ name: 'Avatar Person', avatar: `https://example.org/${'a'.repeat(2000)}` }]),
      `${ENTRY}.persons.0.avatar`,
      /2000/,
    ],
    ['a lone surrogate in an abstract', (e: any) => (e.abstract = 'x\uDE00'), `${ENTRY}.abstract`, /unpaired/],
  ])('refuse %s, naming the schedule member', (_what, change, field, message) => {
    const schedule: any = buildSchedule('rules');
    change(entryOf(schedule, 1));
    const refused = refusal(schedule);
    expect(refused?.field).toBe(field);
    expect(refused?.message).toMatch(message);
  });

  it('name the room of an oversize room name, and drop a javascript: avatar', () => {
    const schedule: any = buildSchedule('rules');
    const day = schedule.schedule.conference.days[0];
    const long = 'R'.repeat(201);
    day.rooms = { [long]: day.rooms['Saal 1'] };
    expect(refusal(schedule)?.field).toBe(`schedule.conference.days.0.rooms.${long}`);

    const other: any = buildSchedule('rules');
    entryOf(other, 1).persons = [{ name: 'Script Person', avatar: 'javascript:alert(1)' }];
    expect(refusal(other)).toBeNull();
    expect(convertSchedule(other).document.speakers!.find((s) => s.name === 'Script Person')!.photoUrl).toBeNull();
  });
});
