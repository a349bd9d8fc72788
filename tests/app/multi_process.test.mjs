// Two `gapfill serve` processes on one PostgreSQL database (the race test):
// 200 claims on 20 requests, sent through both at once, leave exactly one
// winner per request; two edits of one post made from one reading leave one
// 200 and one 409 (the optimistic version check), and nothing is lost; and
// what one server writes, the other's listings and network cache show.
//
//   node tests/app/multi_process.test.mjs path/to/gapfill
//
// GAPFILL_TEST_PG names the file holding the cluster's base URL
// (postgres://gapfill@127.0.0.1:PORT; scripts/pg_cluster.sh writes it, CTest's
// fixture `postgres` sets the variable). The test makes its own database from
// gapfill_template and drops it at the end, whatever happens.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const NETWORK = 'riverside'; // what `gapfill demo` seeds
const REQUESTS = 20;
const CLAIMS_PER_REQUEST = 10;
// Under CTest's TIMEOUT (300 s), so that the cleanup below still runs.
const DEADLINE_MS = 240_000;

const state = { dbName: null, base: null, dir: null, servers: [], cleanup: null };

function log(line) {
  console.log(`multi_process: ${line}`);
}

function baseUrl() {
  const file = process.env.GAPFILL_TEST_PG;
  if (!file) {
    throw new Error(
      'GAPFILL_TEST_PG is not set: it names the file holding the base URL of a PostgreSQL ' +
        'cluster (run through CTest, which starts one, or `scripts/pg_cluster.sh start DIR` ' +
        'and GAPFILL_TEST_PG=DIR/url)',
    );
  }
  let text;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`cannot read GAPFILL_TEST_PG's file ${file}: ${error.message}`);
  }
  if (!/^postgres(ql)?:\/\/\S+$/.test(text)) {
    throw new Error(`${file} does not hold a postgres:// URL: '${text}'`);
  }
  return text.replace(/\/+$/, '');
}

function psql(base, sql) {
  try {
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', `${base}/postgres`, '-c', sql], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (error) {
    throw new Error(`psql '${sql}' failed: ${error.stderr?.toString().trim() || error.message}`);
  }
}

