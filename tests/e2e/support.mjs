// Shared helpers for Gapfill's end-to-end tests: a real server on a fresh demo
// database, Debian's Chromium driven by playwright-core, axe checks,
// screenshots and page weight.
//
// Environment:
//   GAPFILL_BIN         the gapfill binary (CTest passes $<TARGET_FILE:gapfill>)
//   GAPFILL_E2E_OUTPUT  where screenshots go (CTest: <build dir>/e2e-output)
//   GAPFILL_CHROMIUM    optional, another Chromium binary (default /usr/bin/chromium)

import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, accessSync, constants, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');

export const NETWORK = 'riverside';
export const CHROMIUM = process.env.GAPFILL_CHROMIUM || '/usr/bin/chromium';
export const OUTPUT = path.resolve(process.env.GAPFILL_E2E_OUTPUT || path.join(repoRoot, 'build', 'e2e-output'));
export const TILE_HOST = 'tile.openstreetmap.org';

// How Chromium must be started on these machines: no sandbox (root), no GPU, and
// no background connections (the machine has only loopback). Playwright's
// launch() already gives every browser a new, empty, temporary profile.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const BOOTSTRAP_HINT = 'Run scripts/bootstrap.sh (or `make test`), which installs Chromium and the npm packages.';

// Fails (never skips) with a message that says what is missing.
export async function requirements() {
  const bin = process.env.GAPFILL_BIN;
  if (!bin) throw new Error('GAPFILL_BIN is not set: point it at the gapfill binary (CTest sets it).');
  try { accessSync(bin, constants.X_OK); } catch {
    throw new Error(`GAPFILL_BIN=${bin} is not an executable file: build it first (cmake --build build/release --target gapfill).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's chromium package. ${BOOTSTRAP_HINT}`);
  let playwright, axe;
  try { playwright = await import('playwright-core'); } catch (e) {
    throw new Error(`playwright-core cannot be loaded (${e.code || e.message}): run \`npm ci\` in ${repoRoot}. ${BOOTSTRAP_HINT}`);
  }
  try { axe = await import('@axe-core/playwright'); } catch (e) {
    throw new Error(`@axe-core/playwright cannot be loaded (${e.code || e.message}): run \`npm ci\` in ${repoRoot}. ${BOOTSTRAP_HINT}`);
  }
  return { bin, chromium: playwright.chromium, AxeBuilder: axe.default?.default ?? axe.default ?? axe.AxeBuilder };
}

// Waits for `predicate(text)` on a growing output, at most `ms`.
function waitForOutput(child, stream, pattern, ms, what) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`${what}: no line matching ${pattern} within ${ms} ms; output so far:\n${seen}`)), ms);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) finish(null, m);
    };
    const onExit = (code, signal) => finish(new Error(`${what} exited (code ${code}, signal ${signal}) before printing ${pattern}; output:\n${seen}`));
    function finish(error, match) {
      clearTimeout(timer);
      stream.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error); else resolve(match);
    }
    stream.on('data', onData);
    child.on('exit', onExit);
  });
}

