import { AGENDA_RENDERER } from './agenda-renderer.js';
import { AGENDA_CSS } from './agenda-stylesheet.js';
import { EMBED_QUERY } from './embed-event.js';

/**
 * The source of GET /embed.js: the <agenda-embed event="SLUG"> web component. Plain browser JavaScript (the
 * project compiles for Node without DOM types), written out as text so it ships as is. It
 * - finds the API's origin from its own <script src> when it loads (document.currentScript), else the fallback,
 * - fetches the agenda with one anonymous GraphQL POST (credentials: 'omit'),
 * - renders it with the embed page's renderer and style sheet (agenda-renderer.ts, agenda-stylesheet.ts, shipped
 *   as their source text) into a shadow root, with DOM calls and text nodes only, never innerHTML,
 * - takes its look from CSS custom properties (agenda-stylesheet.ts).
 */
export function embedScript(fallbackOrigin: string): string {
  const origin = JSON.stringify(fallbackOrigin).replace(/</g, '\\u003c');
  return SOURCE.replace('__FALLBACK_ORIGIN__', () => origin);
}

/** The renderer's functions, each bound to its own name inside the script. */
const RENDERER = Object.entries(AGENDA_RENDERER)
  .map(([name, fn]) => `  var ${name} = ${String(fn)};`)
  .join('\n');

const SOURCE = `(function () {
  'use strict';
  if (!window.customElements || window.customElements.get('agenda-embed')) return;
  var script = document.currentScript;
  var ORIGIN = new URL(script && script.src ? script.src : __FALLBACK_ORIGIN__, document.baseURI).origin;
  var QUERY = ${JSON.stringify(EMBED_QUERY)};
  var STYLE = ${JSON.stringify(AGENDA_CSS)};
  var sheet = null;

${RENDERER}

  /** The renderer's element builder in the browser: DOM nodes, text as text nodes. */
  function el(tag, attributes) {
    var node = document.createElement(tag);
    for (var name in attributes) if (attributes[name] != null) node.setAttribute(name, attributes[name]);
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child == null || child === false || child === '') continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }
  function fmt(zone, options) {
    return new Intl.DateTimeFormat('en-GB', Object.assign({ timeZone: zone }, options));
  }
  /** The renderer's clock in the browser: Intl in the event's zone; <time datetime> in UTC. */
  var CLOCK = {
    date: function (iso, zone) {
      var parts = {};
      fmt(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso))
        .forEach(function (p) { parts[p.type] = p.value; });
      return parts.year + '-' + parts.month + '-' + parts.day;
    },
    longDate: function (iso, zone) {
      return fmt(zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso)).replace(',', '');
    },
    time: function (iso, zone) {
      return fmt(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    },
    weekday: function (iso, zone) { return fmt(zone, { weekday: 'short' }).format(new Date(iso)); },
    datetime: function (iso) { return iso; }
  };
  var TARGET = { el: el, clock: CLOCK, level: 2, frame: { tag: 'article', className: 'wrap' }, ics: null };

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
      this._body = el('div', { 'aria-live': 'polite' });
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
      if (!slug) { body.replaceChildren(el('p', { class: 'meta' }, 'No event given.')); return; }
      body.setAttribute('aria-busy', 'true');
      body.replaceChildren(el('p', { class: 'meta' }, 'Loading agenda\\u2026'));
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
          body.replaceChildren(renderAgenda(event, TARGET));
          self.dispatchEvent(new CustomEvent('agenda-loaded', { detail: { items: event.agenda.length } }));
        })
        .catch(function () {
          if (request !== self._request) return;
          body.replaceChildren(el('p', { class: 'meta' }, 'The agenda is not available.'));
          self.dispatchEvent(new CustomEvent('agenda-error'));
        })
        .finally(function () { if (request === self._request) body.removeAttribute('aria-busy'); });
    }
  }
  window.customElements.define('agenda-embed', AgendaEmbed);
})();
`;