// Runs a gapfill subcommand to its end; throws with its output when it fails.
function gapfill(bin, args, env) {
  try {
    return execFileSync(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).toString();
  } catch (error) {
    throw new Error(
      `gapfill ${args[0]} failed (${error.status ?? error.signal}):\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

// Starts `gapfill serve` on a free port; resolves with { name, url, child, stderr }.
function startServer(bin, name, args, env) {
  const server = { name, url: null, child: null, stderr: '' };
  state.servers.push(server);
  const child = spawn(bin, [...args, '--listen', '127.0.0.1:0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.child = child;
  child.stderr.on('data', (d) => {
    server.stderr = (server.stderr + d.toString()).slice(-20_000);
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const pattern = /serving on (http:\/\/127\.0\.0\.1:\d+)/;
    const timer = setTimeout(() => finish(new Error(`server ${name} printed no URL within 30 s:\n${seen}${server.stderr}`)), 30_000);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) finish(null, m[1]);
    };
    const onExit = (code, signal) =>
      finish(new Error(`server ${name} exited (code ${code}, signal ${signal}) before serving:\n${seen}${server.stderr}`));
    function finish(error, url) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      if (error) return reject(error);
      child.stdout.resume(); // keep draining, so a full pipe never blocks the server
      server.url = url;
      resolve(server);
    }
    child.stdout.on('data', onData);
    child.on('exit', onExit);
  });
}

function stopServer(server) {
  const child = server.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// Servers first (they hold connections), then the database, then the folder.
// One run, shared by every caller (a signal handler and the main path may both
// ask): each waits for the same promise before exiting.
function cleanup() {
  state.cleanup ??= removeEverything();
  return state.cleanup;
}

async function removeEverything() {
  await Promise.all(state.servers.map(stopServer));
  if (state.dbName) {
    try {
      psql(state.base, `DROP DATABASE IF EXISTS ${state.dbName} WITH (FORCE)`);
    } catch (error) {
      console.error(`multi_process: could not drop database ${state.dbName}: ${error.message}`);
    }
  }
  if (state.dir) rmSync(state.dir, { recursive: true, force: true });
}

// The last resort when the process ends without cleanup() (an uncaught
// throw in a callback): no server outlives the test.
process.on('exit', () => {
  for (const server of state.servers) {
    if (server.child && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
    }
  }
});

async function call(server, method, route, body, token) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const started = performance.now();
  const response = await fetch(server.url + route, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // kept as text in the failure messages below
  }
  return { status: response.status, json, text, server: server.name, ms: performance.now() - started };
}

function expectStatus(response, status, what) {
  assert.equal(response.status, status, `${what} through server ${response.server}: ${response.status} ${response.text.slice(0, 500)}`);
}

// GET and PATCH answer the post itself, create wraps it in {"post": …}.
const postOf = (response) => response.json?.post ?? response.json;

function createRequest(server, index) {
  return call(server, 'POST', `/api/v1/networks/${NETWORK}/posts`, {
    kind: 'request',
    category: 'food',
    title: `Race test request ${index}`,
    details: 'Made by tests/app/multi_process.test.mjs',
    urgency: 'today',
    location: { lat: 46.87, lon: -113.99, text: 'near the library' },
    contact: { name: `Poster ${index}`, email: `poster${index}@example.org` },
  });
}

async function raceClaims(a, b) {
  const created = [];
  for (let i = 0; i < REQUESTS; i++) {
    const response = await createRequest(i % 2 ? b : a, i);
    expectStatus(response, 201, `creating request ${i}`);
    created.push({ id: response.json.post.id, token: response.json.manage_token });
  }

  // All 200 in flight together, alternating servers: each request gets 5
  // through each. Sent in a shuffled order, so that neither server always
  // gets the first claim on a request (which would make it win every race).
  const claims = [];
  for (let i = 0; i < REQUESTS; i++) {
    for (let j = 0; j < CLAIMS_PER_REQUEST; j++) {
      claims.push({ request: created[i], server: (i + j) % 2 ? b : a, j });
    }
  }
  for (let k = claims.length - 1; k > 0; k--) {
    const other = Math.floor(Math.random() * (k + 1));
    [claims[k], claims[other]] = [claims[other], claims[k]];
  }
  const started = performance.now();
  const responses = await Promise.all(
    claims.map(({ request, server, j }) =>
      call(server, 'POST', `/api/v1/posts/${request.id}/claim`, {
        volunteer: { name: `Volunteer ${j}`, email: `volunteer${j}@example.org` },
        quantity: 1,
        note: `claim ${j} through server ${server.name}`,
      }).catch((error) => ({ status: 0, json: null, text: `fetch failed: ${error.cause?.message ?? error.message}`, server: server.name, ms: 0 })),
    ),
  );
  const elapsed = performance.now() - started;

  const counts = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const odd = responses.filter((r) => r.status !== 201 && r.status !== 409);
  assert.equal(odd.length, 0, `claims answered other than 201 or 409: ${JSON.stringify(counts)}; first: ${odd[0]?.status} ${odd[0]?.text.slice(0, 500)}`);
  for (const r of responses.filter((r) => r.status === 409)) {
    assert.equal(r.json?.error?.code, 'conflict', `a 409 claim without code conflict: ${r.text.slice(0, 300)}`);
  }

  const winners = new Map();
  responses.forEach((r, k) => {
    const id = claims[k].request.id;
    if (r.status !== 201) return;
    assert.ok(!winners.has(id), `request ${id}: two claims won (through ${winners.get(id)?.server} and ${r.server})`);
    assert.equal(r.json?.match?.request_id, id, `request ${id}: the winning match names request ${r.json?.match?.request_id}`);
    assert.equal(r.json?.match?.status, 'accepted', `request ${id}: the winning match is ${r.json?.match?.status}`);
    assert.ok(r.json?.match_token, `request ${id}: the winning claim has no match_token`);
    winners.set(id, { server: r.server, matchId: r.json.match.id });
  });
  for (const { id } of created) {
    assert.ok(winners.has(id), `request ${id}: no claim won (all ${CLAIMS_PER_REQUEST} got 409)`);
  }
  assert.equal(counts[201], REQUESTS, `expected ${REQUESTS} winning claims: ${JSON.stringify(counts)}`);
  assert.equal(counts[409], REQUESTS * (CLAIMS_PER_REQUEST - 1), `expected ${REQUESTS * (CLAIMS_PER_REQUEST - 1)} conflicts: ${JSON.stringify(counts)}`);

  // Each request, read through the server that did not take its winning claim.
  const winsBy = { A: 0, B: 0 };
  for (const { id, token } of created) {
    const winner = winners.get(id);
    winsBy[winner.server]++;
    const other = winner.server === 'A' ? b : a;
    const read = await call(other, 'GET', `/api/v1/posts/${id}`, undefined, token);
    expectStatus(read, 200, `reading request ${id}`);
    const post = postOf(read);
    assert.equal(post.status, 'matched', `request ${id} read through ${other.name} is ${post.status}`);
    assert.equal(post.matches?.length, 1, `request ${id} has ${post.matches?.length} matches: ${JSON.stringify(post.matches)}`);
    assert.equal(post.matches[0].id, winner.matchId, `request ${id}: its match is not the winning claim's`);
  }

  const latencies = responses.map((r) => r.ms).sort((x, y) => x - y);
  log(
    `claims: ${responses.length} in ${elapsed.toFixed(0)} ms, ${counts[201]} × 201 ` +
      `(${winsBy.A} through A, ${winsBy.B} through B), ${counts[409]} × 409; latency median ` +
      `${latencies[latencies.length >> 1].toFixed(0)} ms, max ${latencies[latencies.length - 1].toFixed(0)} ms`,
  );
}

async function raceEdits(a, b) {
  const created = await createRequest(a, 'edit');
  expectStatus(created, 201, 'creating the post to edit');
  const { id } = created.json.post;
  const token = created.json.manage_token;
  const route = `/api/v1/posts/${id}`;

  const read = await call(a, 'GET', route, undefined, token);
  expectStatus(read, 200, 'reading the post to edit');
  const version = postOf(read).version;
  assert.ok(Number.isInteger(version), `the private view has no integer "version": ${read.text.slice(0, 500)}`);

  // Two edits from that one reading, at once, one through each server.
  const titles = { A: 'Edited through A', B: 'Edited through B' };
  const edits = await Promise.all(
    [a, b].map((server) => call(server, 'PATCH', route, { version, title: titles[server.name] }, token)),
  );
  const statuses = edits.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 409], `two edits of version ${version} answered ${edits.map((r) => `${r.server}: ${r.status} ${r.text.slice(0, 300)}`).join('; ')}`);
  const won = edits.find((r) => r.status === 200);
  const lost = edits.find((r) => r.status === 409);
  assert.equal(lost.json?.error?.code, 'conflict', `the stale edit's error: ${lost.text.slice(0, 300)}`);
  assert.ok(lost.json?.error?.fields && 'version' in lost.json.error.fields, `the stale edit's 409 does not name "version": ${lost.text.slice(0, 300)}`);
  assert.equal(postOf(won).title, titles[won.server], 'the winning edit answers its own title');
  assert.equal(postOf(won).version, version + 1, 'the winning edit answers version v+1');

  // Both servers now see the winner's title at v+1.
  for (const server of [a, b]) {
    const after = postOf(await call(server, 'GET', route, undefined, token));
    assert.equal(after.title, titles[won.server], `server ${server.name} reads title '${after.title}', not the winner's`);
    assert.equal(after.version, version + 1, `server ${server.name} reads version ${after.version}, not ${version + 1}`);
  }

  // Nothing is lost: the loser reads again and its edit lands over the new version.
  const loser = lost.server === 'A' ? a : b;
  const retried = await call(loser, 'PATCH', route, { version: version + 1, title: `${titles[loser.name]}, retried` }, token);
  expectStatus(retried, 200, 'the loser re-applying its edit over the new version');
  assert.equal(postOf(retried).version, version + 2, 'the retried edit answers version v+2');

  // The stale version stays stale.
  const stale = await call(a, 'PATCH', route, { version, title: 'Stale' }, token);
  expectStatus(stale, 409, 'an edit over the first version after two edits');

  // Without "version", an edit applies over whatever is there (last writer wins).
  const plain = await call(b, 'PATCH', route, { title: 'Edited without a version' }, token);
  expectStatus(plain, 200, 'an edit without "version"');
  const final = postOf(await call(a, 'GET', route, undefined, token));
  assert.equal(final.title, 'Edited without a version', 'the versionless edit landed');
  assert.equal(final.version, version + 3, 'every edit counts one version');

  // Two versionless edits at once both land, one after the other.
  const both = await Promise.all(
    [a, b].map((server) => call(server, 'PATCH', route, { title: `Unversioned through ${server.name}` }, token)),
  );
  for (const r of both) expectStatus(r, 200, 'a versionless edit racing another');
  const last = postOf(await call(b, 'GET', route, undefined, token));
  assert.ok(/^Unversioned through [AB]$/.test(last.title), `after two versionless edits the title is '${last.title}'`);
  assert.equal(last.version, version + 5, 'two racing versionless edits count two versions');

  log(`edits: version ${version} raced through both servers, ${won.server} won (200), ${lost.server} got 409 naming "version"; retry, stale check and versionless edits as expected`);
}

