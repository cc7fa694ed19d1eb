import { EVENT_CHANGE_KINDS } from '../events/domain/event-change.js';

/** The changes a partner can hear about: the events' change notices. */
export const WEBHOOK_EVENTS = EVENT_CHANGE_KINDS;

export const MAX_ATTEMPTS = 8;
