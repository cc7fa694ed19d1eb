import { expect } from '@jest/globals';
import type { TestApp } from './test-app.js';

const EVENT = `query EventOf($slug: String!) { event(slug: $slug) { id version title publicationState agenda { id title } } }`;
const CREATE = `mutation CreateEvent($input: EventInput!) { createEvent(input: $input) { id version } }`;

/** The event with `slug` as `token`'s holder sees it (anonymous without one), or null. */
export async function eventOf(t: TestApp, slug: string, token?: string) {
  return (await t.gql(EVENT, { slug }, token)).data!.event;
}

/** A new draft event on 1 March 2030 in London, created through createEvent by `token`'s holder. */
export async function newEvent(t: TestApp, token: string, slug: string): Promise<{ id: string; version: number }> {
  const res = await t.gql(
    CREATE,
    {
      input: {
        slug,
        title: `Event ${slug}`,
        startsAt: '2030-03-01T09:00:00Z',
        endsAt: '2030-03-01T17:00:00Z',
        timeZone: 'Europe/London',
      },
    },
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createEvent as { id: string; version: number };
}