// A fresh folder, the demo network, an organizer key, and `gapfill serve` on a free port.
// options.config: text of a TOML configuration file (for example a [mail]
// section) that `gapfill serve` is started with (--config); the environment's
// GAPFILL_CONFIG and GAPFILL_MAIL_* are then left out so the file decides.
export async function startServer(bin, options = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'gapfill-e2e-'));
  const db = path.join(dir, 'g.db');
  const env = { ...process.env, GAPFILL_LOG_LEVEL: 'warn' };
  const serveArgs = ['serve', '--db', db, '--listen', '127.0.0.1:0'];
  if (options.config) {
    const file = path.join(dir, 'gapfill.toml');
    writeFileSync(file, options.config, { mode: 0o600 });
    serveArgs.push('--config', file);
    for (const name of Object.keys(env)) {
      if (name === 'GAPFILL_CONFIG' || name.startsWith('GAPFILL_MAIL_')) delete env[name];
    }
  }
  const server = { dir, db, url: null, key: null, child: null, stderr: '' };
  server.stop = () => stopServer(server);
  try {
    await run(bin, ['demo', '--db', db], { env, timeout: 60_000 });
    const issued = await run(bin, ['organizer-key', '--network', NETWORK, '--db', db, '--label', 'e2e'], { env, timeout: 30_000 });
    // "Organizer key for 'riverside' (shown only this once; keep it secret):\n<key>\nThe organizer dashboard is at ..."
    const lines = issued.stdout.split('\n').map((l) => l.trim());
    const at = lines.findIndex((l) => l.startsWith('Organizer key for'));
    server.key = at >= 0 ? lines[at + 1] : '';
    assert.ok(server.key && !/\s/.test(server.key), `could not read the organizer key from:\n${issued.stdout}`);

    const child = spawn(bin, serveArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.child = child;
    child.stderr.on('data', (d) => { server.stderr = (server.stderr + d.toString()).slice(-20_000); });
    const m = await waitForOutput(child, child.stdout, /Gapfill is serving on (http:\/\/127\.0\.0\.1:\d+)/, 30_000, 'gapfill serve');
    server.url = m[1];
    child.stdout.resume();
    server.session = await makeAdmin(server);
    return server;
  } catch (error) {
    await stopServer(server);
    throw error;
  }
}

// An account that redeems the organizer key and so becomes the network's
// admin; returns its session token (pages carry it in the gf_session cookie).
async function makeAdmin(server) {
  const credentials = { email: 'organizer@example.org', password: 'correct horse battery staple' };
  const post = (path, body, token) => fetch(server.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const signedUp = await post('/api/v1/accounts', credentials);
  assert.ok(signedUp.status < 300, `sign-up answered ${signedUp.status}`);
  const signedIn = await post('/api/v1/sessions', credentials);
  assert.equal(signedIn.status, 201, 'sign-in');
  const token = (await signedIn.json()).session_token;
  const redeemed = await post(`/api/v1/networks/${NETWORK}/admin-key`, { token: server.key }, token);
  assert.equal(redeemed.status, 200, 'redeeming the organizer key');
  return token;
}

export async function stopServer(server) {
  const child = server.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  server.child = null;
  if (server.dir) await rm(server.dir, { recursive: true, force: true });
}

export async function launchBrowser(chromium) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

// A new browser context (its own cookies) whose map tile requests are aborted
// and whose requests to any host but the server are aborted and recorded.
export async function newContext(browser, server, options = {}) {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  context.foreign = [];
  await context.route((url) => url.origin !== server.url, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== TILE_HOST && !url.hostname.endsWith('.' + TILE_HOST)) context.foreign.push(url.href);
    return route.abort();
  });
  return context;
}

// A page that records every JavaScript dialog (and dismisses it), every uncaught
// error, and every console message of type error (Chromium reports refused
// Content-Security-Policy loads and failed requests there), map tiles excepted.
export async function newPage(context) {
  const page = await context.newPage();
  page.dialogs = [];
  page.errors = [];
  page.consoleErrors = [];
  page.on('dialog', (dialog) => { page.dialogs.push(`${dialog.type()}: ${dialog.message()}`); dialog.dismiss().catch(() => {}); });
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Map tiles are aborted on purpose (see newContext): their failed loads are expected.
    const source = message.location()?.url ?? '';
    if (/^https?:/.test(source) && isTile(source)) return;
    page.consoleErrors.push(`${page.url()}: ${message.text()}${source ? ` (${source})` : ''}`);
  });
  return page;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// No axe violation of impact serious or critical; the message names every rule and element.
export async function checkAxe(AxeBuilder, page, label) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n'));
  assert.deepEqual(report, [], `axe on ${label} (${page.url()}):\n${report.join('\n')}`);
}

export const WIDTHS = [360, 1280];