// Polls `check` (an async function answering true when the change shows) every
// 50 ms until it does, for at most `ms`; returns how long it took.
async function waitFor(what, check, ms = 5_000) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > ms) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

// Each server keeps a read model of live posts and a cache of networks; what
// the other writes must reach them (PostgreSQL's LISTEN/NOTIFY, then the
// change feed): a post made through A is listed by B, its claim through B
// leaves A's list of open posts, and a network made through A takes posts
// through B.
async function crossProcessListings(a, b) {
  const listed = async (server, id, query = '') => {
    const response = await call(server, 'GET', `/api/v1/networks/${NETWORK}/posts?limit=100${query}`);
    expectStatus(response, 200, 'listing');
    return response.json.items.some((item) => item.id === id);
  };
  const created = await createRequest(a, 900);
  expectStatus(created, 201, 'creating a request through A');
  const id = created.json.post.id;
  const seen = await waitFor(`B listing request ${id} made through A`, () => listed(b, id));

  const claim = await call(b, 'POST', `/api/v1/posts/${id}/claim`, { volunteer: { name: 'Val', email: 'val@example.org' } });
  expectStatus(claim, 201, 'claiming through B');
  const gone = await waitFor(`A's open list dropping request ${id} claimed through B`, async () => !(await listed(a, id, '&status=open')));

  const credentials = { email: 'founder@example.org', password: 'correct horse battery staple' };
  expectStatus(await call(a, 'POST', '/api/v1/accounts', credentials), 202, 'signing up through A');
  const session = await call(a, 'POST', '/api/v1/sessions', credentials);
  expectStatus(session, 201, 'signing in through A');
  const slug = 'eastside';
  const network = await call(a, 'POST', '/api/v1/networks', {
    slug,
    name: 'Eastside Mutual Aid',
    description: 'Made through server A.',
    area: { lat: 46.87, lon: -113.99, radius_km: 40 },
    languages: ['en'],
    timezone: 'America/Denver',
  }, session.json.session_token);
  expectStatus(network, 201, 'creating a network through A');
  const known = await waitFor(`B knowing network ${slug} made through A`, async () => (await call(b, 'GET', `/api/v1/networks/${slug}`)).status === 200);
  const post = await call(b, 'POST', `/api/v1/networks/${slug}/posts`, {
    kind: 'offer', category: 'food', title: 'Soup on Sundays', details: 'Through B',
    location: { lat: 46.87, lon: -113.99, text: 'near the park' }, contact: { name: 'Cook', email: 'cook@example.org' },
  });
  expectStatus(post, 201, `posting through B to the network made through A`);

  log(`listings: B listed A's post after ${seen.toFixed(0)} ms, A dropped B's claim after ${gone.toFixed(0)} ms, B knew A's network after ${known.toFixed(0)} ms`);
}

