import { createHash } from 'node:crypto';
import { localDate, localTime, zonedIso } from '../common/clock.js';
import { agendaOf, keySpeakers, type SessionSpeakerNode } from '../events/event-graph.js';
import { displayName } from '../events/event-view.js';
import type { EventView, SpeakerView } from '../events/event-view.js';
import { longDate, weekday } from './embed-format.js';
import { escapeHtml as e, scriptJson } from './html.js';
import { placeLine, publicSpeakers } from './programme-text.js';

/** The page's only style sheet, inline; the CSP allows exactly this text by its hash. */
const CSS = `
:root{--accent:#1d4ed8;--text:#1f2937;--muted:#4b5563;--line:#e5e7eb;--bg:#fff;--soft:#f3f4f6;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--accent:#93c5fd;--text:#f3f4f6;--muted:#d1d5db;--line:#374151;--bg:#111827;--soft:#1f2937}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:56rem;margin:0 auto;padding:1rem}
h1{font-size:clamp(1.35rem,3.5vw,2rem);line-height:1.2;margin:0 0 .5rem}
h2{font-size:1.15rem;margin:1.75rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.05rem;margin:.1rem 0 .35rem}
p{margin:.25rem 0}
.meta{color:var(--muted)}
.status{display:inline-block;font-weight:700;color:#fff;background:#b91c1c;border-radius:.25rem;padding:0 .5rem}
.sectors,.speakers,.keys,.items{list-style:none;margin:0;padding:0}
.sectors{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0}
.sectors li{background:var(--soft);border:1px solid var(--line);border-radius:999px;padding:.05rem .7rem;font-size:.875rem}
.keys{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem}
.keys li{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem}
.name{font-weight:600}
.role,.detail{color:var(--muted)}
.item{display:grid;grid-template-columns:6.5rem 1fr;gap:.25rem 1rem;padding:.9rem 0;border-top:1px solid var(--line)}
.item:first-child{border-top:0}
.when{color:var(--muted);font-variant-numeric:tabular-nums}
.label{color:var(--accent);font-weight:700;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em}
.points{margin:.35rem 0;padding-left:1.2rem}
.points li{margin:.15rem 0}
.notes{font-style:italic;color:var(--muted)}
.invited{color:var(--muted);font-style:italic}
.break h3{font-weight:500;color:var(--muted)}
.note{margin-top:1.5rem;color:var(--muted);font-style:italic}
a{color:var(--accent)}
.many-days .item{grid-template-columns:8.5rem 1fr}
.untimed .item{grid-template-columns:1fr}
@media (max-width:36rem){.items .item{grid-template-columns:1fr}.when:empty{display:none}}
`.trim();

/** Content-Security-Policy of the page: nothing from anywhere but its own hashed style and same-origin links. */
export const EMBED_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const QUIET: ReadonlySet<string> = new Set(['REGISTRATION', 'BREAK', 'LUNCH', 'NETWORKING']);

const time = (datetime: string, text: string) => `<time datetime="${e(datetime)}">${e(text)}</time>`;

function speaker(s: SpeakerView, extra = ''): string {
  const detail = [s.jobTitle, s.organisation?.name].filter((x): x is string => Boolean(x));
  return (
    `<span class="name">${e(displayName(s))}</span>` +
    (detail.length ? `<span class="detail">, ${e(detail.join(', '))}</span>` : '') +
    extra
  );
}

function appearance(a: SessionSpeakerNode): string {
  const role =
    a.role === 'SPEAKER' ? '' : `<span class="role">${e(a.role.charAt(0) + a.role.slice(1).toLowerCase())}: </span>`;
  const invited = a.status === 'INVITED' ? ' <span class="invited">(invited)</span>' : '';
  return `<li>${role}${speaker(a.speaker, invited)}</li>`;
}

