#!/usr/bin/env bash
# gapfill migrate-data: a demo SQLite database (plus what older databases
# hold: plaintext from before sealing, an account with a removed id after it,
# a post naming a later one as its duplicate) copied into a fresh PostgreSQL
# database and verified; a second run refused; the copy served from
# PostgreSQL answers as the SQLite original did.
# Usage: migrate_data_test.sh GAPFILL WORK_DIR, with GAPFILL_TEST_PG naming the
# test cluster's url file (gapfill_requires_postgres in tests/CMakeLists.txt).
set -euo pipefail
gapfill=$1 work=$2
[[ -n ${GAPFILL_TEST_PG:-} && -s $GAPFILL_TEST_PG ]] || {
  echo "GAPFILL_TEST_PG does not name the PostgreSQL test cluster's url file: run through ctest"
  exit 1
}
base=$(head -n 1 "$GAPFILL_TEST_PG")
base=${base%/}
name="gf_migrate_data_$$_$RANDOM"
target="$base/$name"
db="$work/gapfill.db"
server_pid=""

fail() {
  echo "migrate_data_test: $*" >&2
  exit 1
}
psql_q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
  psql_q "$base/postgres" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Starts `gapfill serve` on $1 (more flags after it) and sets $url.
start_server() {
  "$gapfill" serve --db "$@" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  url=""
  for _ in $(seq 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" || true)
    [[ -n $url ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$work/serve.out" "$work/serve.err" >&2
  fail "gapfill serve --db $1 did not start"
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=""
}

rm -rf "$work" && mkdir -p "$work"
"$gapfill" demo --db "sqlite:$db" >/dev/null

# The listing as the SQLite original serves it, to compare with the copy's
# (first: a server seals plaintext on opening, and the copy must meet some).
start_server "sqlite:$db"
curl -sf "$url/api/v1/networks/riverside/posts?limit=100" >"$work/sqlite.json"
stop_server
grep -q '"network":"riverside"' "$work/sqlite.json" || fail "no demo posts from SQLite"

# What older databases hold. The phone of post 1 in plaintext (before
# sealing); an account whose e-mail is plaintext with no lookup yet, and a
# removed account 7 that SQLite remembers so that no id is given twice; post
# 1 (fulfilled, so not listed) marked a duplicate of the last post; a
# membership (a two-column key).
sqlite3 "$db" <<'SQL'
UPDATE posts SET contact_phone = '+1 406 555 0142' WHERE id = 1;
INSERT INTO accounts (id, email, password_hash, verified_at, created_at, updated_at, email_lookup)
  VALUES (3, 'ada@example.org', 'x', NULL, 1700000000, 1700000000, NULL);
INSERT INTO settings (name, value) VALUES ('accounts.highest_removed_id', 7);
UPDATE posts SET duplicate_of = (SELECT max(id) FROM posts) WHERE id = 1;
INSERT INTO memberships (network_id, account_id, role, created_at, updated_at)
  VALUES (1, 3, 'admin', 1700000000, 1700000000);
SQL

psql_q "$base/postgres" -c "CREATE DATABASE \"$name\" TEMPLATE gapfill_template" >/dev/null

# The copy, with a password in the URL that must never be printed.
port_and_rest=${target#*://*@}
secret_url="postgres://gapfill:hunter2-secret@$port_and_rest"
if ! "$gapfill" migrate-data --from "sqlite:$db" --to "$secret_url" >"$work/out" 2>"$work/err"; then
  cat "$work/out" "$work/err" >&2
  fail "migrate-data failed"
fi
grep -q 'verified: counts and checksums match' "$work/out" || fail "no verification: $(cat "$work/out")"
grep -Eq '^  posts +60 ' "$work/out" || fail "posts not counted: $(cat "$work/out")"
grep -Eq '^  accounts +1 ' "$work/out" || fail "accounts not counted: $(cat "$work/out")"
grep -q 'Sealed 2 values' "$work/out" || fail "the plaintext phone and e-mail were not sealed: $(cat "$work/out")"
grep -Eq '^copying +posts +60/60 +100%$' "$work/err" || fail "no progress line: $(cat "$work/err")"
if grep -q 'hunter2-secret' "$work/out" "$work/err"; then fail "the password was printed"; fi
grep -q 'gapfill:\*\*\*@' "$work/err" || fail "the target is not shown redacted: $(cat "$work/err")"

# What PostgreSQL now holds: sealed BYTEA where SQLite had plaintext, the
# e-mail's lookup, the forward duplicate, and ids that stay unique.
[[ $(psql_q "$target" -c "SELECT count(*) FROM posts") == 60 ]] || fail "not 60 posts in PostgreSQL"
[[ $(psql_q "$target" -c "SELECT get_byte(contact_phone, 0) = 1 AND length(contact_phone) > 45
                            FROM posts WHERE id = 1") == t ]] || fail "post 1's phone is not sealed"
[[ $(psql_q "$target" -c "SELECT length(email_lookup) = 64 AND get_byte(email, 0) = 1
                            FROM accounts WHERE id = 3") == t ]] || fail "the account's e-mail"
[[ $(psql_q "$target" -c "SELECT duplicate_of = (SELECT max(id) FROM posts) FROM posts
                            WHERE id = 1") == t ]] || fail "post 1's duplicate_of was lost"
[[ $(psql_q "$target" -c "SELECT nextval(pg_get_serial_sequence('accounts', 'id'))") == 8 ]] ||
  fail "the next account id is not past the removed id 7"
[[ $(psql_q "$target" -c "SELECT nextval(pg_get_serial_sequence('posts', 'id'))") == 61 ]] ||
  fail "the next post id is not 61"

# Never mixed: a second run is refused, and changes nothing.
if "$gapfill" migrate-data --from "sqlite:$db" --to "$target" >"$work/out2" 2>"$work/err2"; then
  fail "a second migrate-data into the same database succeeded"
fi
grep -q 'already holds data' "$work/err2" || fail "no clear refusal: $(cat "$work/err2")"
[[ $(psql_q "$target" -c "SELECT count(*) FROM posts") == 60 ]] || fail "the refusal changed posts"

# A SQLite target, or a missing source, is refused with a clear message.
if "$gapfill" migrate-data --from "sqlite:$db" --to "sqlite:$work/other.db" 2>"$work/err3"; then
  fail "a sqlite: target was accepted"
fi
grep -q -- '--to must be a PostgreSQL database' "$work/err3" || fail "$(cat "$work/err3")"
if "$gapfill" migrate-data --from "sqlite:$work/none.db" --to "$target" 2>"$work/err4"; then
  fail "a missing source was accepted"
fi
grep -q 'there is no SQLite database' "$work/err4" || fail "$(cat "$work/err4")"
[[ ! -e $work/none.db ]] || fail "a missing source was created"

# Served from PostgreSQL with the SQLite database's key file: the same listing.
start_server "$target" --data-key-file "$db.key"
curl -sf "$url/api/v1/networks/riverside/posts?limit=100" >"$work/postgres.json"
stop_server
cmp -s "$work/sqlite.json" "$work/postgres.json" || {
  diff <(tr ',' '\n' <"$work/sqlite.json") <(tr ',' '\n' <"$work/postgres.json") | head -20 >&2
  fail "PostgreSQL serves another listing than SQLite did"
}
echo "migrate-data test passed: the same $(grep -o '"id":' "$work/postgres.json" | wc -l) posts listed"
