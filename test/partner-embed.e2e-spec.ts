/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import { EventDocumentImportService } from '../src/imports/documents/event-document-import.service.js';
import { DEMO_SLUG, timedEvent } from './fixtures/partner-events.js';
import { launchChromium } from './support/browser.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Globals of the callbacks Playwright runs inside the browser (the project compiles without DOM types).
declare const getComputedStyle: (element: unknown) => { borderBottomColor: string };

const PWNED = '<img src=x onerror=window.__pwned=1>';
const XSS_SLUG = 'xss-probe';

/** An event whose every text field tries to run script in the page that shows it. */
const hostileEvent = () =>
  timedEvent({
    slug: XSS_SLUG,
    title: PWNED,
    summary: '</script><script>window.__pwned=2</script>',
    programmeNote: '"><svg onload=window.__pwned=3>',
    sectors: [{ slug: 'xss-sector', name: '<b onmouseover=window.__pwned=4>sector</b>' }],
    speakers: [{ slug: 'xss-speaker', name: '<img src=y onerror=window.__pwned=5>', featured: true }],
    agenda: [
      {
        type: 'TALK',
        label: '<i>label</i>',
        title: '<script>window.__pwned=6</script>',
        keyPoints: ['<iframe src=javascript:window.top.__pwned=7>'],
        speakers: [{ speaker: 'xss-speaker', status: 'CONFIRMED' }],
      },
    ],
  });

