/**
 * The source of GET /embed.js: the <agenda-embed event="SLUG"> web component. Plain browser JavaScript (the
 * project compiles for Node without DOM types), written out as text so it ships as is. It
 * - finds the API's origin from its own <script src> when it loads (document.currentScript), else the fallback,
 * - fetches the agenda with one anonymous GraphQL POST (credentials: 'omit'),
 * - renders into a shadow root with textContent only, never innerHTML with data,
 * - takes its look from CSS custom properties: --agenda-font, --agenda-accent, --agenda-text, --agenda-muted,
 *   --agenda-background, --agenda-border, --agenda-radius.
 */
export function embedScript(fallbackOrigin: string): string {
  const origin = JSON.stringify(fallbackOrigin).replace(/</g, '\\u003c');
  return SOURCE.replace('__FALLBACK_ORIGIN__', () => origin);
}

export const EMBED_QUERY = `query AgendaEmbed($slug: String!) {
  event(slug: $slug) {
    id title summary startsAt endsAt timeZone status attendanceMode programmeNote
    venue { name address city country }
    sectors { name }
    keySpeakers { speaker { displayName jobTitle organisation { name } } }
    agenda {
      id label title type startsAt endsAt track keyPoints notes
      speakers(status: [CONFIRMED, INVITED]) { role status speaker { displayName jobTitle organisation { name } } }
    }
  }
}`;

const STYLE = `
:host{display:block;font-family:var(--agenda-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif);color:var(--agenda-text,#1f2937);background:var(--agenda-background,transparent);line-height:1.5}
:host([hidden]){display:none}
.wrap{border:1px solid var(--agenda-border,#e5e7eb);border-radius:var(--agenda-radius,.5rem);padding:1rem}
h2{font-size:1.35em;line-height:1.25;margin:0 0 .35rem}
h3{font-size:1.05em;margin:1.25rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--agenda-accent,#1d4ed8)}
h4{font-size:1em;margin:.1rem 0 .3rem}
p{margin:.2rem 0}
ul,ol{margin:0;padding:0;list-style:none}
.meta,.when,.detail,.role,.invited,.notes,.note{color:var(--agenda-muted,#4b5563)}
.sectors{display:flex;flex-wrap:wrap;gap:.35rem;margin:.5rem 0}
.sectors li{border:1px solid var(--agenda-border,#e5e7eb);border-radius:999px;padding:0 .6rem;font-size:.85em}
.keys{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.5rem}
.keys li{border:1px solid var(--agenda-border,#e5e7eb);border-radius:var(--agenda-radius,.5rem);padding:.5rem .7rem}
.name{font-weight:600}
.item{display:grid;grid-template-columns:6rem 1fr;gap:.2rem 1rem;padding:.75rem 0;border-top:1px solid var(--agenda-border,#e5e7eb)}
.item:first-child{border-top:0}
.label{color:var(--agenda-accent,#1d4ed8);font-weight:700;font-size:.8em;text-transform:uppercase;letter-spacing:.04em}
.points{list-style:disc;padding-left:1.2rem;margin:.3rem 0}
.notes,.invited,.note{font-style:italic}
.status{font-weight:700;color:#b91c1c}
.many-days .item{grid-template-columns:8rem 1fr}
.untimed .item{grid-template-columns:1fr}
@media (max-width:36rem){.items .item{grid-template-columns:1fr}}
`;

