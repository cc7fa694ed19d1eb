/**
 * A multi-day, multi-track conference as an event document: `days` days in Europe/Berlin, `tracks` rooms,
 * `perTrack` 30-minute sessions per room and day, a few hundred speakers with every role and status, featured
 * flags, labels, key points, notes, themes (tracks), tags, levels, languages and links. Deterministic, so tests can
 * compare exactly.
 */
export function bigEventDocument(slug = 'big-conference', days = 3, tracks = 4, perTrack = 20) {
  const statuses = ['CONFIRMED', 'INVITED', 'DECLINED', 'WITHDRAWN'] as const;
  const roles = ['SPEAKER', 'PANELLIST', 'MODERATOR', 'CHAIR'] as const;
  const speakers = Array.from({ length: 240 }, (_, i) => ({
    slug: `speaker-${i}`,
    honorific: i % 7 === 0 ? 'Dr' : null,
    name: `Speaker ${i}`,
    jobTitle: i % 3 === 0 ? null : `Role ${i}`,
    organisation: i % 5 === 0 ? null : `Organisation ${i % 40}`,
    bio: i % 11 === 0 ? `Bio of speaker ${i}` : null,
    photoUrl: i % 13 === 0 ? `https://example.org/photos/${i}.jpg` : null,
    featured: i % 17 === 0,
  }));
  const agenda = [];
  let n = 0;
  for (let day = 0; day < days; day++) {
    for (let track = 0; track < tracks; track++) {
      for (let slot = 0; slot < perTrack; slot++) {
        const start = Date.UTC(2031, 8, 1 + day, 7, 0) + slot * 30 * 60_000;
        const speakerCount = n % 4;
        agenda.push({
          type: (['TALK', 'PANEL', 'WORKSHOP', 'KEYNOTE'] as const)[n % 4],
          label: n % 4 === 3 ? 'Keynote' : null,
          title: `Session ${n}`,
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 25 * 60_000).toISOString(),
          track: n % 5 === 0 ? null : `Theme ${n % 3}`,
          room: `room-${String.fromCharCode(97 + track)}`,
          keyPoints: Array.from({ length: n % 3 }, (_, k) => `Point ${k} of session ${n}`),
          notes: n % 9 === 0 ? `Notes for session ${n}` : null,
          tags: Array.from({ length: n % 4 }, (_, k) => `tag-${(n + k) % 10}`),
          level: n % 6 === 0 ? 'Advanced' : null,
          language: (['en', 'de', 'en-GB', null] as const)[n % 4],
          links:
            n % 7 === 0
              ? [
                  { kind: 'SLIDES' as const, url: `https://example.org/slides/${n}.pdf`, title: `Slides ${n}` },
                  { kind: 'RECORDING' as const, url: `https://example.org/video/${n}`, title: null },
                ]
              : [],
          speakers: Array.from({ length: speakerCount }, (_, k) => ({
            speaker: `speaker-${(n * 3 + k) % 240}`,
            role: roles[(n + k) % 4],
            status: statuses[(n + k) % 4],
          })),
        });
        n++;
      }
    }
  }
  const appearing = new Set(agenda.flatMap((item) => item.speakers.map((a) => a.speaker)));
  return {
    slug,
    title: 'A Big Conference',
    summary: 'Three days, four rooms.',
    description: null,
    startsAt: '2031-09-01T06:00:00.000Z',
    endsAt: new Date(Date.UTC(2031, 8, days, 18, 0)).toISOString(),
    timeZone: 'Europe/Berlin',
    venue: { name: 'Congress Centre', address: 'Alexanderplatz 1', city: 'Berlin', country: 'Germany' },
    attendanceMode: 'MIXED',
    status: 'RESCHEDULED',
    sectors: [
      { slug: 'technology', name: 'Technology' },
      { slug: 'public-sector', name: 'Public Sector' },
    ],
    audience: 'Engineers',
    jobTitles: ['Engineers', 'Architects'],
    programmeNote: 'Subject to change',
    rooms: Array.from({ length: tracks }, (_, track) => ({
      slug: `room-${String.fromCharCode(97 + track)}`,
      name: `Room ${String.fromCharCode(65 + track)}`,
      capacity: 100 * (track + 1),
      floor: track % 2 ? 'First floor' : null,
      description: null,
    })),
    speakers: speakers.filter((s) => appearing.has(s.slug) || s.featured),
    agenda,
  };
}
