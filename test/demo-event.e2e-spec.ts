import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

const SLUG = 'tackling-serious-and-organised-crime-2019';

const AGENDA = /* GraphQL */ `
  query Agenda($slug: String!) {
    event(slug: $slug) {
      id
      slug
      title
      summary
      description
      startsAt
      endsAt
      timeZone
      status
      attendanceMode
      publicationState
      version
      venue {
        name
        address
        city
        country
      }
      sectors {
        slug
        name
      }
      audience
      jobTitles
      programmeNote
      keySpeakers {
        featured
        status
        speaker {
          displayName
          honorific
          name
          jobTitle
          organisation {
            name
          }
        }
      }
      speakers {
        featured
        status
        speaker {
          slug
        }
        appearances {
          role
          status
          agendaItem {
            position
          }
        }
      }
      agenda {
        id
        position
        type
        label
        title
        startsAt
        endsAt
        track
        keyPoints
        notes
        speakers {
          role
          status
          speaker {
            honorific
            name
            displayName
            jobTitle
            organisation {
              name
            }
          }
        }
      }
    }
  }
`;

describe('the demo event', () => {
  let t: TestApp;
  let event: any;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.gql(AGENDA, { slug: SLUG });
    expect(res.errors).toBeUndefined();
    event = res.data!.event;
  });
  afterAll(() => t.close());

  it('is published with the details as printed', () => {
    expect(event).toMatchObject({
      slug: SLUG,
      title: 'Effectively Tackling and Preventing Serious and Organised Crime',
      startsAt: '2019-07-16T07:45:00.000Z',
      endsAt: '2019-07-16T15:50:00.000Z',
      timeZone: 'Europe/London',
      status: 'SCHEDULED',
      attendanceMode: 'IN_PERSON',
      publicationState: 'PUBLISHED',
      venue: { name: null, address: null, city: 'Central London', country: null },
      programmeNote: 'Programme subject to change',
      version: 1,
    });
    expect(event.summary).toMatch(/^This Forum will provide a crucial opportunity/);
    expect(event.description).toMatch(/^Serious and organised crime affects more UK citizens/);
    expect(event.description).toMatch(/safeguarding vulnerable individuals\.$/);
    expect(event.audience).toMatch(
      /^This Forum is specifically designed for Police, Local Authorities, Charities and Central Government\./,
    );
  });

  it('has the three audience sectors and the sixteen typical job titles in printed order', () => {
    expect(event.sectors.map((s: any) => s.name)).toEqual(['Criminal Justice', 'Local Government', 'Voluntary Sector']);
    expect(event.jobTitles).toHaveLength(16);
    expect(event.jobTitles[0]).toBe('Police and Crime Commissioners');
    expect(event.jobTitles[11]).toBe('Heads of ROCU');
    expect(event.jobTitles[15]).toBe('Heads of Safeguarding');
  });

  it('has all 22 agenda items in running order, with labels, titles and no invented times', () => {
    const agenda = event.agenda;
    expect(agenda).toHaveLength(22);
    expect(agenda.map((i: any) => i.position)).toEqual([...Array(22).keys()]);
    expect(agenda.map((i: any) => i.type)).toEqual([
      'REGISTRATION',
      'WELCOME',
      'KEYNOTE',
      'KEYNOTE',
      'QUESTIONS',
      'BREAK',
      'CASE_STUDY',
      'CASE_STUDY',
      'QUESTIONS',
      'LUNCH',
      'KEYNOTE',
      'KEYNOTE',
      'QUESTIONS',
      'CASE_STUDY',
      'CASE_STUDY',
      'QUESTIONS',
      'BREAK',
      'CASE_STUDY',
      'CASE_STUDY',
      'CASE_STUDY',
      'QUESTIONS',
      'CLOSE',
    ]);
    expect(agenda.map((i: any) => i.label)).toEqual([
      null,
      null,
      'Morning Keynote',
      'Special Keynote',
      null,
      null,
      'Case Study',
      'Case Study',
      null,
      null,
      'Afternoon Keynote',
      'Special Keynote',
      null,
      'Case Study',
      'Case Study',
      null,
      null,
      'Case Study',
      'Case Study',
      'Case Study',
      null,
      null,
    ]);
    expect(agenda[0].title).toBe('Registration, Refreshments and Networking');
    expect(agenda[2].title).toBe(
      'Developing a Whole-System Strategic Approach to Disrupting Serious and Organised Crime',
    );
    expect(agenda[21].title).toBe('Chair’s Summary and Close');
    for (const item of agenda) {
      expect(item.startsAt).toBeNull();
      expect(item.endsAt).toBeNull();
      expect(item.track).toBeNull();
    }
  });

  it('keeps key points and notes as printed', () => {
    const agenda = event.agenda;
    expect(agenda.map((i: any) => i.keyPoints.length)).toEqual([
      0, 0, 5, 5, 0, 0, 5, 4, 0, 0, 4, 4, 0, 5, 6, 0, 0, 5, 5, 5, 0, 0,
    ]);
    expect(agenda[6].keyPoints[0]).toMatch(/^Reducing the number of organised crime groups operating in Sussex by 38%/);
    expect(agenda[6].notes).toBe(
      'Rated “Good” in the HMICFRS’ 2018 PEEL assessment for ‘Tackling Serious and Organised Crime’',
    );
    expect(agenda.filter((i: any) => i.notes !== null)).toHaveLength(1);
  });

  it('lists each speaker under the items where the page does, with the printed status and the chair', () => {
    const people = event.agenda.map((i: any) =>
      i.speakers.map((s: any) => `${s.speaker.displayName}:${s.status}:${s.role}`),
    );
    expect(people[1]).toEqual(['Professor Michael Levi:INVITED:CHAIR']);
    expect(people[2]).toEqual(['Dr Colin Wilson:CONFIRMED:SPEAKER']);
    expect(people[3]).toEqual(['Nina Cope:CONFIRMED:SPEAKER']);
    expect(people[6]).toEqual(['Detective Chief Inspector Steve Rayland:INVITED:SPEAKER']);
    expect(people[7]).toEqual(['Dame Vera Baird:INVITED:SPEAKER']);
    expect(people[10]).toEqual(['Marc Jones:CONFIRMED:SPEAKER']);
    expect(people[11]).toEqual(['Lizzie Hogarth:CONFIRMED:SPEAKER']);
    expect(people[13]).toEqual(['Detective Superintendent Tony Creely:INVITED:SPEAKER']);
    expect(people[14]).toEqual(['Amy Hurst:INVITED:SPEAKER', 'Carolyn Belafonte:INVITED:SPEAKER']);
    expect(people[17]).toEqual([
      'Councillor Mike Hill:INVITED:SPEAKER',
      'John Drew:INVITED:SPEAKER',
      'Nick Downing:INVITED:SPEAKER',
    ]);
    expect(people[18]).toEqual(['Tom Halpin:CONFIRMED:SPEAKER', 'Kerri Swindells:INVITED:SPEAKER']);
    expect(people[19]).toEqual(['Steve Reardon:CONFIRMED:SPEAKER', 'Sue Gregory:CONFIRMED:SPEAKER']);
    for (const i of [0, 4, 5, 8, 9, 12, 15, 16, 20, 21]) expect(people[i]).toEqual([]);
  });

  it('prints job titles and organisations as the page does', () => {
    const speaker = (position: number, index = 0) => event.agenda[position].speakers[index].speaker;
    expect(speaker(1)).toMatchObject({
      honorific: 'Professor',
      name: 'Michael Levi',
      jobTitle: 'Professor of Criminology',
      organisation: { name: 'University of Cardiff' },
    });
    expect(speaker(2)).toMatchObject({
      honorific: 'Dr',
      jobTitle: 'Deputy Director, SOC Prevent & Partnerships',
      organisation: { name: 'The Home Office' },
    });
    expect(speaker(6)).toMatchObject({
      honorific: 'Detective Chief Inspector',
      jobTitle: null,
      organisation: { name: 'Sussex Police Force' },
    });
    expect(speaker(7)).toMatchObject({
      honorific: 'Dame',
      jobTitle: 'Police and Crime Commissioner for Northumbria',
      organisation: null,
    });
    expect(speaker(10)).toMatchObject({ jobTitle: 'Lead for Policing Delivery – Serious and Organised Crime' });
    expect(speaker(14, 1)).toMatchObject({
      honorific: null,
      jobTitle: 'Detective Superintendent',
      organisation: { name: 'Avon and Somerset Police' },
    });
  });

  it('has 17 speakers, each once, and features the 7 key speakers in printed order', () => {
    expect(event.speakers).toHaveLength(17);
    expect(new Set(event.speakers.map((s: any) => s.speaker.slug)).size).toBe(17);
    expect(event.speakers.filter((s: any) => s.featured)).toHaveLength(7);
    expect(event.keySpeakers.map((s: any) => s.speaker.displayName)).toEqual([
      'Dr Colin Wilson',
      'Nina Cope',
      'Lizzie Hogarth',
      'Marc Jones',
      'Steve Reardon',
      'Tom Halpin',
      'Sue Gregory',
    ]);
    for (const s of event.keySpeakers) expect(s).toMatchObject({ featured: true, status: 'CONFIRMED' });
    const levi = event.speakers.find((s: any) => s.speaker.slug === 'michael-levi');
    expect(levi).toMatchObject({
      featured: false,
      status: 'INVITED',
      appearances: [{ role: 'CHAIR', status: 'INVITED', agendaItem: { position: 1 } }],
    });
  });

  it('is found by id too, and an unknown slug is null rather than an error', async () => {
    const byId = await t.gql(`query($id: ID) { event(id: $id) { slug } }`, { id: event.id });
    expect(byId.data!.event).toEqual({ slug: SLUG });
    const missing = await t.gql(`{ event(slug: "no-such-event") { slug } }`);
    expect(missing).toEqual({ data: { event: null } });
  });
});
