import { createHash } from 'node:crypto';
import { localTime, zoneAbbreviation, zonedIso } from '../common/clock.js';
import { longDate } from '../partner/embed/embed-format.js';
import { escapeHtml } from '../partner/embed/html.js';
import { displayName } from '../speakers/speaker-view.js';
import type { InvitationPageState } from './invitations.service.js';

/** The invitation pages' one style sheet, inline and allowed by its hash (INVITATION_PAGE_CSP). */
const CSS = `body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f6f4}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem}
.event{margin:0;color:#555;font-weight:600}
dl{margin:0 0 1.25rem}dt{font-size:.85rem;color:#555;margin-top:.75rem}dd{margin:0}
.answer{padding:.75rem 1rem;border-radius:.5rem;background:#fff;border:1px solid #ddd;margin:0 0 1.25rem}
form{display:flex;gap:.75rem;flex-wrap:wrap}
button{flex:1 1 10rem;min-height:3rem;font:inherit;font-weight:600;border-radius:.5rem;border:2px solid #1d4f91;cursor:pointer}
.accept{background:#1d4f91;color:#fff}.decline{background:#fff;color:#1d4f91}
.small{font-size:.85rem;color:#555;margin-top:1.25rem}`;

/**
 * The pages' Content-Security-Policy: nothing loaded from anywhere, no script, the hashed style, forms posted to
 * this origin only, never framed (the buttons must not be clickjacked).
 */
export const INVITATION_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ROLE: Record<string, string> = {
  CHAIR: 'Chair',
  SPEAKER: 'Speaker',
  PANELLIST: 'Panellist',
  MODERATOR: 'Moderator',
};

const ANSWER: Record<string, string> = {
  PENDING: 'You have not answered yet.',
  ACCEPTED: 'You accepted: you are confirmed for this session.',
  DECLINED: 'You declined this session.',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** When the session takes place, in the event's zone: "Tuesday 16 July 2030, 09:00–09:45 BST". */
function when(startsAt: string | null, endsAt: string | null, eventStartsAt: string, zone: string): string {
  if (!startsAt) return longDate(eventStartsAt, zone);
  const end = endsAt ? `–${localTime(endsAt, zone)}` : '';
  const time = `<time datetime="${escapeHtml(zonedIso(startsAt, zone))}">${localTime(startsAt, zone)}</time>`;
  return `${escapeHtml(longDate(startsAt, zone))}, ${time}${escapeHtml(end)} ${escapeHtml(zoneAbbreviation(startsAt, zone))}`;
}

/** The open invitation: the event, the session, the role, the current answer, and Accept and Decline. */
export function renderInvitationPage({ invitation, subject }: InvitationPageState): string {
  const { event, item, speaker, appearance } = subject!;
  const answer = ANSWER[invitation.status] ?? '';
  const expires = `${longDate(invitation.expiresAt.toISOString(), event.timeZone)}, ${localTime(
    invitation.expiresAt.toISOString(),
    event.timeZone,
  )} ${zoneAbbreviation(invitation.expiresAt.toISOString(), event.timeZone)}`;
  return page(
    `Invitation: ${item.title}`,
    `<p class="event">${escapeHtml(event.title)}</p>
<h1>${escapeHtml(item.title)}</h1>
<dl>
<dt>When</dt><dd>${when(item.startsAt, item.endsAt, event.startsAt, event.timeZone)}</dd>
<dt>Invited</dt><dd>${escapeHtml(displayName(speaker))}</dd>
<dt>Role</dt><dd>${escapeHtml(ROLE[appearance.role] ?? appearance.role)}</dd>
</dl>
<p class="answer">${escapeHtml(answer)}</p>
<form method="post">
<button class="accept" type="submit" name="accept" value="true">Accept</button>
<button class="decline" type="submit" name="accept" value="false">Decline</button>
</form>
<p class="small">You can change your answer until ${escapeHtml(expires)}.</p>`,
  );
}

/** 410: the link no longer takes answers (revoked, expired, or the session no longer has the speaker). */
export function renderClosedPage(state: InvitationPageState | undefined): string {
  const status = state?.invitation.status;
  const reason =
    status === 'REVOKED'
      ? 'The organisers have withdrawn this invitation link.'
      : state && state.invitation.expiresAt <= new Date()
        ? 'This invitation link has expired.'
        : 'The session this invitation was for has changed.';
  const answer =
    status === 'ACCEPTED' || status === 'DECLINED' ? `<p class="answer">${escapeHtml(ANSWER[status])}</p>` : '';
  return page(
    'Invitation closed',
    `<h1>This invitation is closed</h1>
<p>${escapeHtml(reason)} Please ask the organisers if you need a new link.</p>
${answer}`,
  );
}

/** 404: no invitation has this link. */
export const renderMissingPage = (): string =>
  page(
    'Invitation not found',
    `<h1>Invitation not found</h1>
<p>No invitation has this link. Check that it was copied whole, or ask the organisers.</p>`,
  );

/** 400 or 403: the form was not sent as this page sends it. */
export const renderRefusedPage = (message: string): string =>
  page('Invitation', `<h1>Your answer was not saved</h1>\n<p>${escapeHtml(message)}</p>`);
