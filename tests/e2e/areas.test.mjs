// Service areas in a real browser:
//   1. the home page's search takes a ZIP code: "Serves 59801 Missoula, MT";
//      an ambiguous name offers the places to choose from;
//   2. the admin's area page (/n/riverside/admin/area): a pasted polygon with a
//      self-intersection is refused beside the field; a good one is saved and
//      drawn on the map (a Leaflet path).
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

test('the home search finds the networks serving a ZIP code', async () => {
  const response = await page.goto('/');
  assert.equal(response.status(), 200);
  await page.fill('#q', '59801');
  await Promise.all([page.waitForURL(/q=59801/), page.click('form.find button[type=submit]')]);
  const serves = t('areas.serves').replace('{place}', '59801 Missoula, MT');
  await page.getByText(serves).first().waitFor();
  await checkPage('home, ZIP search');

  await page.fill('#q', 'Portland');
  await Promise.all([page.waitForURL(/q=Portland/), page.click('form.find button[type=submit]')]);
  await page.getByText(t('areas.choose_place')).waitFor();
  await page.getByRole('link', { name: /Portland, OR/ }).first().waitFor();
  await checkPage('home, ambiguous place');
});

test('an admin pastes a polygon: refused with the problem, then saved and drawn', async () => {
  const response = await page.goto(`/n/${NETWORK}/admin/area`);
  assert.equal(response.status(), 200);
  await page.fill('#geojson', '{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}');
  await page.click(`form[novalidate] button[type=submit]`);
  await page.locator('#geojson-error').waitFor();
  assert.match(await page.locator('#geojson-error').innerText(), /self-intersection near \(0\.5, 0\.5\)/);
  await checkPage('admin area, refused', 422);

  await page.fill('#geojson', JSON.stringify({
    type: 'Polygon',
    coordinates: [[[-114.15, 46.8], [-113.85, 46.8], [-113.85, 46.95], [-114.15, 46.95], [-114.15, 46.8]]],
  }));
  await Promise.all([page.waitForURL(/done=area/), page.click('form[novalidate] button[type=submit]')]);
  await page.getByText(t('areas.saved')).waitFor();
  await page.locator('#map path.leaflet-interactive').first().waitFor();
  await checkPage('admin area, saved');
});
