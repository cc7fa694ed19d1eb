import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { people, publishedDoc, SPEAKER } from './fixtures/visibility.js';
import { ADMIN, signIn } from './support/editors.js';
import { buildItem, importEvent } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Its own app: the edits change shared speakers, which public-visibility.e2e-spec.ts counts exactly.

describe('visibility: editing a published event', () => {
  let t: TestApp;
  let token: string;

  const READ = /* GraphQL */ `
    query Read($slug: String!) {
      event(slug: $slug) {
        title
        version
        agenda {
          title
          speakers {
            status
            speaker {
              slug
              jobTitle
            }
          }
        }
      }
      events(filter: { search: "renamed" }) {
        totalCount
      }
    }
  `;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_CONTENT: 'false', ...ADMIN });
    token = await signIn(t);
  });
  afterAll(() => t.close());

  it('changes nothing of the event anonymous readers see until it is published again, but shared speakers', async () => {
    await importEvent(t, publishedDoc(), true);
    const before = await t.gql(READ, { slug: 'vis-published' });
    expect(before.data!.event.title).toBe('Visible Forum');

    const edited = publishedDoc({
      title: 'Renamed Forum',
      speakers: people.map((p) => (p.slug === 'bob-brierley' ? { ...p, jobTitle: 'Chief Inspector' } : p)),
      agenda: [
        buildItem({
          title: 'Opening',
          speakers: [
            { speaker: 'alice-ashdown', status: 'DECLINED' },
            { speaker: 'bob-brierley', status: 'CONFIRMED' },
          ],
        }),
        buildItem({ title: 'New session' }),
      ],
    });
    await importEvent(t, edited, false);

    // The event's own edits wait for a publish; a speaker's own fields are the shared record's, shown at once
    // (docs/editing.md "Shared records reach published events").
    const anonymous = await t.gql(READ, { slug: 'vis-published' });
    const bobAsTitled = (response: typeof before, jobTitle: string) =>
      JSON.parse(JSON.stringify(response).replaceAll('"jobTitle":"Inspector"', `"jobTitle":"${jobTitle}"`));
    expect(anonymous).toEqual(bobAsTitled(before, 'Chief Inspector'));
    expect(JSON.stringify(before)).toContain('"jobTitle":"Inspector"');
    const bob = await t.gql(SPEAKER, { slug: 'bob-brierley' });
    expect(bob.data!.speaker.jobTitle).toBe('Chief Inspector');
    expect((await t.gql(SPEAKER, { slug: 'alice-ashdown' })).data!.speaker.appearances).toHaveLength(1);

    const editor = await t.gql(READ, { slug: 'vis-published' }, token);
    expect(editor.data!.event.title).toBe('Renamed Forum');
    expect(editor.data!.events.totalCount).toBe(1);

    await importEvent(t, edited, true);
    const after = await t.gql(READ, { slug: 'vis-published' });
    expect(after.data!.event.title).toBe('Renamed Forum');
    expect(after.data!.event.agenda.map((i: any) => i.title)).toEqual(['Opening', 'New session']);
    expect(after.data!.event.agenda[0].speakers).toEqual([
      { status: 'CONFIRMED', speaker: { slug: 'bob-brierley', jobTitle: 'Chief Inspector' } },
    ]);
    expect(after.data!.events.totalCount).toBe(1);
    expect((await t.gql(SPEAKER, { slug: 'alice-ashdown' })).data!.speaker).toBeNull();
    expect((await t.gql(SPEAKER, { slug: 'bob-brierley' })).data!.speaker.jobTitle).toBe('Chief Inspector');
  });
});
