// Suggested matches, end to end in a real browser: riverside's admin opens
// the dashboard, follows "Suggested matches", accepts one pair and dismisses
// another, and the page says so each time. Each pair is a request and an
// offer made for this test, at a place of their own and willing to go 1 km
// only, so the matcher pairs them with each other. Every page: status 200,
// the CSP header, no script or console error, axe at 1280 and 360 px,
// nothing wider than 360 px, a screenshot (suggestions-*.png).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, unique, NETWORK, sequence, checkPage, apiCall,
} from './support.mjs';

const t = strings('en');
const step = sequence();
const ACCEPTED = unique('Firewood for the stove');
const DISMISSED = unique('Warm blankets');

let env;
let page;

async function pair(title, lat) {
  for (const kind of ['request', 'offer']) {
    const made = await apiCall(env.server, 'POST', `/api/v1/networks/${NETWORK}/posts`, {
      kind, category: 'food', title: kind === 'request' ? title : `${title} (offered)`, quantity: 1,
      max_distance_km: 1, location: { lat, lon: -113.9 },
      contact: { email: 'pair@example.org', method: 'email' },
    });
    assert.equal(made.status, 201, made.text);
  }
}

before(async () => {
  env = await setup();
  await pair(ACCEPTED, 46.6);
  await pair(DISMISSED, 46.7);
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  await context.addCookies([{ name: 'gf_session', value: env.server.session, url: env.server.url, httpOnly: true, sameSite: 'Lax' }]);
  page = await newPage(context);
});

after(async () => {
  await page?.context().close().catch(() => {});
  await teardown(env);
});

step('the dashboard counts the suggestions and leads to them', async () => {
  await page.goto(`/n/${NETWORK}/organize`);
  await page.getByRole('heading', { name: t('suggestions.heading') }).waitFor();
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('link', { name: t('suggestions.review') }).click(),
  ]);
  assert.match(page.url(), /\/organize\/suggestions$/);
  const item = page.locator('main li.suggestion-item').filter({ hasText: ACCEPTED });
  await item.waitFor();
  await item.getByText('km apart').waitFor();
  await checkPage(env, 'suggestions', page, 'page', response);
});

step('accepting a pair makes the match and it leaves the list', async () => {
  const item = page.locator('main li.suggestion-item').filter({ hasText: ACCEPTED });
  const [response] = await Promise.all([
    page.waitForNavigation(),
    item.getByRole('button', { name: t('suggestions.accept'), exact: true }).click(),
  ]);
  await page.getByText(t('suggestions.done_accepted')).waitFor();
  assert.equal(await page.locator('main li.suggestion-item').filter({ hasText: ACCEPTED }).count(), 0);
  await checkPage(env, 'suggestions', page, 'accepted', response);
});

step('dismissing a pair takes it off for good', async () => {
  const item = page.locator('main li.suggestion-item').filter({ hasText: DISMISSED });
  const [response] = await Promise.all([
    page.waitForNavigation(),
    item.getByRole('button', { name: t('suggestions.dismiss'), exact: true }).click(),
  ]);
  await page.getByText(t('suggestions.done_dismissed')).waitFor();
  await checkPage(env, 'suggestions', page, 'dismissed', response);
  await page.reload();
  assert.equal(await page.locator('main li.suggestion-item').filter({ hasText: DISMISSED }).count(), 0);
});