const SOURCE = `(function () {
  'use strict';
  if (!window.customElements || window.customElements.get('agenda-embed')) return;
  var script = document.currentScript;
  var ORIGIN = new URL(script && script.src ? script.src : __FALLBACK_ORIGIN__, document.baseURI).origin;
  var QUERY = ${JSON.stringify(EMBED_QUERY)};
  var STYLE = ${JSON.stringify(STYLE.trim())};
  var sheet = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = String(text);
    return node;
  }
  function fmt(zone, options) {
    return new Intl.DateTimeFormat('en-GB', Object.assign({ timeZone: zone }, options));
  }
  function day(iso, zone) {
    return fmt(zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso)).replace(',', '');
  }
  function clock(iso, zone) {
    return fmt(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  }
  function ymd(iso, zone) {
    return fmt(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  }
  function timeEl(iso, text) {
    var node = el('time', null, text);
    node.dateTime = iso;
    return node;
  }
  function person(s, extra) {
    var li = el('li');
    var detail = [s.speaker.jobTitle, s.speaker.organisation && s.speaker.organisation.name].filter(Boolean);
    if (extra && extra.role) li.appendChild(el('span', 'role', extra.role + ': '));
    li.appendChild(el('span', 'name', s.speaker.displayName));
    if (detail.length) li.appendChild(el('span', 'detail', ', ' + detail.join(', ')));
    if (extra && extra.invited) li.appendChild(el('span', 'invited', ' (invited)'));
    return li;
  }

  function render(root, event) {
    var zone = event.timeZone;
    var wrap = el('article', 'wrap');
    wrap.setAttribute('aria-label', event.title);
    wrap.appendChild(el('h2', null, event.title));
    if (event.status !== 'SCHEDULED') wrap.appendChild(el('p', 'status', event.status.replace('_', ' ').toLowerCase()));
    var when = el('p', 'meta');
    if (ymd(event.startsAt, zone) === ymd(event.endsAt, zone)) {
      when.appendChild(el('span', null, day(event.startsAt, zone) + ', '));
      when.appendChild(timeEl(event.startsAt, clock(event.startsAt, zone)));
      when.appendChild(document.createTextNode('\\u2013'));
      when.appendChild(timeEl(event.endsAt, clock(event.endsAt, zone)));
    } else {
      when.appendChild(timeEl(event.startsAt, day(event.startsAt, zone) + ', ' + clock(event.startsAt, zone)));
      when.appendChild(document.createTextNode(' \\u2013 '));
      when.appendChild(timeEl(event.endsAt, day(event.endsAt, zone) + ', ' + clock(event.endsAt, zone)));
    }
    when.appendChild(document.createTextNode(' (' + zone + ' time)'));
    wrap.appendChild(when);
    var v = event.venue;
    var place = event.attendanceMode === 'ONLINE' ? 'Online'
      : v ? [v.name, v.address, v.city, v.country].filter(Boolean).join(', ') : '';
    if (place) wrap.appendChild(el('p', 'meta', place));
    if (event.sectors.length) {
      var sectors = el('ul', 'sectors');
      sectors.setAttribute('aria-label', 'Sectors');
      event.sectors.forEach(function (s) { sectors.appendChild(el('li', null, s.name)); });
      wrap.appendChild(sectors);
    }
    if (event.summary) wrap.appendChild(el('p', null, event.summary));
    if (event.keySpeakers.length) {
      wrap.appendChild(el('h3', null, 'Key speakers'));
      var keys = el('ul', 'keys');
      event.keySpeakers.forEach(function (k) { keys.appendChild(person(k)); });
      wrap.appendChild(keys);
    }
    wrap.appendChild(el('h3', null, 'Agenda'));
    var manyDays = ymd(event.startsAt, zone) !== ymd(event.endsAt, zone);
    var timed = event.agenda.some(function (item) { return item.startsAt; });
    var list = el('ol', timed ? (manyDays ? 'items many-days' : 'items') : 'items untimed');
    event.agenda.forEach(function (item) {
      var li = el('li', 'item');
      li.id = item.id;
      var slot = el('p', 'when');
      if (item.startsAt) {
        if (manyDays) slot.appendChild(document.createTextNode(fmt(zone, { weekday: 'short' }).format(new Date(item.startsAt)) + ' '));
        slot.appendChild(timeEl(item.startsAt, clock(item.startsAt, zone)));
        if (item.endsAt) {
          slot.appendChild(document.createTextNode('\\u2013'));
          slot.appendChild(timeEl(item.endsAt, clock(item.endsAt, zone)));
        }
      }
      if (timed) li.appendChild(slot);
      var body = el('div');
      if (item.label) body.appendChild(el('p', 'label', item.label));
      body.appendChild(el('h4', null, item.title));
      if (item.track) body.appendChild(el('p', 'meta', item.track));
      if (item.keyPoints.length) {
        var points = el('ul', 'points');
        item.keyPoints.forEach(function (p) { points.appendChild(el('li', null, p)); });
        body.appendChild(points);
      }
      if (item.notes) body.appendChild(el('p', 'notes', item.notes));
      if (item.speakers.length) {
        var people = el('ul', 'speakers');
        people.setAttribute('aria-label', 'Speakers');
        item.speakers.forEach(function (a) {
          var role = a.role === 'SPEAKER' ? null : a.role.charAt(0) + a.role.slice(1).toLowerCase();
          people.appendChild(person(a, { role: role, invited: a.status === 'INVITED' }));
        });
        body.appendChild(people);
      }
      li.appendChild(body);
      list.appendChild(li);
    });
    wrap.appendChild(list);
    if (event.programmeNote) wrap.appendChild(el('p', 'note', event.programmeNote));
    root.replaceChildren(wrap);
  }

  class AgendaEmbed extends HTMLElement {
    static get observedAttributes() { return ['event']; }
    constructor() {
      super();
      var shadow = this.attachShadow({ mode: 'open' });
      if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
        if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(STYLE); }
        shadow.adoptedStyleSheets = [sheet];
      } else {
        shadow.appendChild(el('style', null, STYLE));
      }
      this._body = el('div');
      this._body.setAttribute('aria-live', 'polite');
      shadow.appendChild(this._body);
      this._request = 0;
    }
    connectedCallback() { this._load(); }
    attributeChangedCallback(name, before, after) { if (before !== after && this.isConnected) this._load(); }
    _load() {
      var slug = this.getAttribute('event');
      var body = this._body;
      var request = ++this._request;
      var self = this;
      if (!slug) { body.replaceChildren(el('p', 'meta', 'No event given.')); return; }
      body.setAttribute('aria-busy', 'true');
      body.replaceChildren(el('p', 'meta', 'Loading agenda\\u2026'));
      fetch(ORIGIN + '/graphql', {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY, variables: { slug: slug }, operationName: 'AgendaEmbed' })
      })
        .then(function (res) { return res.json(); })
        .then(function (result) {
          if (request !== self._request) return;
          var event = result && result.data && result.data.event;
          if (!event) throw new Error('not found');
          render(body, event);
          self.dispatchEvent(new CustomEvent('agenda-loaded', { detail: { items: event.agenda.length } }));
        })
        .catch(function () {
          if (request !== self._request) return;
          body.replaceChildren(el('p', 'meta', 'The agenda is not available.'));
          self.dispatchEvent(new CustomEvent('agenda-error'));
        })
        .finally(function () { if (request === self._request) body.removeAttribute('aria-busy'); });
    }
  }
  window.customElements.define('agenda-embed', AgendaEmbed);
})();
`;
