/** The text of an event that full-text search looks at, by weight: A the title, B summary and people, C the rest. */
export interface Searchable {
  title: string;
  summary?: string | null;
  description?: string | null;
  speakers?: { honorific?: string | null; name: string }[];
  agenda: { label?: string | null; title: string; keyPoints?: string[] }[];
}

export function searchTexts(e: Searchable): [string, string, string] {
  const people = (e.speakers ?? []).map((s) => `${s.honorific ?? ''} ${s.name}`).join(' ');
  const agenda = e.agenda.map((i) => [i.label ?? '', i.title, ...(i.keyPoints ?? [])].join(' ')).join(' ');
  return [e.title, `${e.summary ?? ''} ${people}`, `${e.description ?? ''} ${agenda}`];
}
