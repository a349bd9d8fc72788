// The steps people take, shared by the English, Spanish and no-JavaScript tests.
// `t` is a catalogue lookup (support.strings(lang)); locators go by role and
// label, which also checks that every field has its label.

import assert from 'node:assert/strict';
import { NETWORK, privateLinkPath } from './support.mjs';

export const NEW_PRIVATE_PAGE = /\/p\/(\d+)\/k\/([^/?#]+)\?new=1$/;

// Polls until the locator's text matches, then returns it.
export async function waitForText(locator, pattern, ms = 10_000) {
  const until = Date.now() + ms;
  let text = '';
  for (;;) {
    try { text = await locator.innerText({ timeout: 1_000 }); } catch { text = '<not found>'; }
    if (pattern.test(text)) return text;
    if (Date.now() > until) assert.fail(`expected ${pattern} in ${locator}, got: ${text.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

// The post's status line (Open, Someone is helping, Done, Closed).
export async function postStatus(page) {
  return (await page.locator('main .status').innerText()).trim();
}

// Goes to a page and fails at once, naming the status, if it is not 200.
export async function visit(page, path) {
  const response = await page.goto(path);
  assert.equal(response?.status(), 200, `GET ${path} answered ${response?.status()}`);
  return response;
}

// Fills and sends the ask form the page is on; returns { id, managePath }.
export async function fillAndSendAsk(page, t, r) {
  await page.getByLabel(t('ask.title_label'), { exact: true }).fill(r.title);
  await page.getByRole('radio', { name: t(r.category ?? 'category.food'), exact: true }).check();
  await page.getByLabel(t('form.details'), { exact: true }).fill(r.details ?? '');
  await page.getByRole('radio', { name: t(r.urgency ?? 'urgency.today'), exact: true }).check();
  await page.getByLabel(t('form.place'), { exact: true }).fill(r.place ?? '');
  await page.getByRole('radio', { name: t('contact.phone'), exact: true }).check();
  await page.getByLabel(t('form.contact_name'), { exact: true }).fill(r.name ?? '');
  await page.getByLabel(t('form.contact_phone'), { exact: true }).fill(r.phone ?? '');
  await Promise.all([
    page.waitForURL(NEW_PRIVATE_PAGE),
    page.getByRole('button', { name: t('ask.submit'), exact: true }).click(),
  ]);
  const [, id] = page.url().match(NEW_PRIVATE_PAGE);
  await page.getByRole('heading', { name: t('post.created_heading') }).waitFor();
  const managePath = await privateLinkPath(page);
  assert.equal(managePath, new URL(page.url()).pathname, 'the link to keep is the private page itself');
  return { id: Number(id), managePath };
}

// From the network home page, "I need help", then the form.
export async function askFromNetworkHome(page, t, r) {
  await visit(page, `/n/${NETWORK}`);
  await Promise.all([
    page.waitForURL(new RegExp(`/n/${NETWORK}/ask$`)),
    page.getByRole('main').getByRole('link', { name: t('layout.ask'), exact: true }).click(),
  ]);
  return fillAndSendAsk(page, t, r);
}

// On the browse page, follows the listing (and its next pages) to the post titled `title`.
export async function openFromBrowse(page, t, title) {
  await visit(page, `/n/${NETWORK}`);
  await Promise.all([
    page.waitForURL(new RegExp(`/n/${NETWORK}/browse`)),
    page.getByRole('main').getByRole('link', { name: t('layout.browse'), exact: true }).click(),
  ]);
  for (let pages = 0; pages < 20; pages++) {
    const link = page.getByRole('main').getByRole('link', { name: title, exact: true });
    if (await link.count() > 0) {
      await Promise.all([page.waitForURL(/\/p\/\d+$/), link.first().click()]);
      return;
    }
    const next = page.locator('main a[rel=next]');
    if (await next.count() === 0) break;
    await Promise.all([page.waitForLoadState('domcontentloaded'), next.first().click()]);
  }
  assert.fail(`"${title}" is not listed on the browse page (${page.url()})`);
}

// On a post's public page: "I can help with this", then the claim form. Returns the volunteer's private path.
export async function claim(page, t, v) {
  await Promise.all([
    page.waitForURL(/\/p\/\d+\/claim$/),
    page.getByRole('link', { name: t('post.claim'), exact: true }).click(),
  ]);
  await page.getByLabel(t('claim.name'), { exact: true }).fill(v.name);
  if (v.phone) await page.getByLabel(t('form.contact_phone'), { exact: true }).fill(v.phone);
  if (v.email) await page.getByLabel(t('form.contact_email'), { exact: true }).fill(v.email);
  if (v.note) await page.getByLabel(t('claim.note'), { exact: true }).fill(v.note);
  await Promise.all([
    page.waitForURL(NEW_PRIVATE_PAGE),
    page.getByRole('button', { name: t('claim.submit'), exact: true }).click(),
  ]);
  await page.getByRole('heading', { name: t('post.claimed_heading') }).waitFor();
  return privateLinkPath(page);
}

// Opens the organizer dashboard as the network's admin: the session of the
// account that redeemed the organizer key (see support.mjs), as a cookie.
export async function organizerSignIn(page, session, t) {
  if (page.url() === 'about:blank') await visit(page, `/n/${NETWORK}`);
  const origin = new URL(page.url()).origin;
  await page.context().addCookies([{ name: 'gf_session', value: session, url: origin, httpOnly: true, sameSite: 'Lax' }]);
  await visit(page, `/n/${NETWORK}/organize`);
  assert.equal(await page.locator('main input[name=key]').count(), 0,
    `the dashboard opens for the admin's session (${page.url()})`);
  void t;
}

// The queue entry of a request (a list item in main), found by its title.
export function queueEntry(page, title) {
  return page.locator('main li').filter({ hasText: title });
}

// Goes through the queue's pages until the entry of `title` is there; returns it.
export async function findInQueue(page, title) {
  for (let pages = 0; pages < 20; pages++) {
    const entry = queueEntry(page, title);
    if (await entry.count() > 0) return entry.last();
    const next = page.locator('main a[rel=next]');
    if (await next.count() === 0) break;
    await Promise.all([page.waitForLoadState('domcontentloaded'), next.first().click()]);
  }
  assert.fail(`"${title}" is not in the organizer queue (${page.url()})`);
}
