import { describe, expect, it } from '@jest/globals';
import { loggedUrl } from '../src/common/logging.js';

describe('the request log', () => {
  it('logs no link that works: the query goes, and an invitation secret', () => {
    expect(loggedUrl('/graphql')).toBe('/graphql');
    expect(loggedUrl('/graphql?query=%7B%20event(slug%3A%22x%22%2C%20preview%3A%22s3cret%22)%20%7D')).toBe('/graphql');
    expect(loggedUrl('/embed/events/forum?preview=s3cret')).toBe('/embed/events/forum');
    expect(loggedUrl('/invitations/s3cret')).toBe('/invitations/…');
    expect(loggedUrl('/invitations/s3cret?x=1')).toBe('/invitations/…');
    expect(loggedUrl('/events/forum/schedule.json')).toBe('/events/forum/schedule.json');
  });
});
