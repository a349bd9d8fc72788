// The account flow, end to end, as a person does it in a real browser, with the
// server sending real mail to a local SMTP sink (smtp_sink.mjs):
//   1. from the start page to "Make an account"; sign up by typing and clicking;
//   2. sign in (not yet confirmed), open the confirmation link from the mail,
//      press its button: the account page says the address is confirmed;
//   3. sign out, sign in again, download "my data": JSON with the address;
//   4. forgot password: the link from the mail, a new password; the old one
//      fails with a clear message, the new one works;
//   5. delete the account (password to confirm; a wrong one deletes nothing);
//      signing in then fails.
// Every page on the way: the expected status, no script or console error
// (Chromium reports refused Content-Security-Policy loads as console errors),
// the CSP header, axe at 1280 and 360 px, nothing wider than 360 px, a
// screenshot (account-*.png), no request to another host.
//
// The address signs in 7 times, under the default account_sign_in limit (10 in
// 15 minutes per address). Steps run in order on one browser context; after a failed step the later
// ones are skipped, naming the step that failed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  setup, teardown, newContext, newPage, strings, checkAxe, screenshots, horizontalOverflow, OUTPUT,
} from './support.mjs';
import { waitForText } from './flows.mjs';
import { startSmtpSink } from './smtp_sink.mjs';

const t = strings('en');
const EMAIL = `e2e-${Date.now().toString(36)}@example.org`;
const PASSWORD = 'a quiet river in spring';
const NEW_PASSWORD = 'seven green lanterns glow';
const FROM = 'aid@example.org';

let sink;
let env;
let context;
let page;
const checked = [];   // the pages that passed the checks, for the log

before(async () => {
  sink = await startSmtpSink();
  try {
    env = await setup({
      config: `[mail]\nsmtp_url = "${sink.url}"\nfrom = "${FROM}"\nrequire_tls = false\n`,
    });
  } catch (error) {
    await sink.stop();
    throw error;
  }
  context = await newContext(env.browser, env.server, { locale: 'en-US', acceptDownloads: true });
  page = await newPage(context);
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document' && r.frame() === page.mainFrame()) documents.push(r);
  });
});

after(async () => {
  if (checked.length) console.log(`pages checked: ${checked.join(', ')}`);
  await context?.close().catch(() => {});
  await teardown(env);
  await sink?.stop();
});

// Runs the steps in order; once one fails, the rest are skipped with its name.
let failed = null;
function step(name, body) {
  test(name, async (t) => {
    if (failed) { t.skip(`skipped: the step "${failed}" failed`); return; }
    try { await body(t); } catch (error) {
      failed = name;
      if (env?.server?.stderr) error.message += `\nserver stderr (last lines):\n${env.server.stderr.slice(-2000)}`;
      throw error;
    }
  });
}

