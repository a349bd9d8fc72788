#!/usr/bin/env bash
# `gapfill serve` prints its URL, answers /healthz, and stops cleanly on SIGTERM.
set -euo pipefail
gapfill=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
"$gapfill" serve --db "$work/gapfill.db" --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  grep -q 'serving on http://127.0.0.1:' "$work/out" && break
  sleep 0.1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/out")
[[ -n "$url" ]] || { echo "no URL printed"; cat "$work/out" "$work/err"; exit 1; }
[[ "$url" != "http://127.0.0.1:0" ]] || { echo "printed port 0"; exit 1; }
body=$(curl -sf "$url/healthz")
[[ "$body" == '{"status":"ok"}' ]] || { echo "healthz said: $body"; exit 1; }
kill -TERM $pid
wait $pid
[[ -f "$work/gapfill.db" ]] || { echo "no database created"; exit 1; }
echo "serve test passed: $url"
