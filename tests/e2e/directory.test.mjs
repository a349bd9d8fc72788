// The directory and starting a network, in a real browser:
//   1. the directory page lists the demo network with its languages, kinds of
//      help and map, and its filters work without JavaScript;
//   2. a signed-in person starts a network at /start: a name (the address is
//      suggested), an ambiguous place ("Astoria") chosen from the short list,
//      kinds of help, languages and a public contact, the review, then the
//      starter page with the flyer link; the new network is in the directory.
// Every page: the expected status, no script or console error, axe at 1280
// and 360 px, nothing wider than 360 px, a screenshot (directory-*.png), no
// request to another host.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, checkAxe, screenshots, horizontalOverflow, OUTPUT,
} from './support.mjs';
import { startSmtpSink } from './smtp_sink.mjs';

const t = strings('en');
const EMAIL = `start-${Date.now().toString(36)}@example.org`;
const PASSWORD = 'a quiet river in spring';

let sink;
let env;
let context;
let page;

before(async () => {
  sink = await startSmtpSink();
  try {
    env = await setup({
      config: `[mail]\nsmtp_url = "${sink.url}"\nfrom = "aid@example.org"\nrequire_tls = false\n`,
    });
  } catch (error) {
    await sink.stop();
    throw error;
  }
  context = await newContext(env.browser, env.server, { locale: 'en-US' });
  page = await newPage(context);
});

after(async () => {
  await context?.close().catch(() => {});
  await teardown(env);
  await sink?.stop();
});

let failed = null;
function step(name, body) {
  test(name, async (tt) => {
    if (failed) { tt.skip(`skipped: the step "${failed}" failed`); return; }
    try { await body(tt); } catch (error) {
      failed = name;
      if (env?.server?.stderr) error.message += `\nserver stderr (last lines):\n${env.server.stderr.slice(-2000)}`;
      throw error;
    }
  });
}

async function checkPage(name, response, status = 200) {
  await page.waitForLoadState('load');
  assert.ok(response, `${name}: a response`);
  assert.equal(response.status(), status, `${name}: ${page.url()} answered ${response.status()}`);
  const csp = (await response.allHeaders())['content-security-policy'] ?? '';
  assert.match(csp, /frame-ancestors 'none'/, `${name}: a Content-Security-Policy`);
  const consoleErrors = page.consoleErrors.filter((e) => !(status >= 400 && e.includes(`status of ${status}`)));
  page.consoleErrors.length = 0;
  assert.deepEqual(page.errors, [], `${name}: no script errors`);
  assert.deepEqual(consoleErrors, [], `${name}: no console errors`);
  assert.deepEqual(context.foreign, [], `${name}: no requests to other hosts`);
  await checkAxe(env.AxeBuilder, page, `${name} at 1280 px`);
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    await checkAxe(env.AxeBuilder, page, `${name} at 360 px`);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than a 360 px screen (see ${OUTPUT}/directory-${name}-360.png)`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await screenshots(page, `directory-${name}`);
}

// Clicks and returns the response of the document the click loads.
async function clickTo(locator) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]);
  return response;
}

step('the directory lists the demo network and filters it', async () => {
  const response = await page.goto('/directory');
  await checkPage('list', response);
  const card = page.locator('li.card', { hasText: 'Riverside' });
  await assert.doesNotReject(card.waitFor(), 'the demo network is listed');
  assert.match(await card.innerText(), /English/);
  assert.ok(await page.locator('#map.leaflet-container').count() === 1, 'the map is drawn');
  await page.selectOption('#category', 'childcare');
  const filtered = await clickTo(page.getByRole('button', { name: t('directory.filter_button') }));
  assert.equal(filtered.status(), 200);
  assert.match(page.url(), /category=childcare/);
  await page.goto('/');
  assert.equal(await page.locator('main a[href="/directory"]').count(), 1, 'the home page links the directory');
});

step('a signed-in person starts a network through to its starter page', async () => {
  const signUp = await context.request.post('/api/v1/accounts', { data: { email: EMAIL, password: PASSWORD } });
  assert.ok(signUp.status() < 300, `sign-up answered ${signUp.status()}`);
  const signIn = await context.request.post('/api/v1/sessions', { data: { email: EMAIL, password: PASSWORD } });
  assert.equal(signIn.status(), 201);
  const token = (await signIn.json()).session_token;
  await context.addCookies([{ name: 'gf_session', value: token, url: env.server.url }]);

  await checkPage('start-name', await page.goto('/start'));
  await page.fill('#name', 'Astoria Neighbours');
  await checkPage('start-suggested', await clickTo(page.getByRole('button', { name: t('start.next') })));
  assert.equal(await page.inputValue('#slug'), 'astoria-neighbours');
  await checkPage('start-place', await clickTo(page.getByRole('button', { name: t('start.next') })));

  await page.fill('#place', 'Astoria');
  await page.fill('#radius_km', '15');
  await checkPage('start-choose', await clickTo(page.getByRole('button', { name: t('start.next') })), 422);
  await page.getByLabel('Astoria, OR').check();
  await checkPage('start-details', await clickTo(page.getByRole('button', { name: t('start.next') })));

  await page.getByLabel(t('category.food')).check();
  await page.getByLabel(t('category.transport')).check();
  await page.getByLabel('Español').check();
  await page.fill('#contact_website', 'https://astoria.example');
  await checkPage('start-review', await clickTo(page.getByRole('button', { name: t('start.next') })));
  assert.match(await page.locator('main').innerText(), /Astoria, OR/);

  const created = await clickTo(page.getByRole('button', { name: t('start.create') }));
  await checkPage('welcome', created);
  assert.match(page.url(), /\/n\/astoria-neighbours\/welcome$/);
  assert.equal(await page.locator('main a[href="/n/astoria-neighbours/flyer"]').count(), 1);

  await page.goto('/directory?language=es');
  const card = page.locator('li.card', { hasText: 'Astoria Neighbours' });
  assert.equal(await card.count(), 1, 'the new network is in the directory');
  assert.match(await card.innerText(), /Español/);
  assert.equal(await card.locator('a[href="https://astoria.example"]').count(), 1);
});