// The checks every page of the flow passes (the same as pages.test.mjs applies,
// plus console errors and the CSP header). `response` is the document's response
// (after any redirect); `name` names the screenshot. Script and console errors
// count since the previous check; Chromium logs a console error for a document
// answered 4xx, which is expected when `status` says so.
async function checkPage(name, response, status = 200) {
  await page.waitForLoadState('load');
  assert.ok(response, `${name}: a response`);
  assert.equal(response.status(), status, `${name}: ${page.url()} answered ${response.status()}`);
  const csp = (await response.allHeaders())['content-security-policy'] ?? '';
  assert.match(csp, /frame-ancestors 'none'/, `${name}: a Content-Security-Policy with frame-ancestors 'none'`);
  assert.match(csp, /script-src/, `${name}: the Content-Security-Policy says where scripts may come from`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${name}: the Content-Security-Policy allows no inline script`);
  const ownStatus = `the server responded with a status of ${status} `;
  const consoleErrors = page.consoleErrors.filter((e) => !(status >= 400 && e.includes(ownStatus)));
  page.consoleErrors.length = 0;
  assert.deepEqual(page.errors, [], `${name}: no script errors`);
  assert.deepEqual(consoleErrors, [], `${name}: no console errors`);
  assert.deepEqual(page.dialogs, [], `${name}: no dialogs`);
  assert.deepEqual(context.foreign, [], `${name}: no requests to other hosts`);
  await buttonsBelowFields(name);
  await checkAxe(env.AxeBuilder, page, `${name} at 1280 px`);
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    await checkAxe(env.AxeBuilder, page, `${name} at 360 px`);
    const overflow = await horizontalOverflow(page);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than a 360 px screen (see ${OUTPUT}/account-${name}-360.png)`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await screenshots(page, `account-${name}`);
  checked.push(name);
}

// Every main-frame document response of the page, in order (redirects too).
const documents = [];
const isFinal = (r) => r.status() < 300 || r.status() >= 400;

// Clicks `locator`, waits for the navigation it starts to end (after any
// redirect) at a URL matching `url`, and returns that document's response.
async function clickTo(locator, url, ms = 15_000) {
  const seen = documents.length;
  await locator.click();
  const until = Date.now() + ms;
  while (!documents.slice(seen).some(isFinal)) {
    if (Date.now() > until) assert.fail(`clicking ${locator} loaded no page within ${ms} ms (at ${page.url()})`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.waitForURL(url);
  await page.waitForLoadState('load');
  return documents.slice(seen).filter(isFinal).at(-1);
}

// At 1280 px, each account form's submit button sits below its last field, not
// beside it as if it belonged to that field (search boxes elsewhere are a row on purpose).
async function buttonsBelowFields(name) {
  const beside = await page.evaluate(() => [...document.querySelectorAll('main form[action^="/account"]')].flatMap((form) => {
    const fields = [...form.querySelectorAll('input:not([type=hidden]), select, textarea')];
    const submit = form.querySelector('button[type=submit]');
    if (!fields.length || !submit) return [];
    const last = fields.at(-1).getBoundingClientRect();
    return submit.getBoundingClientRect().top >= last.bottom - 1 ? [] : [form.getAttribute('action')];
  }));
  assert.deepEqual(beside, [], `${name}: the submit button of these forms is beside the last field, not below it`);
}

// The field's accessible description names its error (screen readers read it on focus).
async function describedByError(locator, errorId) {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  assert.ok(ids.includes(errorId), `the field is described by #${errorId} (aria-describedby="${ids.join(' ')}")`);
  assert.equal(await locator.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
}

const button = (key) => page.getByRole('button', { name: t(key), exact: true });
const link = (key) => page.getByRole('main').getByRole('link', { name: t(key), exact: true });
const field = (label) => page.getByLabel(label, { exact: true });
const heading = (key) => page.getByRole('heading', { level: 1, name: t(key), exact: true });

// The one link to this server in a mail's text.
function linkIn(mail, pathPrefix) {
  const found = mail.body.match(/https?:\/\/\S+/g) ?? [];
  const url = found.find((u) => new URL(u).pathname.startsWith(pathPrefix));
  assert.ok(url, `a ${pathPrefix} link in the mail "${mail.subject}":\n${mail.body}`);
  assert.equal(new URL(url).origin, env.server.url, 'the link points at this server');
  return url;
}

async function signIn(password) {
  await field(t('account.email')).fill(EMAIL);
  await field(t('account.password')).fill(password);
  return clickTo(button('account.signin_button'), /\/account(\/sign-in)?$/);
}

step('1. from the start page to "Make an account"; sign up by typing and clicking', async () => {
  await checkPage('home', await page.goto('/'));
  // "Your account" in the header leads to sign-in (not signed in), which offers sign-up.
  const toSignIn = await clickTo(page.getByRole('link', { name: t('layout.account'), exact: true }).first(), /\/account\/sign-in$/);
  await heading('account.signin_title').waitFor();
  await checkPage('sign-in', toSignIn);
  const toSignUp = await clickTo(link('account.signup_link'), /\/account\/sign-up$/);
  await heading('account.signup_title').waitFor();
  await checkPage('sign-up', toSignUp);

  // A too-short password comes back with the error beside the field and the address kept.
  await field(t('account.email')).fill(EMAIL);
  await field(t('account.password')).fill('short');
  const refused = await clickTo(button('account.signup_button'), /\/account\/sign-up$/);
  assert.equal(refused.status(), 422, 'a too-short password is refused with 422');
  assert.equal(await field(t('account.email')).inputValue(), EMAIL, 'the typed address is kept');
  await waitForText(page.locator('#password-error'), /10/);
  await describedByError(field(t('account.password')), 'password-error');
  await checkPage('sign-up-errors', refused, 422);

  await field(t('account.password')).fill(PASSWORD);
  const sent = await clickTo(button('account.signup_button'), /\/account\/check-email$/);
  await heading('account.check_email_title').waitFor();
  await page.getByRole('status').filter({ hasText: t('account.check_email') }).waitFor();
  await checkPage('check-email', sent);
});

let verifyLink;
step('2. the confirmation mail arrives; signed in, its link and button confirm the address', async () => {
  const mail = await sink.waitForMail((m) => m.to.includes(EMAIL));
  assert.equal(mail.from, FROM, 'the envelope sender is [mail] from');
  assert.equal(mail.subject, t('mail.verify.subject'));
  assert.equal(mail.headers.to, `<${EMAIL}>`);
  assert.doesNotMatch(mail.body, new RegExp(PASSWORD), 'the password is not in the mail');
  verifyLink = linkIn(mail, '/account/verify/');

  // Signing up again with the same address looks the same on the page (no
  // telling who has an account); the mail points to "forgot password" instead.
  const already = sink.messages.length;
  await page.goto('/account/sign-up');
  await field(t('account.email')).fill(EMAIL);
  await field(t('account.password')).fill('someone else entirely');
  await clickTo(button('account.signup_button'), /\/account\/check-email$/);
  await page.getByRole('status').filter({ hasText: t('account.check_email') }).waitFor();
  const exists = await sink.waitForMail((m) => m.to.includes(EMAIL), { after: already });
  assert.equal(exists.subject, t('mail.exists.subject'));
  linkIn(exists, '/account/forgot');

  // Sign in: the account page says the address is not confirmed yet.
  const toSignIn = await clickTo(page.getByRole('link', { name: t('layout.account'), exact: true }).first(), /\/account\/sign-in$/);
  void toSignIn;
  const signedIn = await signIn(PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/account', 'signing in leads to the account page');
  await heading('account.title').waitFor();
  await waitForText(page.getByRole('main'), new RegExp(EMAIL.replace(/[.]/g, '\\.')));
  await waitForText(page.getByRole('main'), new RegExp(t('account.unverified').replace(/[.?]/g, '\\$&')));
  await button('account.resend_button').waitFor();
  await checkPage('account-unconfirmed', signedIn);

  // Opening the link changes nothing (mail scanners open links); the button confirms.
  const opened = await page.goto(verifyLink);
  await heading('account.verify_title').waitFor();
  await checkPage('verify', opened);
  const confirmed = await clickTo(button('account.verify_button'), /\/account\?done=verified$/);
  await page.getByRole('status').filter({ hasText: t('account.verified_done') }).waitFor();
  const state = page.getByRole('definition').filter({ hasText: new RegExp(`^${t('account.verified')}$`) });
  assert.equal(await state.count(), 1, `the account page shows "${t('account.address_state')}: ${t('account.verified')}"`);
  assert.equal(await button('account.resend_button').count(), 0, 'no "send the confirmation again" once confirmed');
  await checkPage('account-confirmed', confirmed);

  // The link is used up.
  const again = await page.goto(verifyLink);
  await checkPage('verify-form-again', again);
  const used = await clickTo(button('account.verify_button'), /\/account\/verify\//);
  assert.equal(used.status(), 404, 'a used confirmation link answers 404');
  await heading('account.link_unknown_title').waitFor();
  await checkPage('verify-used', used, 404);
});

step('3. sign out, sign in again; sign out everywhere ends another browser too; download my data: JSON holding the address', async () => {
  await page.goto('/account');
  const out = await clickTo(button('account.signout_button'), /\/account\/signed-out$/);
  await page.getByRole('status').filter({ hasText: t('account.signed_out') }).waitFor();
  await checkPage('signed-out', out);
  // Signed out: the account page sends to sign-in.
  await page.goto('/account');
  assert.equal(new URL(page.url()).pathname, '/account/sign-in', '/account asks to sign in after signing out');
  const signedIn = await signIn(PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/account');
  await checkPage('account', signedIn);

  const cookie = (await context.cookies()).find((c) => c.name === 'gf_session');
  assert.ok(cookie, 'a gf_session cookie');
  assert.equal(cookie.httpOnly, true, 'the session cookie is HttpOnly');
  assert.equal(cookie.sameSite, 'Lax', 'the session cookie is SameSite=Lax');

  // Another browser signed in to the same account (a phone, say).
  const phoneContext = await newContext(env.browser, env.server, { locale: 'en-US' });
  try {
    const phone = await newPage(phoneContext);
    await phone.goto('/account/sign-in');
    await phone.getByLabel(t('account.email'), { exact: true }).fill(EMAIL);
    await phone.getByLabel(t('account.password'), { exact: true }).fill(PASSWORD);
    await Promise.all([phone.waitForURL(/\/account$/), phone.getByRole('button', { name: t('account.signin_button'), exact: true }).click()]);
    // "Sign out everywhere" here signs the phone out too.
    const everywhere = await clickTo(button('account.signout_everywhere_button'), /\/account\/signed-out$/);
    assert.equal(everywhere.status(), 200);
    await phone.goto('/account');
    assert.equal(new URL(phone.url()).pathname, '/account/sign-in', 'the other browser is signed out too');
    assert.deepEqual([...phone.errors, ...phone.consoleErrors], [], 'no errors in the other browser');
  } finally {
    await phoneContext.close();
  }
  await page.goto('/account/sign-in');
  const again = await signIn(PASSWORD);
  assert.equal(again.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/account');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    link('account.export_link').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'gapfill-data.json');
  const text = await readFile(await download.path(), 'utf8');
  let data;
  try { data = JSON.parse(text); } catch (error) { assert.fail(`the download is not JSON (${error.message}): ${text.slice(0, 300)}`); }
  assert.equal(data.account?.email, EMAIL, `the export holds the account's address: ${text.slice(0, 300)}`);
  assert.equal(data.account?.verified, true, 'the export says the address is confirmed');
  assert.ok(Array.isArray(data.posts) && Array.isArray(data.claims), 'the export lists posts and claims');
  assert.doesNotMatch(text, new RegExp(PASSWORD), 'no password in the export');
  assert.equal(new URL(page.url()).pathname, '/account', 'downloading leaves the account page as it was');
  assert.deepEqual(page.consoleErrors, [], 'no console errors while downloading');
});

step('4. forgot password: the link from the mail, a new password; the old one fails, the new one works', async () => {
  const out = await clickTo(button('account.signout_button'), /\/account\/signed-out$/);
  void out;
  await clickTo(link('account.signin_link'), /\/account\/sign-in$/);
  const toForgot = await clickTo(link('account.forgot_link'), /\/account\/forgot$/);
  await heading('account.forgot_title').waitFor();
  await checkPage('forgot', toForgot);
  const already = sink.messages.length;
  await field(t('account.email')).fill(EMAIL);
  const sent = await clickTo(button('account.forgot_button'), /\/account\/forgot\/sent$/);
  await page.getByRole('status').filter({ hasText: t('account.forgot_sent') }).waitFor();
  await checkPage('forgot-sent', sent);

  const mail = await sink.waitForMail((m) => m.to.includes(EMAIL), { after: already });
  assert.equal(mail.subject, t('mail.reset.subject'));
  const resetLink = linkIn(mail, '/account/reset/');
  const opened = await page.goto(resetLink);
  await heading('account.reset_title').waitFor();
  await checkPage('reset', opened);

  // Too short first: the error is beside the field; then a good one.
  await field(t('account.new_password')).fill('tiny');
  const refused = await clickTo(button('account.reset_button'), /\/account\/reset\//);
  assert.equal(refused.status(), 422, 'a too-short new password is refused with 422');
  await waitForText(page.locator('#password-error'), /10/);
  await describedByError(field(t('account.new_password')), 'password-error');
  await checkPage('reset-errors', refused, 422);
  await field(t('account.new_password')).fill(NEW_PASSWORD);
  const done = await clickTo(button('account.reset_button'), /\/account\/reset-done$/);
  await page.getByRole('status').filter({ hasText: t('account.reset_done') }).waitFor();
  await checkPage('reset-done', done);

  // The link is used up.
  const reused = await page.goto(resetLink);
  assert.equal(reused.status(), 404, 'a used reset link answers 404');
  await heading('account.link_unknown_title').waitFor();
  await checkPage('reset-used', reused, 404);

  // The old password fails, saying so on the page; the new one works.
  await page.goto('/account/sign-in');
  const wrong = await signIn(PASSWORD);
  assert.equal(wrong.status(), 403, 'signing in with the old password is refused');
  assert.equal(new URL(page.url()).pathname, '/account/sign-in');
  await page.getByRole('alert').filter({ hasText: t('account.signin_failed') }).waitFor();
  assert.equal(await field(t('account.email')).inputValue(), EMAIL, 'the typed address is kept');
  await checkPage('sign-in-failed', wrong, 403);
  const signedIn = await signIn(NEW_PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/account', 'the new password signs in');
  await heading('account.title').waitFor();
  await checkPage('account-after-reset', signedIn);
});

step('5. delete the account (a wrong password deletes nothing); signing in then fails', async () => {
  await page.goto('/account');
  // A wrong password: nothing is deleted, and the page says why.
  await field(t('account.delete_confirm')).fill('not my password at all');
  const refused = await clickTo(button('account.delete_button'), /\/account\/delete$/);
  assert.equal(refused.status(), 403, 'a wrong password to confirm is refused with 403');
  await page.getByRole('alert').filter({ hasText: t('account.delete_wrong_password') }).waitFor();
  await describedByError(field(t('account.delete_confirm')), 'delete-error');
  await checkPage('delete-refused', refused, 403);

  await field(t('account.delete_confirm')).fill(NEW_PASSWORD);
  const deleted = await clickTo(button('account.delete_button'), /\/account\/deleted$/);
  await heading('account.deleted_title').waitFor();
  await page.getByRole('status').filter({ hasText: t('account.deleted') }).waitFor();
  await checkPage('deleted', deleted);
  assert.equal((await context.cookies()).filter((c) => c.name === 'gf_session' && c.value).length, 0,
    'the session cookie is gone');

  await page.goto('/account/sign-in');
  const wrong = await signIn(NEW_PASSWORD);
  assert.equal(wrong.status(), 403, 'a deleted account cannot sign in');
  await page.getByRole('alert').filter({ hasText: t('account.signin_failed') }).waitFor();
  await page.goto('/account');
  assert.equal(new URL(page.url()).pathname, '/account/sign-in', 'nobody is signed in');
});
