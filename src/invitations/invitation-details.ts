import type { AgendaItemView, AppearanceView, EventView, RosterEntryView } from '../events/domain/event-view.js';

/** What an invitation is about, read from the event's working copy. */
export interface InvitationSubject {
  event: EventView;
  item: AgendaItemView;
  speaker: RosterEntryView;
  appearance: AppearanceView;
}

/** The speaker's appearance in the agenda item, if the working copy still has it. */
export function subjectIn(event: EventView, agendaItemId: string, speakerId: string): InvitationSubject | undefined {
  const item = event.agenda.find((i) => i.id === agendaItemId);
  const appearance = item?.speakers.find((a) => a.speakerId === speakerId);
  const speaker = event.speakers.find((s) => s.id === speakerId);
  return item && appearance && speaker ? { event, item, speaker, appearance } : undefined;
}