// Full-page screenshots at 360 and 1280 px: OUTPUT/<name>-<width>.png.
// Leaves the viewport at 1280 px.
export async function screenshots(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  const files = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const file = path.join(OUTPUT, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    files.push(file);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return files;
}

// Nothing is wider than the viewport (no sideways scrolling at 360 px).
export async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const isTile = (url) => { const h = new URL(url).hostname; return h === TILE_HOST || h.endsWith('.' + TILE_HOST); };

// Loads `url` in a fresh page and adds up the bodies of every response it loads
// (decoded bytes, as the page gets them), map tiles excluded.
export async function measureWeight(context, url) {
  const page = await newPage(context);
  const responses = [];
  page.on('response', (response) => { if (!isTile(response.url())) responses.push(response); });
  const main = await page.goto(url, { waitUntil: 'networkidle' });
  const items = [];
  for (const response of responses) {
    let bytes = 0;
    try { bytes = (await response.body()).length; } catch { bytes = 0; /* redirects have no body */ }
    let wire = 0;
    try { wire = (await response.request().sizes()).responseBodySize; } catch { wire = 0; }
    items.push({ url: response.url(), status: response.status(), bytes, wire });
  }
  const html = main ? (await main.body()).length : 0;
  await page.close();
  return { status: main ? main.status() : 0, html, total: items.reduce((s, i) => s + i.bytes, 0), wire: items.reduce((s, i) => s + i.wire, 0), items };
}

// Standard setup for a test file: requirements, server, browser; and the matching teardown.
// options: as for startServer.
export async function setup(options = {}) {
  const req = await requirements();
  const server = await startServer(req.bin, options);
  let browser;
  try { browser = await launchBrowser(req.chromium); } catch (error) { await server.stop(); throw error; }
  return { ...req, server, browser };
}

export async function teardown(env) {
  if (!env) return;
  try { await env.browser?.close(); } finally { await env.server?.stop(); }
}

// A unique tag for titles, so a test finds its own post among the demo posts.
export function unique(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

// Absolute URL for a path on the server.
export const at = (server, p) => new URL(p, server.url).href;

// The private link shown after posting or claiming, as a path.
export async function privateLinkPath(page) {
  const text = (await page.locator('#private-link').innerText()).trim();
  return new URL(text, page.url()).pathname;
}

// The words the pages show, from the message catalogues (web/i18n/<lang>/*.json),
// so the tests follow copy changes but still fail when a string is missing.
const catalogues = new Map();
export function strings(lang) {
  if (!catalogues.has(lang)) {
    const dir = path.join(repoRoot, 'web', 'i18n', lang);
    const all = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      Object.assign(all, JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    }
    catalogues.set(lang, all);
  }
  const all = catalogues.get(lang);
  return (key) => {
    assert.ok(key in all, `the ${lang} catalogue has no "${key}"`);
    return all[key];
  };
}


// Steps that run in order: once one fails, the later ones are skipped
// (they would only fail for the same reason). One sequence per test file.
export function sequence() {
  let failed = '';
  return (name, body) => test(name, async (context) => {
    if (failed) {
      context.skip(`after "${failed}" failed`);
      return;
    }
    try { await body(); } catch (error) { failed = name; throw error; }
  });
}

// The checks every page gets: status 200 and the CSP header (when a
// navigation `response` is given), axe at 1280 and 360 px, nothing wider
// than 360 px, no script or console error, and screenshots named
// `${prefix}-${name}`.
export async function checkPage(env, prefix, page, name, response) {
  assert.equal(response?.status() ?? 200, 200, `${name}: status`);
  if (response) assert.match(response.headers()['content-security-policy'] ?? '', /default-src/, `${name}: CSP`);
  await checkAxe(env.AxeBuilder, page, name);
  await screenshots(page, `${prefix}-${name}`);
  await page.setViewportSize({ width: 360, height: 800 });
  assert.equal(await horizontalOverflow(page), 0, `${name}: nothing wider than 360 px`);
  await checkAxe(env.AxeBuilder, page, `${name} at 360 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(page.errors, [], `${name}: script errors`);
  assert.deepEqual(page.consoleErrors, [], `${name}: console errors`);
}

// A JSON API call to the test server: { status, json, text }.
export async function apiCall(server, method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(new URL(path, server.url), {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, text };
}
