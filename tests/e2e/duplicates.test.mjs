// Possible duplicates, end to end in a real browser:
//   1. two alike requests from one e-mail address are made through the API;
//   2. riverside's admin sees them side by side in "Possible duplicates";
//   3. "Merge" works as a plain form, with JavaScript off;
//   4. the merged request's private link says so and links to the survivor.
// Every page on the way: status 200, the CSP header, no script or console
// error, axe at 1280 and 360 px, nothing wider than 360 px, a screenshot
// (duplicates-*.png). Steps run in order; a failed step skips the later ones.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, checkAxe, screenshots, horizontalOverflow,
  unique, NETWORK,
} from './support.mjs';

const t = strings('en');
const OLDER = unique('Diapers for a baby');
const NEWER = unique('Baby diapers needed');
const EMAIL = `ana-${Date.now().toString(36)}@example.org`;

let env;
let failed = '';
const contexts = [];
const state = {};

async function makeRequest(title) {
  const response = await fetch(new URL(`/api/v1/networks/${NETWORK}/posts`, env.server.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      kind: 'request', category: 'food', title, details: 'Size 3.', urgency: 'week',
      location: { lat: 46.8721, lon: -113.994, text: 'near the library' },
      contact: { name: 'Ana', email: EMAIL, method: 'email' },
    }),
  });
  const body = await response.json();
  assert.equal(response.status, 201, JSON.stringify(body));
  return body;
}

async function browserPage(session, options = {}) {
  const context = await newContext(env.browser, env.server, { locale: 'en-US', ...options });
  contexts.push(context);
  if (session) {
    await context.addCookies([{ name: 'gf_session', value: session, url: env.server.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return newPage(context);
}

async function checkPage(page, name, response) {
  assert.equal(response?.status() ?? 200, 200, `${name}: status`);
  if (response) assert.match(response.headers()['content-security-policy'] ?? '', /default-src/, `${name}: CSP`);
  await checkAxe(env.AxeBuilder, page, name);
  await screenshots(page, `duplicates-${name}`);
  await page.setViewportSize({ width: 360, height: 800 });
  assert.equal(await horizontalOverflow(page), 0, `${name}: nothing wider than 360 px`);
  await checkAxe(env.AxeBuilder, page, `${name} at 360 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(page.errors, [], `${name}: script errors`);
  assert.deepEqual(page.consoleErrors, [], `${name}: console errors`);
}

function step(name, body) {
  test(name, async (context) => {
    if (failed) {
      context.skip(`after "${failed}" failed`);
      return;
    }
    try { await body(); } catch (error) { failed = name; throw error; }
  });
}

before(async () => {
  env = await setup();
  state.older = (await makeRequest(OLDER)).post.id;
  const newer = await makeRequest(NEWER);
  state.newer = newer.post.id;
  state.link = `/p/${state.newer}/k/${newer.manage_token}`;
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await teardown(env);
});

step('the dashboard shows both requests side by side and why', async () => {
  const page = await browserPage(env.server.session);
  const response = await page.goto(`/n/${NETWORK}/organize`);
  await page.getByRole('heading', { name: t('duplicates.heading') }).waitFor();
  const item = page.locator('main li.duplicate-item').filter({ hasText: NEWER });
  await item.getByText(OLDER).waitFor();
  await item.getByText(t('duplicates.same_contact')).waitFor();
  await checkPage(page, 'dashboard', response);
});

step('"Merge" works as a plain form without JavaScript', async () => {
  const page = await browserPage(env.server.session, { javaScriptEnabled: false });
  await page.goto(`/n/${NETWORK}/organize`);
  const item = page.locator('main li.duplicate-item').filter({ hasText: NEWER });
  const [response] = await Promise.all([
    page.waitForNavigation(),
    item.getByRole('button', { name: t('duplicates.merge'), exact: true }).click(),
  ]);
  assert.equal(response.status(), 200);
  await page.getByText(t('organize.done_merged')).waitFor();
  assert.equal(await page.locator('main li.duplicate-item').filter({ hasText: NEWER }).count(), 0);
});

step('the merged request\'s private link links to the surviving request', async () => {
  const page = await browserPage();
  const response = await page.goto(state.link);
  await page.getByText(t('duplicates.merged_notice')).waitFor();
  const link = page.getByRole('link', { name: t('duplicates.open_surviving') });
  assert.equal(await link.getAttribute('href'), `/p/${state.older}`);
  await checkPage(page, 'merged-link', response);
});
