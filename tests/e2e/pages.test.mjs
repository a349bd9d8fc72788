// Requirements 4, 6 and 7 on every page: axe (no serious or critical violation of
// WCAG 2.0/2.1 A and AA), full-page screenshots at 360 and 1280 px, nothing wider
// than a 360 px phone, and page weight (network home HTML <= 30 KB, every page
// <= 200 KB with everything it loads, map tiles excluded).

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, unique, checkAxe, screenshots,
  horizontalOverflow, measureWeight, NETWORK, OUTPUT,
} from './support.mjs';
import { fillAndSendAsk, claim, organizerSignIn } from './flows.mjs';

const t = strings('en');
let env;
const ctx = {};        // visitor, organizer, spanish, noScript contexts
const fixture = {};    // id, managePath, volunteerPath

before(async () => {
  env = await setup();
  ctx.visitor = await newContext(env.browser, env.server, { locale: 'en-US' });
  ctx.spanish = await newContext(env.browser, env.server, { locale: 'es-ES' });
  ctx.organizer = await newContext(env.browser, env.server, { locale: 'en-US' });
  // A request of our own, claimed by a volunteer, for the private pages.
  const page = await newPage(ctx.visitor);
  await page.goto(`/n/${NETWORK}/ask`);
  const posted = await fillAndSendAsk(page, t, {
    title: unique('Help moving a sofa'), category: 'category.labour', details: 'Second floor, no lift.',
    place: '12 River Road', name: 'Kim', phone: '406 555 0111',
  });
  Object.assign(fixture, posted);
  await page.goto(`/p/${posted.id}`);
  const helperContext = await newContext(env.browser, env.server, { locale: 'en-US' });
  const helper = await newPage(helperContext);
  await helper.goto(`/p/${posted.id}`);
  fixture.volunteerPath = await claim(helper, t, { name: 'Jo', phone: '406 555 0112' });
  await helperContext.close();
  // A second, open request, for the public page and the claim form.
  await page.goto(`/n/${NETWORK}/ask`);
  fixture.open = await fillAndSendAsk(page, t, { title: unique('Diapers, size 4'), category: 'category.hygiene_medical', phone: '406 555 0113' });
  await page.close();
});

after(async () => {
  for (const c of Object.values(ctx)) await c.close().catch(() => {});
  await teardown(env);
});

async function submitEmpty(page, buttonName) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

// name: screenshot name; open(page) navigates and returns the main response.
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'home-search', path: '/?q=river' },
  { name: 'network', path: `/n/${NETWORK}` },
  { name: 'network-es', path: `/n/${NETWORK}`, context: 'spanish' },
  { name: 'ask', path: `/n/${NETWORK}/ask` },
  { name: 'ask-es', path: `/n/${NETWORK}/ask`, context: 'spanish' },
  { name: 'ask-errors', status: 422, open: async (page) => { await page.goto(`/n/${NETWORK}/ask`); return submitEmpty(page, t('ask.submit')); } },
  { name: 'offer', path: `/n/${NETWORK}/offer` },
  { name: 'ride', path: `/n/${NETWORK}/ride` },
  { name: 'browse', path: `/n/${NETWORK}/browse` },
  { name: 'browse-filtered', path: `/n/${NETWORK}/browse?kind=request&category=food` },
  { name: 'post', path: () => `/p/${fixture.open.id}` },
  { name: 'post-new', path: () => `${fixture.open.managePath}?new=1` },
  { name: 'post-private', path: () => fixture.managePath },
  { name: 'post-edit', path: () => `${fixture.managePath}/edit` },
  { name: 'claim', path: () => `/p/${fixture.open.id}/claim` },
  { name: 'claim-errors', status: 422, open: async (page) => { await page.goto(`/p/${fixture.open.id}/claim`); return submitEmpty(page, t('claim.submit')); } },
  { name: 'volunteer', path: () => `${fixture.volunteerPath}?new=1` },
  { name: 'organize-signin', status: 401, path: `/n/${NETWORK}/organize` },
  { name: 'organize', context: 'organizer', path: `/n/${NETWORK}/organize`, open: async (page) => { await organizerSignIn(page, env.server.session, t); return null; } },
  { name: 'organize-intake', context: 'organizer', path: `/n/${NETWORK}/organize/intake` },
  // Signed in (status given: the weight check reads pages anonymously).
  { name: 'admin', context: 'organizer', status: 200, path: `/n/${NETWORK}/admin` },
  { name: 'join', path: `/n/${NETWORK}/join` },
  { name: 'flyer', path: `/n/${NETWORK}/flyer` },
  { name: 'account-sign-up', path: '/account/sign-up' },
  { name: 'account-sign-up-es', path: '/account/sign-up', context: 'spanish' },
  { name: 'account-sign-in', path: '/account/sign-in' },
  { name: 'account-forgot', path: '/account/forgot' },
  { name: 'not-found', status: 404, path: '/n/no-such-network' },
  { name: 'directory', path: '/directory' },
  { name: 'directory-es', path: '/directory', context: 'spanish' },
];

