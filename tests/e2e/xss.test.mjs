// Requirement 5: stored-XSS payloads in every text field are shown as text and run
// nothing, on the post page, the browse page and the organizer queue. JavaScript is
// on (so a payload could run); every page records dialogs and script errors.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, newContext, newPage, strings, NETWORK } from './support.mjs';
import { visit, organizerSignIn, findInQueue, openFromBrowse, NEW_PRIVATE_PAGE } from './flows.mjs';

const t = strings('en');
let env;
let poster, volunteer, organizer;
const pages = [];

// One payload per field, each with its own marker, so a failure names the field.
// It breaks out of attributes and text and tries three ways to run script.
const SALT = Date.now().toString(36);
const payload = (field) => `"'><img src=x id=xss-${field} onerror=alert('${field}')><script>alert("${field}")</script>${SALT}`;

async function page(context) {
  const p = await newPage(context);
  pages.push(p);
  return p;
}

// Nothing ran and nothing was injected on the page as it is now.
async function nothingInjected(p, where) {
  const injected = await p.evaluate(() => [
    ...document.querySelectorAll('[id^="xss-"], img[src="x"], svg[onload], iframe'),
    ...[...document.scripts].filter((s) => /alert\(/.test(s.textContent)),
  ].map((e) => e.outerHTML.slice(0, 120)));
  assert.deepEqual(injected, [], `elements injected on ${where} (${p.url()})`);
  assert.deepEqual(p.dialogs, [], `dialogs opened on ${where}`);
}

// The literal payload is visible as text.
async function shownAsText(p, field, where) {
  const text = payload(field);
  const found = p.getByText(text, { exact: false });
  try {
    await found.first().waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    assert.fail(`the ${field} payload is not shown as text on ${where} (${p.url()})`);
  }
}

const fields = {};

before(async () => {
  env = await setup();
  poster = await newContext(env.browser, env.server, { locale: 'en-US' });
  volunteer = await newContext(env.browser, env.server, { locale: 'en-US' });
  organizer = await newContext(env.browser, env.server, { locale: 'en-US' });
});

after(async () => {
  for (const c of [poster, volunteer, organizer]) await c?.close().catch(() => {});
  await teardown(env);
});

test('ask: title, details, place and contact name are stored and shown as text', async () => {
  const p = await page(poster);
  await visit(p, `/n/${NETWORK}/ask`);
  await p.getByLabel(t('ask.title_label'), { exact: true }).fill(payload('title'));
  await p.getByLabel(t('form.details'), { exact: true }).fill(payload('details'));
  await p.getByLabel(t('form.place'), { exact: true }).fill(payload('place'));
  await p.getByLabel(t('form.contact_name'), { exact: true }).fill(payload('name'));
  await p.getByRole('radio', { name: t('contact.email'), exact: true }).check();
  await p.getByLabel(t('form.contact_email'), { exact: true }).fill('sam@example.org');
  // First without a category: the form comes back (422) with the payloads kept, inert.
  await Promise.all([p.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 422),
    p.getByRole('button', { name: t('ask.submit'), exact: true }).click()]);
  await p.waitForLoadState('load');
  await nothingInjected(p, 'the ask form with errors');
  assert.equal(await p.getByLabel(t('ask.title_label'), { exact: true }).inputValue(), payload('title'));
  assert.equal(await p.getByLabel(t('form.details'), { exact: true }).inputValue(), payload('details'));
  assert.equal(await p.getByLabel(t('form.contact_name'), { exact: true }).inputValue(), payload('name'));
  await p.getByRole('radio', { name: t('category.food'), exact: true }).check();
  await Promise.all([p.waitForURL(NEW_PRIVATE_PAGE), p.getByRole('button', { name: t('ask.submit'), exact: true }).click()]);
  fields.ask = { id: Number(p.url().match(NEW_PRIVATE_PAGE)[1]), managePath: new URL(p.url()).pathname };
  await nothingInjected(p, 'the new post page');
  for (const f of ['title', 'details', 'place', 'name']) await shownAsText(p, f, 'the private post page');

  const pub = await page(volunteer);
  await visit(pub, `/p/${fields.ask.id}`);
  await nothingInjected(pub, 'the public post page');
  await shownAsText(pub, 'title', 'the public post page');
  const body = await pub.locator('body').innerText();
  for (const f of ['details', 'place', 'name']) assert.ok(!body.includes(payload(f)), `the ${f} is private, not on the public page`);
});

test('browse: the title is shown as text', async () => {
  assert.ok(fields.ask, 'needs the ask test');
  const p = await page(volunteer);
  await openFromBrowse(p, t, payload('title'));
  await p.goBack();
  await nothingInjected(p, 'the browse page');
  await shownAsText(p, 'title', 'the browse page');
});

test('claim: name and note are shown as text to the requester and the volunteer', async () => {
  assert.ok(fields.ask, 'needs the ask test');
  const p = await page(volunteer);
  await visit(p, `/p/${fields.ask.id}/claim`);
  await p.getByLabel(t('claim.name'), { exact: true }).fill(payload('vname'));
  await p.getByLabel(t('claim.note'), { exact: true }).fill(payload('note'));
  // Without a way to reach them: 422, the payloads kept and inert.
  await Promise.all([p.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 422),
    p.getByRole('button', { name: t('claim.submit'), exact: true }).click()]);
  await p.waitForLoadState('load');
  await nothingInjected(p, 'the claim form with errors');
  assert.equal(await p.getByLabel(t('claim.note'), { exact: true }).inputValue(), payload('note'));
  await p.getByLabel(t('form.contact_phone'), { exact: true }).fill('406 555 0177');
  await Promise.all([p.waitForURL(NEW_PRIVATE_PAGE), p.getByRole('button', { name: t('claim.submit'), exact: true }).click()]);
  await nothingInjected(p, "the volunteer's page");
  for (const f of ['title', 'details', 'place', 'name']) await shownAsText(p, f, "the volunteer's page");

  const owner = await page(poster);
  await visit(owner, fields.ask.managePath);
  await nothingInjected(owner, "the requester's private page");
  await shownAsText(owner, 'vname', "the requester's private page");
  await shownAsText(owner, 'note', "the requester's private page");
});

