// Requirement 1 (English) and 2 (Spanish): a requester asks for help, a volunteer
// finds it on the browse page and claims it, the organizer sees it in the queue
// and marks it done, and the requester's private link shows it fulfilled. On
// the way the requester writes to the helper through the contact relay.
// Every person has their own browser context (their own cookies).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, newContext, newPage, strings, unique, NETWORK } from './support.mjs';
import {
  askFromNetworkHome, openFromBrowse, claim, organizerSignIn, queueEntry, findInQueue,
  postStatus, htmlLang, waitForText,
} from './flows.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await teardown(env); });

async function wholeFlow(lang, contextOptions) {
  const t = strings(lang);
  const { browser, server } = env;
  const requester = await newContext(browser, server, contextOptions);
  const volunteer = await newContext(browser, server, contextOptions);
  const organizer = await newContext(browser, server, contextOptions);
  try {
    const title = unique(lang === 'es' ? 'Comida para la semana' : 'Groceries for the week');
    const ask = await newPage(requester);
    const posted = await askFromNetworkHome(ask, t, {
      title, details: 'Two bags, no pork please.', place: 'Near the Northside library',
      name: 'Sam', phone: '+1 406 555 0100',
    });
    assert.equal(await htmlLang(ask), lang);
    assert.equal(await postStatus(ask), t('status.open'));

    // The volunteer finds it on the browse page and claims it.
    const find = await newPage(volunteer);
    await openFromBrowse(find, t, title);
    assert.equal(new URL(find.url()).pathname, `/p/${posted.id}`);
    assert.equal(await htmlLang(find), lang);
    assert.equal(await postStatus(find), t('status.open'));
    await claim(find, t, { name: 'Robin', phone: '+1 406 555 0199', note: 'I can come at six.' });
    assert.equal(await postStatus(find), t('status.matched'));
    // The helper now sees how to reach the requester.
    await waitForText(find.locator('main'), /Sam/);
    await waitForText(find.locator('main'), /406 555 0100/);

    // The requester sees who is helping.
    await ask.goto(posted.managePath);
    assert.equal(await postStatus(ask), t('status.matched'));
    await waitForText(ask.locator('main'), /Robin/);

    // They talk through the site: the requester writes, the helper reads it on their link.
    const message = lang === 'es' ? 'Nos vemos a las seis' : 'See you at six';
    await ask.getByLabel(t('relay.reply_label'), { exact: true }).fill(message);
    await Promise.all([
      ask.waitForURL(/done=sent/),
      ask.getByRole('button', { name: t('relay.send'), exact: true }).click(),
    ]);
    await ask.getByRole('status').filter({ hasText: t('relay.done_sent') }).waitFor();
    await find.reload();
    await waitForText(find.locator('main .thread'), new RegExp(message));

    // The organizer sees it in the queue and marks it done.
    const org = await newPage(organizer);
    await organizerSignIn(org, server.session, t);
    assert.equal(await htmlLang(org), lang);
    const entry = await findInQueue(org, title);
    await waitForText(entry, new RegExp(t('status.matched')));
    await Promise.all([
      org.waitForLoadState('domcontentloaded'),
      entry.getByRole('button', { name: t('post.complete'), exact: true }).click(),
    ]);
    await org.getByRole('status').filter({ hasText: t('organize.done_completed') }).waitFor();
    assert.equal(await queueEntry(org, title).getByRole('button', { name: t('post.complete'), exact: true }).count(), 0,
      'after "Mark as done" the request no longer offers "Mark as done" in the queue');

    // The requester's private link shows it fulfilled; so does the public page.
    await ask.goto(posted.managePath);
    assert.equal(await postStatus(ask), t('status.fulfilled'));
    await find.goto(`/p/${posted.id}`);
    assert.equal(await postStatus(find), t('status.fulfilled'));
    assert.equal(await find.getByRole('link', { name: t('post.claim'), exact: true }).count(), 0, 'a fulfilled request cannot be claimed');

    for (const page of [ask, find, org]) {
      assert.deepEqual(page.errors, [], `no script errors on ${page.url()}`);
    }
  } finally {
    await Promise.all([requester.close(), volunteer.close(), organizer.close()]);
  }
}

test('English: ask, find on browse, claim, organizer marks done, requester sees it done', async () => {
  await wholeFlow('en', { locale: 'en-US' });
});

test('Spanish (browser locale es): the same flow, every page in Spanish', async () => {
  await wholeFlow('es', { locale: 'es-ES' });
});

test('the language links switch the page and the choice is remembered', async () => {
  const en = strings('en');
  const es = strings('es');
  const context = await newContext(env.browser, env.server, { locale: 'en-US' });
  try {
    const page = await newPage(context);
    await page.goto(`/n/${NETWORK}/ask`);
    assert.equal(await htmlLang(page), 'en');
    const languages = () => page.getByRole('navigation', { name: en('layout.languages') });
    await Promise.all([
      page.waitForURL(new RegExp(`/n/${NETWORK}/ask$`)),
      languages().getByRole('link', { name: es('language.name'), exact: true }).click(),
    ]);
    assert.equal(await htmlLang(page), 'es', 'the switch goes back to the same page, in Spanish');
    await page.getByRole('heading', { level: 1, name: es('ask.heading') }).waitFor();
    const cookies = await context.cookies();
    assert.ok(cookies.some((c) => c.value === 'es'), `a cookie remembers the choice: ${JSON.stringify(cookies)}`);

    // Remembered on other pages, although the browser asks for English.
    await page.goto('/');
    assert.equal(await htmlLang(page), 'es');
    await page.goto(`/n/${NETWORK}`);
    assert.equal(await htmlLang(page), 'es');
    await page.getByRole('main').getByRole('link', { name: es('layout.ask'), exact: true }).waitFor();

    // And back to English.
    const spanishNav = page.getByRole('navigation', { name: es('layout.languages') });
    await Promise.all([
      page.waitForURL(new RegExp(`/n/${NETWORK}$`)),
      spanishNav.getByRole('link', { name: en('language.name'), exact: true }).click(),
    ]);
    assert.equal(await htmlLang(page), 'en');
    await page.goto(`/n/${NETWORK}/offer`);
    assert.equal(await htmlLang(page), 'en');
  } finally {
    await context.close();
  }
});

test('a Spanish browser (Accept-Language es) gets Spanish pages without choosing', async () => {
  const es = strings('es');
  const context = await newContext(env.browser, env.server, { locale: 'es', extraHTTPHeaders: { 'Accept-Language': 'es' } });
  try {
    const page = await newPage(context);
    for (const path of ['/', `/n/${NETWORK}`, `/n/${NETWORK}/ask`, `/n/${NETWORK}/browse`]) {
      await page.goto(path);
      assert.equal(await htmlLang(page), 'es', `${path} is in Spanish`);
    }
    await page.goto(`/n/${NETWORK}/ask`);
    await page.getByRole('heading', { level: 1, name: es('ask.heading') }).waitFor();
  } finally {
    await context.close();
  }
});
