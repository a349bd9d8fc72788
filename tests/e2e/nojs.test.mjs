// Requirement 3: asking and claiming work with JavaScript turned off.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, newContext, newPage, strings, unique, NETWORK } from './support.mjs';
import { askFromNetworkHome, openFromBrowse, claim, postStatus, waitForText, NEW_PRIVATE_PAGE } from './flows.mjs';

let env;
let t;
before(async () => { env = await setup(); t = strings('en'); });
after(async () => { await teardown(env); });

const noJs = { javaScriptEnabled: false, locale: 'en-US' };

test('without JavaScript: ask, find on browse, claim; both private pages work', async () => {
  const requester = await newContext(env.browser, env.server, noJs);
  const volunteer = await newContext(env.browser, env.server, noJs);
  try {
    const title = unique('Winter coat, size M');
    const ask = await newPage(requester);
    const posted = await askFromNetworkHome(ask, t, {
      title, category: 'category.clothing', urgency: 'urgency.week', details: 'Warm, any colour.',
      place: 'Eastside', name: 'Ana', phone: '406-555-0123',
    });
    // The private link is there as text; the copy button needs JavaScript and is hidden.
    assert.ok(await ask.locator('#private-link').isVisible());
    assert.equal(await ask.getByRole('button', { name: t('post.copy_link') }).isVisible(), false,
      'the copy button (JavaScript only) is hidden without JavaScript');
    assert.equal(await postStatus(ask), t('status.open'));

    const find = await newPage(volunteer);
    await openFromBrowse(find, t, title);
    await claim(find, t, { name: 'Lee', email: 'lee@example.org', note: 'Have one.' });
    assert.equal(await postStatus(find), t('status.matched'));
    await waitForText(find.locator('main'), /406-555-0123/);

    await ask.goto(posted.managePath);
    assert.equal(await postStatus(ask), t('status.matched'));
    await waitForText(ask.locator('main'), /Lee/);

    // The volunteer can mark it done without JavaScript too.
    const volunteerPath = new URL(find.url()).pathname;
    await find.goto(volunteerPath);
    await Promise.all([
      find.waitForLoadState('domcontentloaded'),
      find.getByRole('button', { name: t('post.complete'), exact: true }).click(),
    ]);
    await ask.goto(posted.managePath);
    assert.equal(await postStatus(ask), t('status.fulfilled'));
  } finally {
    await Promise.all([requester.close(), volunteer.close()]);
  }
});

test('without JavaScript: a form with mistakes comes back with the typed values and the errors beside the fields', async () => {
  const context = await newContext(env.browser, env.server, noJs);
  try {
    const page = await newPage(context);
    await page.goto(`/n/${NETWORK}/ask`);
    // No title, and a phone contact without a phone number.
    await page.getByLabel(t('form.details'), { exact: true }).fill('Kept details');
    await page.getByLabel(t('form.place'), { exact: true }).fill('Kept place');
    await page.getByRole('radio', { name: t('contact.phone'), exact: true }).check();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: t('ask.submit'), exact: true }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState('domcontentloaded');
    assert.ok(await page.locator('#errors').isVisible(), 'the summary of errors is shown');
    assert.ok(await page.locator('#title-error').isVisible(), 'the error is beside the title');
    assert.equal(await page.getByLabel(t('ask.title_label'), { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel(t('form.details'), { exact: true }).inputValue(), 'Kept details');
    assert.equal(await page.getByLabel(t('form.place'), { exact: true }).inputValue(), 'Kept place');
    assert.ok(await page.getByRole('radio', { name: t('contact.phone'), exact: true }).isChecked());
    // The summary links to the fields.
    await page.locator('#errors a[href="#title"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'title');

    // Fixed, it goes through.
    await page.getByLabel(t('ask.title_label'), { exact: true }).fill(unique('Soup'));
    await page.getByRole('radio', { name: t('category.food'), exact: true }).check();
    await page.getByLabel(t('form.contact_phone'), { exact: true }).fill('406 555 0150');
    await Promise.all([page.waitForURL(NEW_PRIVATE_PAGE), page.getByRole('button', { name: t('ask.submit'), exact: true }).click()]);
  } finally {
    await context.close();
  }
});

test('without JavaScript: ask for a ride and offer help', async () => {
  const context = await newContext(env.browser, env.server, noJs);
  try {
    const page = await newPage(context);
    await page.goto(`/n/${NETWORK}/ride`);
    await page.getByLabel(t('ride.title_label'), { exact: true }).fill(unique('Ride to the clinic'));
    await page.getByLabel(t('ride.pickup'), { exact: true }).fill('Westside');
    await page.getByLabel(t('ride.dropoff'), { exact: true }).fill('Community clinic');
    await page.getByLabel(t('ride.passengers'), { exact: true }).fill('2');
    await page.getByRole('checkbox', { name: t('ride.return_trip'), exact: true }).check();
    await page.getByRole('checkbox', { name: t('need.wheelchair'), exact: true }).check();
    await page.getByRole('radio', { name: t('contact.site'), exact: true }).check();
    await Promise.all([page.waitForURL(NEW_PRIVATE_PAGE), page.getByRole('button', { name: t('ride.submit'), exact: true }).click()]);
    await waitForText(page.locator('main'), /Community clinic/);

    await page.goto(`/n/${NETWORK}/offer`);
    await page.getByLabel(t('offer.title_label'), { exact: true }).fill(unique('Two hours of yard work'));
    await page.getByRole('radio', { name: t('category.labour'), exact: true }).check();
    await page.getByLabel(t('form.quantity'), { exact: true }).fill('2');
    await page.getByRole('radio', { name: t('contact.email'), exact: true }).check();
    await page.getByLabel(t('form.contact_email'), { exact: true }).fill('helper@example.org');
    await Promise.all([page.waitForURL(NEW_PRIVATE_PAGE), page.getByRole('button', { name: t('offer.submit'), exact: true }).click()]);
    assert.equal(await postStatus(page), t('status.open'));
  } finally {
    await context.close();
  }
});