test('ride: pick-up and drop-off are shown as text', async () => {
  const p = await page(poster);
  await visit(p, `/n/${NETWORK}/ride`);
  await p.getByLabel(t('ride.title_label'), { exact: true }).fill(`Ride ${SALT}`);
  await p.getByLabel(t('ride.pickup'), { exact: true }).fill(payload('pickup'));
  await p.getByLabel(t('ride.dropoff'), { exact: true }).fill(payload('dropoff'));
  await p.getByRole('radio', { name: t('contact.site'), exact: true }).check();
  await Promise.all([p.waitForURL(NEW_PRIVATE_PAGE), p.getByRole('button', { name: t('ride.submit'), exact: true }).click()]);
  const id = Number(p.url().match(NEW_PRIVATE_PAGE)[1]);
  await nothingInjected(p, 'the new ride page');
  await shownAsText(p, 'pickup', 'the private ride page');
  await shownAsText(p, 'dropoff', 'the private ride page');
  const pub = await page(volunteer);
  await visit(pub, `/p/${id}`);
  await nothingInjected(pub, 'the public ride page');
  await shownAsText(pub, 'pickup', 'the public ride page');
  await shownAsText(pub, 'dropoff', 'the public ride page');
});

test('offer: title and details are shown as text', async () => {
  const p = await page(poster);
  await visit(p, `/n/${NETWORK}/offer`);
  await p.getByLabel(t('offer.title_label'), { exact: true }).fill(payload('otitle'));
  await p.getByRole('radio', { name: t('category.other'), exact: true }).check();
  await p.getByLabel(t('form.details'), { exact: true }).fill(payload('odetails'));
  await p.getByRole('radio', { name: t('contact.site'), exact: true }).check();
  await Promise.all([p.waitForURL(NEW_PRIVATE_PAGE), p.getByRole('button', { name: t('offer.submit'), exact: true }).click()]);
  const id = Number(p.url().match(NEW_PRIVATE_PAGE)[1]);
  await nothingInjected(p, 'the new offer page');
  await shownAsText(p, 'otitle', 'the private offer page');
  await shownAsText(p, 'odetails', 'the private offer page');
  const pub = await page(volunteer);
  await visit(pub, `/p/${id}`);
  await nothingInjected(pub, 'the public offer page');
  await shownAsText(pub, 'otitle', 'the public offer page');
  await openFromBrowse(pub, t, payload('otitle'));
  await pub.goBack();
  await nothingInjected(pub, 'the browse page');
  await shownAsText(pub, 'otitle', 'the browse page');
});

test('organizer intake: the fields are shown as text in the queue', async () => {
  const p = await page(organizer);
  await organizerSignIn(p, env.server.session, t);
  await visit(p, `/n/${NETWORK}/organize/intake`);
  await p.getByRole('radio', { name: t('form.kind_request'), exact: true }).check();
  await p.getByLabel(t('ask.title_label'), { exact: true }).fill(payload('ititle'));
  await p.getByRole('radio', { name: t('category.food'), exact: true }).check();
  await p.getByLabel(t('form.details'), { exact: true }).fill(payload('idetails'));
  await p.getByRole('radio', { name: t('urgency.today'), exact: true }).check();
  await p.getByLabel(t('form.place'), { exact: true }).fill(payload('iplace'));
  await p.getByRole('radio', { name: t('contact.phone'), exact: true }).check();
  await p.getByLabel(t('form.contact_name'), { exact: true }).fill(payload('iname'));
  await p.getByLabel(t('form.contact_phone'), { exact: true }).fill('406 555 0188');
  await Promise.all([p.waitForURL(NEW_PRIVATE_PAGE), p.getByRole('button', { name: t('ask.submit'), exact: true }).click()]);
  await nothingInjected(p, 'the intake result page');
  for (const f of ['ititle', 'idetails', 'iplace', 'iname']) await shownAsText(p, f, 'the intake result page');
});

test('organizer queue: every payload is shown as text, nothing runs', async () => {
  const p = await page(organizer);
  await organizerSignIn(p, env.server.session, t);
  await nothingInjected(p, 'the organizer queue');
  // The requests (the claimed ask is matched, the intake is open) are in the queue by title.
  // The organizer sees the private fields in the queue too.
  const shown = { title: ['title', 'details', 'place', 'name', 'vname'], ititle: ['ititle', 'idetails', 'iplace', 'iname'] };
  for (const [f, all] of Object.entries(shown)) {
    const entry = await findInQueue(p, payload(f));
    await nothingInjected(p, 'the organizer queue');
    for (const g of all) {
      assert.ok((await entry.innerText()).includes(payload(g)), `the ${g} payload is shown as text in the queue entry`);
    }
    await visit(p, `/n/${NETWORK}/organize`);
  }
});

test('no page opened a dialog or had a script error', () => {
  const dialogs = pages.flatMap((p) => p.dialogs.map((d) => `${p.url()}: ${d}`));
  assert.deepEqual(dialogs, []);
  const errors = pages.flatMap((p) => p.errors.map((e) => `${p.url()}: ${e}`));
  assert.deepEqual(errors, []);
});