/** A partner site on its own origin: it loads embed.js, uses the web component and frames the page. */
function partnerSite(apiOrigin: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://partner');
    const slug = url.searchParams.get('event') ?? DEMO_SLUG;
    const attr = slug.replace(/[^a-z0-9-]/g, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,">
<style>
  body { font-family: sans-serif; margin: 1rem; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
  agenda-embed { --agenda-accent: #0a7d4f; --agenda-font: Georgia, serif; }
  iframe { width: 100%; height: 900px; border: 1px solid #ccc; }
</style>
<script src="${apiOrigin}/embed.js" defer></script></head>
<body>
<agenda-embed event="${attr}"></agenda-embed>
<iframe src="${apiOrigin}/embed/events/${attr}" title="Agenda"></iframe>
</body></html>`);
  });
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

describe('embedding: GET /embed/events/{slug} and GET /embed.js in headless Chromium', () => {
  let t: TestApp;
  let partner: Server;
  let api: string;
  let site: string;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(EventDocumentImportService).importDocument(hostileEvent(), { publish: true, authorId: null });
    await t.app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    partner = partnerSite(api);
    site = await listen(partner);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => partner?.close(resolve));
    await t.close();
  });

  /** Opens the partner page, recording every request and every console error of the page and its frames. */
  async function open(slug: string, viewport = { width: 1400, height: 1000 }) {
    const page: Page = await browser.newPage({ viewport });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site}/?event=${slug}`, { waitUntil: 'load' });
    const frame: Frame = page.frames().find((f) => f.url().startsWith(`${api}/embed/events/`))!;
    await page.waitForFunction(
      () => {
        const root = document.querySelector('agenda-embed')?.shadowRoot;
        return (
          root !== null && root !== undefined && root.querySelector('[aria-busy]') === null && root.textContent !== ''
        );
      },
      undefined,
      { timeout: 5000 },
    );
    return { page, frame, requests, errors };
  }

  const origins = (urls: string[]) => new Set(urls.map((u) => new URL(u).origin));

  it('renders all 22 demo agenda items both in the iframe page and in the web component', async () => {
    const { page, frame, requests, errors } = await open(DEMO_SLUG);
    expect(await frame.locator('ol.items > li').count()).toBe(22);
    expect(await page.locator('agenda-embed li.item').count()).toBe(22);

    for (const scope of [frame, page.locator('agenda-embed')]) {
      const text = (await scope.locator('ol').first().textContent()) ?? '';
      expect(text).toContain('Morning Keynote');
      expect(text).toContain('Developing a Whole-System Strategic Approach to Disrupting Serious and Organised Crime');
      expect(text).toMatch(/Professor Michael Levi.*\(invited\)/);
      expect(text).toContain('Dr Colin Wilson, Deputy Director, SOC Prevent & Partnerships, The Home Office');
    }
    const frameText = (await frame.locator('main').textContent()) ?? '';
    expect(frameText).toContain('Tuesday 16 July 2019, 08:45–16:50');
    expect(frameText).toContain('Central London');
    expect(frameText).toContain('Programme subject to change');
    expect(await frame.locator('.sectors li').allTextContents()).toEqual([
      'Criminal Justice',
      'Local Government',
      'Voluntary Sector',
    ]);
    expect(await frame.locator('.keys li').count()).toBe(7);
    const componentText = (await page.locator('agenda-embed article').textContent()) ?? '';
    expect(componentText).toContain('Tuesday 16 July 2019, 08:45–16:50');
    expect(await page.locator('agenda-embed .keys li').count()).toBe(7);

    // The JSON-LD, as a crawler reads it from the page.
    const jsonLd = JSON.parse((await frame.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ '@type': 'Event', name: expect.stringMatching(/^Effectively Tackling/) });
    expect(jsonLd.subEvent).toHaveLength(22);

    // Styled by the partner through custom properties.
    const accent = await page
      .locator('agenda-embed h3')
      .first()
      .evaluate((h) => getComputedStyle(h).borderBottomColor);
    expect(accent).toBe('rgb(10, 125, 79)');

    expect([...origins(requests)].sort()).toEqual([api, site].sort());
    expect(requests).toContain(`${api}/graphql`);
    expect(errors).toEqual([]);
    if (process.env.EMBED_SCREENSHOT) {
      mkdirSync(new URL('../docs', import.meta.url), { recursive: true });
      await page.screenshot({ path: new URL('../docs/embedding.png', import.meta.url).pathname });
    }
    await page.close();
  });

  it('shows hostile content as text and runs none of it, in the page and in the component', async () => {
    const { page, frame, requests, errors } = await open(XSS_SLUG);
    expect(await frame.locator('h1').textContent()).toBe(PWNED);
    expect(await page.locator('agenda-embed h2').textContent()).toBe(PWNED);
    for (const scope of [frame.locator('body'), page.locator('agenda-embed')]) {
      expect(await scope.locator('img, svg, iframe, b, i').count()).toBe(0);
      expect(await scope.locator('li.item, ol.items > li').first().textContent()).toContain(
        '<script>window.__pwned=6</script>',
      );
      expect(await scope.locator('.name').first().textContent()).toBe('<img src=y onerror=window.__pwned=5>');
    }
    expect(await frame.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    const jsonLd = JSON.parse((await frame.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.description).toBe('</script><script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect([...origins(requests)].sort()).toEqual([api, site].sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone-sized viewport without horizontal scrolling', async () => {
    const { page, frame } = await open(DEMO_SLUG, { width: 380, height: 800 });
    const overflow = () => document.documentElement.scrollWidth - window.innerWidth;
    expect(await frame.evaluate(overflow)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(overflow)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('serves the page with a CSP that forbids other origins, frameable by any site, readable cross-origin', async () => {
    const res = await t.http().get(`/embed/events/${DEMO_SLUG}`).set('origin', 'https://partner.example').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toMatch(/frame-ancestors|unsafe-inline|\*/);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    await t.http().get('/embed/events/no-such-event').expect(404);
    await t.app
      .get(EventDocumentImportService)
      .importDocument(timedEvent({ slug: 'draft-only-event' }), { publish: false, authorId: null });
    await t.http().get('/embed/events/draft-only-event').expect(404);
  });

  it('serves embed.js as JavaScript to any origin', async () => {
    const res = await t.http().get('/embed.js').set('origin', 'https://partner.example').expect(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets any origin POST GraphQL anonymously (preflight included) and never allows credentials', async () => {
    const preflight = await t
      .http()
      .options('/graphql')
      .set('origin', 'https://partner.example')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'content-type');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/content-type/i);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const post = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://partner.example')
      .send({ query: `{ event(slug: "${DEMO_SLUG}") { title } }` })
      .expect(200);
    expect(post.headers['access-control-allow-origin']).toBe('*');
    expect(post.headers['access-control-allow-credentials']).toBeUndefined();
    expect(post.body.data.event.title).toMatch(/^Effectively Tackling/);
  });
});
