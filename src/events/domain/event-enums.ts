/**
 * Every closed set of values of an event, once: the TypeScript types below, the GraphQL enums
 * (events/graphql/*.enums.ts, built from these lists) and the checks of the event document's JSON Schema and of
 * the SQL CHECK constraints (test/enums.e2e-spec.ts proves those two name the same values).
 */
export const PUBLICATION_STATES = ['DRAFT', 'PUBLISHED'] as const;
export const EVENT_STATUSES = ['SCHEDULED', 'RESCHEDULED', 'POSTPONED', 'CANCELLED', 'MOVED_ONLINE'] as const;
export const ATTENDANCE_MODES = ['IN_PERSON', 'ONLINE', 'MIXED'] as const;
export const AGENDA_ITEM_TYPES = [
  'REGISTRATION',
  'WELCOME',
  'KEYNOTE',
  'CASE_STUDY',
  'PANEL',
  'TALK',
  'WORKSHOP',
  'QUESTIONS',
  'BREAK',
  'LUNCH',
  'NETWORKING',
  'CLOSE',
  'OTHER',
] as const;
export const PARTICIPATION_STATUSES = ['INVITED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN'] as const;
export const SPEAKER_ROLES = ['CHAIR', 'SPEAKER', 'PANELLIST', 'MODERATOR'] as const;
export const LINK_KINDS = ['SLIDES', 'RECORDING', 'STREAM', 'FEEDBACK', 'OTHER'] as const;

export type PublicationState = (typeof PUBLICATION_STATES)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];
export type AgendaItemType = (typeof AGENDA_ITEM_TYPES)[number];
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
export type LinkKind = (typeof LINK_KINDS)[number];
