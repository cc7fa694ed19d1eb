/// <reference lib="dom" />
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { ADMIN } from './support/editors.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The playground in a real browser: it must work with no internet access, and signing in must stick. */
describe('the GraphiQL playground', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('runs the demo agenda query offline, then signs in and keeps the token', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').click({ timeout: 20_000 });
    const response = page.locator('.result-window');
    await page.waitForFunction(
      () => document.querySelector('.result-window')?.textContent?.includes('Effectively Tackling and Preventing'),
      null,
      { timeout: 20_000 },
    );
    expect(await response.textContent()).toContain('"city": "Central London"');

    // Sign in by running the login mutation in the editor: the playground keeps the token and sends it from then on.
    const run = async (query: string, expected: string) => {
      await page.evaluate((text) => {
        const editor = document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as {
          CodeMirror: { setValue(value: string): void };
        };
        editor.CodeMirror.setValue(text);
      }, query);
      await page.waitForTimeout(500); // GraphiQL takes in an edit (and its operation name) after a short debounce
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(
        (text) => document.querySelector('.result-window')?.textContent?.includes(text),
        expected,
        {
          timeout: 20_000,
        },
      );
    };
    await run(
      `mutation { login(email: "${ADMIN.ADMIN_EMAIL}", password: "${ADMIN.ADMIN_PASSWORD}") { token } }`,
      '"token"',
    );
    await run('{ me { email role } }', ADMIN.ADMIN_EMAIL);
    await page.locator('#signed-in').waitFor({ state: 'visible' });
    await page.locator('#sign-out').click();
    await page.locator('#signed-in').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => localStorage.getItem('agenda-api-token'))).toBeNull();

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
