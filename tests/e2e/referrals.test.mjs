// Referrals between networks, end to end in a real browser:
//   1. riverside's admin refers a request to a second network from the
//      dashboard ("Refer to another network", asking the requester first);
//   2. the requester answers "Yes, share it" on their private link;
//   3. the second network's admin sees it in "Referrals" and accepts it;
//   4. the requester's link says where it went and opens it there.
// Every page on the way: status 200, the CSP header, no script or console
// error, axe at 1280 and 360 px, nothing wider than 360 px, a screenshot
// (referrals-*.png). Steps run in order; a failed step skips the later ones.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, checkAxe, screenshots, horizontalOverflow,
  unique, NETWORK,
} from './support.mjs';
import { visit, findInQueue } from './flows.mjs';

const t = strings('en');
const OTHER = 'hillside-e2e';
const TITLE = unique('Groceries after the flood');

let env;
let failed = '';
const contexts = [];
const state = {};

async function api(method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, env.server.url), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, text };
}

// A browser page, signed in with `session` when given.
async function browserPage(session) {
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  contexts.push(context);
  if (session) {
    await context.addCookies([{ name: 'gf_session', value: session, url: env.server.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return newPage(context);
}

// The checks every page gets.
async function checkPage(page, name, response) {
  assert.equal(response?.status() ?? 200, 200, `${name}: status`);
  if (response) assert.match(response.headers()['content-security-policy'] ?? '', /default-src/, `${name}: CSP`);
  await checkAxe(env.AxeBuilder, page, name);
  await screenshots(page, `referrals-${name}`);
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
  // A second network, started by a new account (its admin).
  const email = `hana-${Date.now().toString(36)}@example.org`;
  const password = 'seven green lanterns glow';
  assert.equal((await api('POST', '/api/v1/accounts', { email, password })).status, 202);
  state.otherSession = (await api('POST', '/api/v1/sessions', { email, password })).json.session_token;
  const made = await api('POST', '/api/v1/networks', {
    slug: OTHER, name: 'Hillside Mutual Aid', description: 'Neighbours on the hill.',
    area: { lat: 46.9, lon: -114.1, radius_km: 30 }, languages: ['en', 'es'], timezone: 'America/Denver',
  }, state.otherSession);
  assert.equal(made.status, 201, made.text);
  const post = await api('POST', `/api/v1/networks/${NETWORK}/posts`, {
    kind: 'request', category: 'food', title: TITLE, details: 'Two adults, two kids.', urgency: 'week',
    location: { lat: 46.8721, lon: -113.994, text: 'near the library' },
    contact: { name: 'Sam', phone: '+1 406 555 0100', method: 'phone' },
  });
  assert.equal(post.status, 201, post.text);
  state.post = post.json.post.id;
  state.link = `/p/${state.post}/k/${post.json.manage_token}`;
});

after(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await teardown(env);
});

step('riverside refers the request from the dashboard, asking the requester first', async () => {
  const page = await browserPage(env.server.session);
  await visit(page, `/n/${NETWORK}/organize`);
  const entry = await findInQueue(page, TITLE);
  await entry.locator('summary', { hasText: t('referrals.refer') }).click();
  await entry.getByLabel(t('referrals.to'), { exact: true }).selectOption(OTHER);
  await entry.getByLabel(t('referrals.consent_requester')).check();
  const [response] = await Promise.all([
    page.waitForNavigation(),
    entry.getByRole('button', { name: t('referrals.refer_submit'), exact: true }).click(),
  ]);
  await page.getByText(t('organize.done_referred')).waitFor();
  await page.getByRole('heading', { name: t('referrals.heading') }).waitFor();
  await checkPage(page, 'dashboard-sent', response);
});

step('the requester shares it on their private link', async () => {
  const page = await browserPage();
  const response = await page.goto(state.link);
  await page.getByRole('heading', { name: /Share your request with them\?/ }).waitFor();
  await checkPage(page, 'consent', response);
  const [after] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: t('referrals.yes'), exact: true }).click(),
  ]);
  await page.getByText(t('referrals.done_shared')).waitFor();
  await checkPage(page, 'consent-given', after);
  state.requester = page;
});

step('the other network accepts it from its dashboard', async () => {
  const page = await browserPage(state.otherSession);
  const response = await page.goto(`/n/${OTHER}/organize`);
  const item = page.locator('main li.referral-item').filter({ hasText: TITLE });
  await item.getByText('Sam').first().waitFor();
  await checkPage(page, 'dashboard-incoming', response);
  const [after] = await Promise.all([
    page.waitForNavigation(),
    item.getByRole('button', { name: t('referrals.accept'), exact: true }).click(),
  ]);
  await page.getByText(t('organize.done_referral_accepted')).waitFor();
  await findInQueue(page, TITLE);
  await checkPage(page, 'dashboard-accepted', after);
});

step('the requester\'s link says where it went and opens it there', async () => {
  const page = state.requester;
  const response = await page.goto(state.link);
  await page.getByText(/took on this request/).waitFor();
  await checkPage(page, 'moved', response);
  const [there] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('link', { name: t('referrals.open_new'), exact: true }).click(),
  ]);
  assert.notEqual(new URL(page.url()).pathname, state.link);
  await page.getByText(/who referred it here/).waitFor();
  await checkPage(page, 'arrived', there);
});