async function main() {
  const bin = process.argv[2];
  if (!bin) throw new Error('usage: node multi_process.test.mjs path/to/gapfill');
  state.base = baseUrl();

  state.dbName = `gapfill_mp_${process.pid}_${Date.now().toString(36)}`;
  psql(state.base, `CREATE DATABASE ${state.dbName} TEMPLATE gapfill_template`);
  const db = `${state.base}/${state.dbName}`;
  state.dir = mkdtempSync(path.join(tmpdir(), 'gapfill-mp-'));
  const key = path.join(state.dir, 'data.key');

  const env = { ...process.env, GAPFILL_RATE_LIMITS: 'off', GAPFILL_LOG_LEVEL: 'warn' };
  delete env.GAPFILL_CONFIG; // the flags below decide, not a configuration file
  const dbArgs = ['--db', db, '--data-key-file', key];
  gapfill(bin, ['migrate', ...dbArgs], env); // makes the data key file both servers share
  gapfill(bin, ['demo', ...dbArgs], env);

  const started = performance.now();
  const [a, b] = await Promise.all([
    startServer(bin, 'A', ['serve', ...dbArgs], env),
    startServer(bin, 'B', ['serve', ...dbArgs], env),
  ]);
  log(`database ${state.dbName}; servers A ${a.url}, B ${b.url} (started in ${(performance.now() - started).toFixed(0)} ms)`);

  await raceClaims(a, b);
  await raceEdits(a, b);
  await crossProcessListings(a, b);

  for (const server of [a, b]) {
    assert.ok(server.child.exitCode === null && server.child.signalCode === null, `server ${server.name} died during the test:\n${server.stderr}`);
  }
}

async function runWithCleanup() {
  let failed = null;
  const deadline = setTimeout(() => {
    console.error(`multi_process: FAILED: still running after ${DEADLINE_MS / 1000} s`);
    cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`multi_process: stopped by ${signal}`);
      cleanup().finally(() => process.exit(1));
    });
  }
  try {
    await main();
  } catch (error) {
    failed = error;
  }
  clearTimeout(deadline);
  if (failed) {
    for (const server of state.servers) {
      if (server.stderr) console.error(`--- server ${server.name} stderr (tail) ---\n${server.stderr.slice(-4000)}`);
    }
  }
  await cleanup();
  if (failed) {
    console.error(`multi_process: FAILED: ${failed.message}`);
    process.exit(1);
  }
  log('passed');
}

runWithCleanup();
