// The ask and offer forms' "Languages" and "How far" fields in a real browser:
// labelled controls a person can reach by their names, what is chosen lands
// on the post (API and page), the forms pass axe and fit 360 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, teardown, newContext, newPage, strings, unique, checkAxe, horizontalOverflow, NETWORK,
} from './support.mjs';
import { fillAndSendAsk, visit } from './flows.mjs';

let env;
let t;
before(async () => { env = await setup(); t = strings('en'); });
after(async () => { await teardown(env); });

test('ask form: languages and how far reach the post', async () => {
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  try {
    const page = await newPage(context);
    await visit(page, `/n/${NETWORK}/ask`);
    await checkAxe(env.AxeBuilder, page, 'ask form with languages and distance');
    await page.setViewportSize({ width: 360, height: 800 });
    assert.equal(await horizontalOverflow(page), 0, 'the ask form fits 360 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    const languages = page.getByRole('group', { name: t('post_fields.request.languages') });
    await languages.getByRole('checkbox', { name: 'Español', exact: true }).check();
    await page.getByLabel(t('post_fields.language_other'), { exact: true }).selectOption('ti');
    await page.getByLabel(t('post_fields.request.distance'), { exact: true }).selectOption('10');
    const posted = await fillAndSendAsk(page, t, {
      title: unique('Help reading letters'), name: 'Ana', phone: '406-555-0123',
    });

    const body = await (await page.request.get(`/api/v1/posts/${posted.id}`)).json();
    assert.deepEqual(body.languages, ['es', 'ti']);
    assert.equal(body.max_distance_km, 10);

    await visit(page, `/p/${posted.id}`);
    const facts = page.locator('main dl').first();
    assert.match(await facts.innerText(), new RegExp(`${t('post_fields.request.languages_shown')}\\s+Español, ትግርኛ`));
    assert.match(await facts.innerText(), /Up to 10 km/);
    await checkAxe(env.AxeBuilder, page, 'post page with languages and distance');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('offer form: asks how far the helper will travel', async () => {
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  try {
    const page = await newPage(context);
    await visit(page, `/n/${NETWORK}/offer`);
    await page.getByLabel(t('post_fields.offer.distance'), { exact: true }).waitFor();
    await page.getByRole('group', { name: t('post_fields.offer.languages') }).waitFor();
    await checkAxe(env.AxeBuilder, page, 'offer form with languages and distance');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.consoleErrors, []);
  } finally {
    await context.close();
  }
});
