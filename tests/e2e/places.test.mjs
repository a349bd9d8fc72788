// The place typeahead on the ask form (web/static/app.js): suggestions come from
// this server's gazetteer only, a chosen town puts the form's point (and the
// map's pin) there, an address is never sent for suggestions, and the post
// lands at the chosen place.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, newContext, newPage, strings, unique, checkAxe, NETWORK } from './support.mjs';
import { fillAndSendAsk, visit, NEW_PRIVATE_PAGE } from './flows.mjs';

let env;
let t;
before(async () => { env = await setup(); t = strings('en'); });
after(async () => { await teardown(env); });

test('ask form: the place field suggests towns and ZIP codes and places the post', async () => {
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  try {
    const page = await newPage(context);
    const asked = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/places') asked.push(url.searchParams.get('q'));
    });
    await visit(page, `/n/${NETWORK}/ask`);
    const place = page.getByLabel(t('form.place'), { exact: true });
    const options = page.locator('datalist[id^=place-suggestions] option');

    await place.pressSequentially('Medfo', { delay: 30 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('datalist option')].some((o) => o.value === 'Medford, OR'));
    assert.ok((await options.count()) >= 2, 'several Medfords are offered');

    // Choosing a suggestion puts the point there.
    await place.fill('Medford, OR');
    await page.waitForFunction(() => document.querySelector('[data-geo=lat]').value !== '');
    const lat = Number(await page.locator('[data-geo=lat]').inputValue());
    const lon = Number(await page.locator('[data-geo=lon]').inputValue());
    assert.ok(Math.abs(lat - 42.33) < 0.05 && Math.abs(lon + 122.87) < 0.05, `${lat},${lon}`);

    // Typing something else takes the point back; an address is never sent.
    await place.fill('');
    await place.pressSequentially('12 Elm St', { delay: 20 });
    await page.waitForTimeout(400);
    assert.equal(await page.locator('[data-geo=lat]').inputValue(), '');
    assert.ok(!asked.some((q) => /\d/.test(q) && /[a-z]/i.test(q)), `sent: ${asked.join(' | ')}`);

    // A ZIP code is suggested, and the post is placed where it names.
    await place.fill('');
    await place.pressSequentially('5980', { delay: 30 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('datalist option')].some((o) => o.value === '59801 Missoula, MT'));
    const posted = await fillAndSendAsk(page, t, {
      title: unique('Groceries'), place: 'Lolo, MT', name: 'Ana', phone: '406-555-0123',
    });
    const body = await (await page.request.get(`/api/v1/posts/${posted.id}`)).json();
    assert.ok(Math.abs(body.location.lat - 46.76) < 0.05, JSON.stringify(body.location));
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.consoleErrors, []);
    assert.deepEqual(context.foreign, []);
  } finally {
    await context.close();
  }
});

test('ask form: a place outside the area is said so, and sent here when sent again', async () => {
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  try {
    const page = await newPage(context);
    await visit(page, `/n/${NETWORK}/ask`);
    const title = unique('Groceries far away');
    await page.getByLabel(t('ask.title_label'), { exact: true }).fill(title);
    await page.getByRole('radio', { name: t('category.food'), exact: true }).check();
    await page.getByLabel(t('form.place'), { exact: true }).fill('Medford, OR');
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: t('ask.submit'), exact: true }).click(),
    ]);
    const notice = page.locator('#outside-area');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Medford, OR looks outside the area/);
    assert.equal(await page.getByLabel(t('ask.title_label'), { exact: true }).inputValue(), title);
    await checkAxe(env.AxeBuilder, page, 'the out-of-area notice');
    await Promise.all([
      page.waitForURL(NEW_PRIVATE_PAGE),
      page.getByRole('button', { name: /^Send it to / }).click(),
    ]);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await context.close();
  }
});
