import type { Entry } from './frab-entries.js';
import { CONFERENCE, ROOT } from './frab-members.js';
import type { Person } from './frab-persons.js';

/** The schedule members the event document's own members come from. */
const EVENT_MEMBERS: Record<string, string> = {
  '/title': `${CONFERENCE}.title`,
  '/description': `${CONFERENCE}.description`,
  '/startsAt': `${CONFERENCE}.start`,
  '/endsAt': `${CONFERENCE}.end`,
  '/timeZone': `${CONFERENCE}.time_zone_name`,
  '/agenda': `${CONFERENCE}.days`,
  '/speakers': `${CONFERENCE}.days`,
};

/**
 * Maps a JSON pointer of the converted document (as the event writer reports it) to the schedule member it came
 * from: `/agenda/3/startsAt` → `schedule.conference.days.0.rooms.Saal 1.2.date`, `/speakers/1` → that person.
 * `entries`, `roster` and `rooms` (the path of each room's first entry list) are in document order; `slugGiven`
 * says the slug came from the caller, not the acronym.
 */
export function fieldMap(
  entries: Entry[],
  roster: Person[],
  rooms: string[],
  slugGiven: boolean,
): (pointer: string) => string {
  return (pointer) => {
    const item = /^\/agenda\/(\d+)(?:\/(\w+)(?:\/(\d+))?)?/.exec(pointer);
    const entry = item ? entries[Number(item[1])] : undefined;
    if (item && entry) {
      const member = item[2];
      if (member === 'id') return `${entry.path}.${entry.members.id}`;
      if (member === 'startsAt') return `${entry.path}.${entry.members.start}`;
      if (member === 'endsAt') return `${entry.path}.${entry.members.end}`;
      if (member === 'speakers') {
        return (item[3] !== undefined && entry.persons[Number(item[3])]?.path) || `${entry.path}.persons`;
      }
      if (member === 'title' || member === 'type') return `${entry.path}.${member}`;
      if (member === 'label') return `${entry.path}.type`;
      if (member === 'notes') return `${entry.path}.${entry.members.notes}`;
      if (member === 'room') return entry.room;
      if (member === 'track' || member === 'language' || member === 'links') return `${entry.path}.${member}`;
      return entry.path;
    }
    const speaker = /^\/speakers\/(\d+)(?:\/(\w+))?/.exec(pointer);
    const person = speaker ? roster[Number(speaker[1])] : undefined;
    if (speaker && person) {
      const member = speaker[2];
      if (member === 'name' || member === 'slug') return person.sources.name;
      if (member === 'bio') return person.sources.bio;
      if (member === 'photoUrl') return person.sources.photoUrl;
      return person.path;
    }
    const room = /^\/rooms\/(\d+)/.exec(pointer);
    if (room) return rooms[Number(room[1])] ?? `${CONFERENCE}.rooms`;
    if (pointer === '/slug') return slugGiven ? 'slug' : `${CONFERENCE}.acronym`;
    return EVENT_MEMBERS[pointer] ?? `${ROOT}${pointer.replace(/\//g, '.')}`;
  };
}
