/** The changes a partner can hear about. */
export const WEBHOOK_EVENTS = ['event.published', 'event.unpublished', 'event.deleted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const MAX_ATTEMPTS = 8;
