// The volunteer's page in a real browser (/n/riverside/volunteer):
//   1. a mistake (no name, no category) is refused beside its fields, what
//      was typed stays;
//   2. the availability is saved (post/redirect/get) and shown again, with
//      the volunteer's matches below.
// Every page: status, no script or console error, axe at 1280 and 360 px,
// nothing wider than 360 px, no request to another host.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, checkAxe, horizontalOverflow, NETWORK,
} from './support.mjs';

const t = strings('en');
let env;
let context;
let page;

before(async () => {
  env = await setup();
  context = await newContext(env.browser, env.server, { locale: 'en-US' });
  await context.addCookies([{ name: 'gf_session', value: env.server.session, url: env.server.url }]);
  page = await newPage(context);
});

after(async () => {
  await context?.close().catch(() => {});
  await teardown(env);
});

// `status`: what the page answered (a refused form is 422, and Chromium logs that).
async function checkPage(label, status = 200) {
  const ownStatus = `the server responded with a status of ${status} `;
  const consoleErrors = page.consoleErrors.filter((e) => !(status >= 400 && e.includes(ownStatus)));
  page.consoleErrors.length = 0;
  assert.deepEqual(page.errors, [], `script errors on ${label}`);
  assert.deepEqual(consoleErrors, [], `console errors on ${label}`);
  await checkAxe(env.AxeBuilder, page, label);
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow <= 0, `${label} is ${overflow} px wider than a 360 px screen`);
    await checkAxe(env.AxeBuilder, page, `${label} at 360 px`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  assert.deepEqual(context.foreign, [], 'requests to other hosts');
}

test('a mistake is refused beside its field and what was typed stays', async () => {
  const response = await page.goto(`/n/${NETWORK}/volunteer`);
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { name: t('volunteer.heading') }).waitFor();
  await checkPage('volunteer page, new');

  await page.fill('#place', 'Missoula');
  await page.fill('#name', '');
  await Promise.all([
    page.waitForLoadState('load'),
    page.click('form[novalidate] button[type=submit]'),
  ]);
  await page.locator('#name-error').waitFor();
  await page.locator('#categories-error').waitFor();
  assert.equal(await page.inputValue('#place'), 'Missoula');
  await checkPage('volunteer page, refused', 422);
});

test('the availability is saved and shown again', async () => {
  await page.goto(`/n/${NETWORK}/volunteer`);
  await page.fill('#name', 'Alex Rivera');
  await page.check('#category-food');
  await page.check('#language-en');
  await page.fill('#place', '59801');
  await page.fill('#max_distance_km', '12');
  await page.fill('#max_active', '2');
  await Promise.all([
    page.waitForURL(/done=saved/),
    page.click('form[novalidate] button[type=submit]'),
  ]);
  await page.getByText(t('volunteer.done_saved')).waitFor();
  assert.equal(await page.inputValue('#name'), 'Alex Rivera');
  assert.equal(await page.isChecked('#category-food'), true);
  assert.equal(await page.inputValue('#max_active'), '2');
  await page.getByText(t('volunteer.no_matches')).waitFor();
  await checkPage('volunteer page, saved');
});