function when(event: EventView): string {
  const zone = event.timeZone;
  const sameDay = localDate(event.startsAt, zone) === localDate(event.endsAt, zone);
  const start = zonedIso(event.startsAt, zone);
  const end = zonedIso(event.endsAt, zone);
  return sameDay
    ? `${time(localDate(event.startsAt, zone), longDate(event.startsAt, zone))}, ` +
        `${time(start, localTime(event.startsAt, zone))}–${time(end, localTime(event.endsAt, zone))}`
    : `${time(start, `${longDate(event.startsAt, zone)}, ${localTime(event.startsAt, zone)}`)} – ` +
        `${time(end, `${longDate(event.endsAt, zone)}, ${localTime(event.endsAt, zone)}`)}`;
}

export interface EmbedPageLinks {
  ics: string;
  jsonLd: Record<string, unknown>;
}

/**
 * The embeddable agenda: a self-contained, responsive HTML page for an iframe. Every piece of content is escaped;
 * the JSON-LD travels in a data block with `<` escaped; nothing is loaded from anywhere.
 */
export function renderEmbedPage(event: EventView, links: EmbedPageLinks): string {
  const zone = event.timeZone;
  const place = placeLine(event);
  const keys = keySpeakers(event);
  const status =
    event.status === 'SCHEDULED'
      ? ''
      : `<p><span class="status">${e(event.status.replace('_', ' ').toLowerCase())}</span></p>`;

  const timed = event.agenda.some((item) => item.startsAt !== null);
  const manyDays = localDate(event.startsAt, zone) !== localDate(event.endsAt, zone);
  const items = agendaOf(event).map((item) => {
    const speakers = publicSpeakers(item);
    const slot = item.startsAt
      ? (manyDays ? `${e(weekday(item.startsAt, zone))} ` : '') +
        time(zonedIso(item.startsAt, zone), localTime(item.startsAt, zone)) +
        (item.endsAt ? `–${time(zonedIso(item.endsAt, zone), localTime(item.endsAt, zone))}` : '')
      : '';
    return [
      `<li class="item${QUIET.has(item.type) ? ' break' : ''}" id="${e(item.id)}">`,
      timed ? `<p class="when">${slot}</p>` : '',
      '<div>',
      item.label ? `<p class="label">${e(item.label)}</p>` : '',
      `<h3>${e(item.title)}</h3>`,
      item.track ? `<p class="meta">${e(item.track)}</p>` : '',
      item.keyPoints.length ? `<ul class="points">${item.keyPoints.map((p) => `<li>${e(p)}</li>`).join('')}</ul>` : '',
      item.notes ? `<p class="notes">${e(item.notes)}</p>` : '',
      speakers.length ? `<ul class="speakers" aria-label="Speakers">${speakers.map(appearance).join('')}</ul>` : '',
      '</div>',
      '</li>',
    ].join('');
  });

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(event.title)}</title>
<style>${CSS}</style>
<script type="application/ld+json">${scriptJson(links.jsonLd)}</script>
</head>
<body>
<main aria-labelledby="event-title">
<header>
<h1 id="event-title">${e(event.title)}</h1>
${status}<p class="meta">${when(event)} <span>(${e(zone)} time)</span></p>
${place ? `<p class="meta">${e(place)}</p>` : ''}
${
  event.sectors.length
    ? `<ul class="sectors" aria-label="Sectors">${event.sectors.map((s) => `<li>${e(s.name)}</li>`).join('')}</ul>`
    : ''
}
${event.summary ? `<p>${e(event.summary)}</p>` : ''}
</header>
${
  keys.length
    ? `<section aria-labelledby="key-speakers"><h2 id="key-speakers">Key speakers</h2><ul class="keys">${keys
        .map((k) => `<li>${speaker(k.speaker)}</li>`)
        .join('')}</ul></section>`
    : ''
}
<section aria-labelledby="agenda"><h2 id="agenda">Agenda</h2>
<ol class="items${timed ? (manyDays ? ' many-days' : '') : ' untimed'}">${items.join('\n')}</ol>
</section>
<footer>
${event.programmeNote ? `<p class="note">${e(event.programmeNote)}</p>` : ''}
<p><a href="${e(links.ics)}" target="_blank" rel="noopener">Add to calendar (.ics)</a></p>
</footer>
</main>
</body>
</html>
`;
}