const pathOf = (p) => (typeof p.path === 'function' ? p.path() : p.path);

for (const spec of PAGES) {
  describe(`page ${spec.name}`, () => {
    let page;
    let status = null;
    let openError = null;
    before(async () => {
      page = await newPage(ctx[spec.context ?? 'visitor']);
      try {
        const response = spec.open ? await spec.open(page) : await page.goto(pathOf(spec));
        status = response ? response.status() : 200;
        await page.waitForLoadState('load');
      } catch (error) { openError = error; }
    });
    after(async () => { await page?.close(); });

    // Every check needs the page itself, not an error page in its place.
    const opened = () => {
      if (openError) throw openError;
      assert.equal(status, spec.status ?? 200, `${page.url()} answered ${status}`);
    };

    test(`${spec.name}: loads (status ${spec.status ?? 200})`, () => {
      opened();
      assert.deepEqual(page.errors, [], 'no script errors');
    });

    test(`${spec.name}: axe at 1280 and 360 px`, async () => {
      opened();
      await checkAxe(env.AxeBuilder, page, `${spec.name} at 1280 px`);
      await page.setViewportSize({ width: 360, height: 800 });
      try { await checkAxe(env.AxeBuilder, page, `${spec.name} at 360 px`); } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    });

    test(`${spec.name}: screenshots ${spec.name}-360.png and ${spec.name}-1280.png; fits 360 px`, async () => {
      opened();
      await screenshots(page, spec.name);
      await page.setViewportSize({ width: 360, height: 800 });
      try {
        const overflow = await horizontalOverflow(page);
        assert.ok(overflow <= 0, `${spec.name} is ${overflow} px wider than a 360 px screen (see ${OUTPUT}/${spec.name}-360.png)`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    });
  });
}

const KB = 1024;

test('weight: the network home page HTML is at most 30 KB', async () => {
  const weight = await measureWeight(ctx.visitor, `/n/${NETWORK}`);
  assert.equal(weight.status, 200, 'the network home page loads');
  assert.ok(weight.html <= 30 * KB, `the network home page's HTML is ${weight.html} bytes (> 30 KB)`);
});

test('weight: no page loads more than 200 KB (map tiles excluded) or anything from other hosts', async () => {
  const over = [];
  const foreign = [];
  const measured = [];
  for (const spec of PAGES.filter((p) => p.path && !p.status)) {
    const context = ctx[spec.context ?? 'visitor'];
    const before = context.foreign.length;
    const weight = await measureWeight(context, pathOf(spec));
    if (weight.status !== 200) { over.push(`${spec.name} (${pathOf(spec)}): answered ${weight.status}`); continue; }
    measured.push(`${spec.name}: ${weight.total} B (HTML ${weight.html} B; ${weight.wire} B on the wire, ${weight.items.length} responses)`);
    if (weight.total > 200 * KB) {
      over.push(`${spec.name} (${pathOf(spec)}): ${weight.total} bytes: ` +
        weight.items.sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((i) => `${new URL(i.url).pathname} ${i.bytes}`).join(', '));
    }
    foreign.push(...context.foreign.slice(before).map((u) => `${spec.name}: ${u}`));
  }
  console.log(`page weights:\n  ${measured.join('\n  ')}`);
  assert.deepEqual(over, [], `pages over 200 KB or not loading:\n${over.join('\n')}`);
  assert.deepEqual(foreign, [], 'requests to hosts other than Gapfill (tiles excepted)');
});
