import { createHash } from 'node:crypto';
import type { EventView } from '../../events/domain/event-view.js';
import { AGENDA_CSS } from './agenda-stylesheet.js';
import { renderAgenda } from './agenda-renderer.js';
import { PAGE_CLOCK } from './embed-format.js';
import { embedEvent } from './embed-event.js';
import { escapeHtml, htmlElement, scriptJson } from './html.js';

/** Content-Security-Policy of the page: nothing from anywhere but its own hashed style and same-origin links. */
export const EMBED_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(AGENDA_CSS).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface EmbedPageLinks {
  ics: string;
  jsonLd: Record<string, unknown>;
}

/**
 * The embeddable agenda: a self-contained, responsive HTML page for an iframe, which runs no script. Every piece
 * of content is escaped (html.ts); the JSON-LD travels in a data block with `<` escaped; nothing is loaded from
 * anywhere.
 */
export function renderEmbedPage(event: EventView, links: EmbedPageLinks): string {
  const agenda = renderAgenda(embedEvent(event), {
    el: htmlElement,
    clock: PAGE_CLOCK,
    level: 1,
    frame: { tag: 'main', className: null },
    ics: links.ics,
  });
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(event.title)}</title>
<style>${AGENDA_CSS}</style>
<script type="application/ld+json">${scriptJson(links.jsonLd)}</script>
</head>
<body>
${agenda.html}
</body>
</html>
`;
}
