#!/usr/bin/env bash
# The HTTP benchmark: Gapfill's busiest public listing against nginx serving
# the very same bytes as a static file, on the same machine, in one run.
#
#   bench/api.sh                        1,000 networks, 1,000,000 posts, 3 rounds of 15 s
#   BENCH_POSTS=100000 BENCH_DURATION=5 bench/api.sh
#
# Steps: bootstrap (wrk, nginx-light); build gapfill and gapfill_gen_dataset;
# generate bench/out/bench.db once (reused while its parameters match and it
# is under a week old); measure idle memory on an empty database; start
# gapfill on the data set; save one "near" response of the busiest network
# as a static file for nginx; then wrk -t2 -c64 alternately against gapfill
# and nginx, and report medians next to the targets. A second gapfill with
# its listing cache off (GAPFILL_LISTING_CACHE_ENTRIES=0) runs in the same
# rotation: one URL asked again and again is the cache's best case, so that
# column shows what a listing costs when it has to be computed. Everything
# listens on
# 127.0.0.1 only, every wait is bounded, and every process started here is
# stopped on exit. Results: bench/out/api-results.txt (and the raw wrk
# output, bench/out/wrk-*.txt).
#
# Environment (defaults in brackets):
#   BENCH_POSTS [1000000]  BENCH_NETWORKS [1000]  BENCH_DURATION [15] seconds per run
#   BENCH_ROUNDS [3]  BENCH_THREADS [2]  BENCH_CONNECTIONS [64]  BENCH_SEED [1]
#   BENCH_BUILD_DIR [build/release]   BENCH_NGINX_WORKERS [auto]
#   BENCH_NGINX_ACCESS_LOG [0]  1: log every request to bench/out/nginx-access.log
#   BENCH_DATASET_MAX_AGE_DAYS [7]    regenerate the data set when older
#   BENCH_START_TIMEOUT [300] seconds for gapfill to load and answer /healthz
#   BENCH_UNCACHED [1]  0: skip the gapfill with its listing cache off
#   BENCH_PERF [0]  1: one more gapfill run (not counted) under `perf record`;
#                   its hottest functions go to bench/out/perf-gapfill.txt
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

posts=${BENCH_POSTS:-1000000}
networks=${BENCH_NETWORKS:-1000}
duration=${BENCH_DURATION:-15}
rounds=${BENCH_ROUNDS:-3}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-64}
seed=${BENCH_SEED:-1}
build_dir=${BENCH_BUILD_DIR:-build/release}
nginx_workers=${BENCH_NGINX_WORKERS:-auto}
nginx_access_log=${BENCH_NGINX_ACCESS_LOG:-0}
max_age_days=${BENCH_DATASET_MAX_AGE_DAYS:-7}
start_timeout=${BENCH_START_TIMEOUT:-300}
perf_run=${BENCH_PERF:-0}
uncached=${BENCH_UNCACHED:-1}

out=$root/bench/out
if [[ $build_dir == /* ]]; then bin_dir=$build_dir; else bin_dir=$root/$build_dir; fi
db=$out/bench.db
meta=$out/bench.meta
results=$out/api-results.txt

say() { printf 'api.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

check_whole() {  # name value min max
  if [[ ! $2 =~ ^[0-9]{1,10}$ ]] || (( $2 < $3 || $2 > $4 )); then
    die "$1 must be a whole number from $3 to $4 (got '$2')"
  fi
}
check_whole BENCH_POSTS "$posts" 0 100000000
check_whole BENCH_NETWORKS "$networks" 1 100000
check_whole BENCH_DURATION "$duration" 1 600
check_whole BENCH_ROUNDS "$rounds" 1 20
check_whole BENCH_THREADS "$threads" 1 64
check_whole BENCH_CONNECTIONS "$connections" 1 10000
check_whole BENCH_SEED "$seed" 0 4294967295
check_whole BENCH_DATASET_MAX_AGE_DAYS "$max_age_days" 0 3650
check_whole BENCH_START_TIMEOUT "$start_timeout" 1 3600
check_whole BENCH_PERF "$perf_run" 0 1
check_whole BENCH_UNCACHED "$uncached" 0 1
check_whole BENCH_NGINX_ACCESS_LOG "$nginx_access_log" 0 1
[[ $nginx_workers == auto || $nginx_workers =~ ^[1-9][0-9]?$ ]] || die "BENCH_NGINX_WORKERS must be auto or 1-99"
(( connections >= threads )) || die "BENCH_CONNECTIONS must be at least BENCH_THREADS"

# ---------------------------------------------------------------- cleanup
started_pids=()
cleanup() {
  local pid
  for pid in "${started_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  started_pids=()
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

forget_pid() {  # removes a stopped process from the cleanup list
  local keep=() pid
  for pid in "${started_pids[@]}"; do [[ $pid == "$1" ]] || keep+=("$pid"); done
  started_pids=("${keep[@]}")
}

stop_process() {  # pid: SIGTERM, then SIGKILL after 10 s
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget_pid "$pid"
}

# ---------------------------------------------------------------- helpers
status_kib() {  # pid field: a /proc/PID/status figure in KiB (VmRSS, VmHWM)
  awk -v field="$2:" '$1 == field { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

mib() { awk -v kib="$1" 'BEGIN { printf "%.1f", kib / 1024 }'; }

meta_value() {  # key: from the data set's summary file
  grep -m1 "^$1=" "$meta" 2>/dev/null | cut -d= -f2-
}

median() {  # numbers...: the median (mean of the middle two for an even count)
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

free_port() {  # a loopback TCP port nobody listens on
  local port
  for _ in $(seq 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! ss -Htln "sport = :$port" 2>/dev/null | grep -q .; then echo "$port"; return; fi
  done
  die "no free port found"
}

wait_healthz() {  # port pid timeout_seconds
  local deadline=$(( SECONDS + $3 ))
  while (( SECONDS < deadline )); do
    kill -0 "$2" 2>/dev/null || return 1
    if curl -fsS --max-time 2 "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  return 1
}

# Starts gapfill on a database, listening on a free loopback port, and waits
# until it has loaded its read model and answers /healthz. Sets gapfill_pid,
# gapfill_port and gapfill_start_seconds.
start_gapfill() {  # db log [NAME=value ...]: extra environment
  local db_file=$1 log=$2 deadline started_ns
  shift 2
  : >"$log"
  started_ns=$(date +%s%N)
  env GAPFILL_LOG_LEVEL=warn "$@" "$bin_dir/gapfill" serve --db "$db_file" \
    --listen 127.0.0.1:0 >"$log" 2>&1 &
  gapfill_pid=$!
  started_pids+=("$gapfill_pid")
  deadline=$(( SECONDS + start_timeout ))
  gapfill_port=
  while (( SECONDS < deadline )); do
    kill -0 "$gapfill_pid" 2>/dev/null || { cat "$log" >&2; die "gapfill exited while starting"; }
    gapfill_port=$(grep -o 'serving on http://127\.0\.0\.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [[ -n $gapfill_port ]] && break
    sleep 0.2
  done
  [[ -n $gapfill_port ]] || die "gapfill did not start within ${start_timeout} s (see $log)"
  wait_healthz "$gapfill_port" "$gapfill_pid" 30 || die "gapfill does not answer /healthz (see $log)"
  gapfill_start_seconds=$(awk -v a="$started_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
}

# Reads one wrk report: sets run_rps, run_p99_ms and run_errors.
parse_wrk() {  # file
  run_rps=$(awk '/^Requests\/sec:/ { print $2 }' "$1")
  run_p99_ms=$(awk '$1 == "99%" {
      v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      factor = unit == "us" ? 0.001 : unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60000 : -1
      printf "%.2f", v * factor }' "$1")
  run_errors=$(awk '/Non-2xx or 3xx responses:/ { bad += $NF } /Socket errors:/ {
      for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) { gsub(",", "", $i); bad += $i } }
      END { print bad + 0 }' "$1")
  [[ -n $run_rps && -n $run_p99_ms ]] || { cat "$1" >&2; die "cannot read the wrk report $1"; }
}

# ---------------------------------------------------------------- 1. tools and build
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git status --porcelain -- src CMakeLists.txt 2>/dev/null) ]]; then
  revision+=" with uncommitted changes in src/"
fi
scripts/bootstrap.sh --bench
for tool in wrk nginx curl ss; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
nginx_bin=$(command -v nginx)

if [[ ! -f $build_dir/CMakeCache.txt ]]; then
  if [[ $build_dir == build/release ]]; then
    cmake --preset release
  else
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
  fi
fi
cmake --build "$build_dir" --target gapfill gapfill_gen_dataset
mkdir -p "$out"

# ---------------------------------------------------------------- 2. the data set
dataset_note="reused"
regenerate=0
if [[ ! -f $db || ! -f $meta ]]; then
  regenerate=1
elif [[ $(meta_value posts) != "$posts" || $(meta_value networks) != "$networks" ||
        $(meta_value seed) != "$seed" ]]; then
  say "the data set in $db has other parameters; generating it again"
  regenerate=1
elif (( $(date +%s) - $(meta_value generated_at) > max_age_days * 86400 )); then
  # Its posts age: past the networks' expiry the server's sweep would start
  # closing them (and writing) during the benchmark.
  say "the data set is older than $max_age_days days; generating it again"
  regenerate=1
fi
if (( regenerate )); then
  say "generating $networks networks and $posts posts into $db"
  rm -f "$db" "$db-wal" "$db-shm" "$meta"
  "$bin_dir/gapfill_gen_dataset" --db "$db.tmp" --replace --networks "$networks" \
    --posts "$posts" --seed "$seed" --summary "$meta.tmp"
  mv "$db.tmp" "$db"
  mv "$meta.tmp" "$meta"
  dataset_note="generated in this run"
fi
generator_seconds=$(meta_value seconds)
slug=$(meta_value busiest_slug)
lat=$(meta_value busiest_lat)
lon=$(meta_value busiest_lon)
busiest_posts=$(meta_value busiest_posts)
busiest_live=$(meta_value busiest_live)
[[ $slug =~ ^[a-z0-9-]{3,40}$ && $lat =~ ^-?[0-9.]+$ && $lon =~ ^-?[0-9.]+$ ]] ||
  die "$meta does not name the busiest network; delete it to generate the data set again"

# ---------------------------------------------------------------- 3. idle memory, empty database
empty_db=$out/empty.db
rm -f "$empty_db" "$empty_db-wal" "$empty_db-shm"
say "starting gapfill on an empty database"
start_gapfill "$empty_db" "$out/gapfill-empty.log"
sleep 2
idle_empty_kib=$(status_kib "$gapfill_pid" VmRSS)
stop_process "$gapfill_pid"

# ---------------------------------------------------------------- 4. gapfill on the data set
say "starting gapfill on $db (loading the read model)"
start_gapfill "$db" "$out/gapfill.log"
main_pid=$gapfill_pid main_port=$gapfill_port load_seconds=$gapfill_start_seconds
sleep 3  # let the start-up expiry sweep finish
idle_loaded_kib=$(status_kib "$main_pid" VmRSS)
threads_count=$(awk '$1 == "Threads:" { print $2 }' "/proc/$main_pid/status")
path="/api/v1/networks/$slug/posts?near=$lat,$lon&radius_km=25&limit=50"
gapfill_url="http://127.0.0.1:$main_port$path"
targets=(gapfill)
declare -A url_of=([gapfill]=$gapfill_url) pid_of=([gapfill]=$main_pid)
if (( uncached )); then
  say "starting a second gapfill on it, listing cache off"
  start_gapfill "$db" "$out/gapfill-uncached.log" GAPFILL_LISTING_CACHE_ENTRIES=0
  sleep 3
  idle_uncached_kib=$(status_kib "$gapfill_pid" VmRSS)
  targets+=(uncached)
  url_of[uncached]="http://127.0.0.1:$gapfill_port$path"
  pid_of[uncached]=$gapfill_pid
fi

# ---------------------------------------------------------------- 5. the same bytes, static
www=$out/www
mkdir -p "$www"
status_and_size=$(curl -sS --max-time 10 -o "$www/near.json" -w '%{http_code} %{size_download}' "$gapfill_url")
[[ ${status_and_size%% *} == 200 ]] || die "GET $path answered ${status_and_size%% *}: $(head -c 300 "$www/near.json")"
response_bytes=${status_and_size##* }
response_items=$( (grep -o '"distance_km":' "$www/near.json" || true) | wc -l)
(( response_items > 0 )) || say "warning: the listing is empty; the comparison means little"

nginx_port=$(free_port)
mkdir -p "$out/nginx-temp"
if [[ $nginx_access_log == 1 ]]; then
  access_log_line="access_log $out/nginx-access.log;"
else
  # gapfill logs nothing per request at level warn; nginx does the same.
  access_log_line="access_log off;"
fi
user_line=""
if (( EUID == 0 )); then user_line="user $(id -un) $(id -gn);"; fi  # else workers run as nobody
cat >"$out/nginx.conf" <<EOF
# Generated by bench/api.sh: serves the saved gapfill response as a static file.
$user_line
worker_processes $nginx_workers;
daemon off;
pid $out/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 4096; }
http {
  $access_log_line
  client_body_temp_path $out/nginx-temp/body;
  proxy_temp_path $out/nginx-temp/proxy;
  fastcgi_temp_path $out/nginx-temp/fastcgi;
  uwsgi_temp_path $out/nginx-temp/uwsgi;
  scgi_temp_path $out/nginx-temp/scgi;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 10000000;  # as gapfill: never close a busy keep-alive connection
  server {
    listen 127.0.0.1:$nginx_port;
    location = /api/v1/networks/$slug/posts {
      alias $www/near.json;
      default_type application/json;
      # The headers gapfill sends, so that both answers are about the same size.
      add_header X-Content-Type-Options nosniff;
      add_header Cache-Control no-store;
      add_header Referrer-Policy no-referrer;
      add_header Content-Security-Policy "default-src 'none'; frame-ancestors 'none'";
    }
  }
}
EOF
: >"$out/nginx-error.log"
"$nginx_bin" -t -q -p "$out" -e "$out/nginx-error.log" -c "$out/nginx.conf" ||
  die "nginx rejects $out/nginx.conf"
"$nginx_bin" -p "$out" -e "$out/nginx-error.log" -c "$out/nginx.conf" &
nginx_pid=$!
started_pids+=("$nginx_pid")
nginx_url="http://127.0.0.1:$nginx_port$path"
for _ in $(seq 100); do
  curl -fsS --max-time 2 -o /dev/null "$nginx_url" 2>/dev/null && break
  kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited (see $out/nginx-error.log)"
  sleep 0.1
done
nginx_bytes=$(curl -fsS --max-time 5 -o /dev/null -w '%{size_download}' "$nginx_url") ||
  die "nginx does not serve $nginx_url"
[[ $nginx_bytes == "$response_bytes" ]] || die "nginx serves $nginx_bytes bytes, gapfill $response_bytes"
nginx_processes=$( (pgrep -P "$nginx_pid" || true) | wc -l)
targets+=(nginx)
url_of[nginx]=$nginx_url
pid_of[nginx]=$nginx_pid

# ---------------------------------------------------------------- 6. the runs
run_wrk() {  # name url round
  local file="$out/wrk-$1-$3.txt" wrk_pid status=0
  # In the background and waited for, so that a signal to this script is
  # handled at once rather than after the run.
  timeout --kill-after=10 $(( duration + 60 )) \
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency "$2" >"$file" &
  wrk_pid=$!
  started_pids+=("$wrk_pid")
  wait "$wrk_pid" || status=$?
  forget_pid "$wrk_pid"
  (( status == 0 )) || { cat "$file" >&2; die "wrk failed against $1 (status $status)"; }
  parse_wrk "$file"
}

sample_rss() {  # pid file: VmRSS every 0.1 s while the process lives
  while kill -0 "$1" 2>/dev/null; do status_kib "$1" VmRSS >>"$2"; sleep 0.1; done
}

declare -A rps_runs p99_runs
errors_total=0
rm -f "$out"/wrk-*.txt "$out"/rss-*.txt
say "wrk -t$threads -c$connections -d${duration}s --latency, $rounds rounds of: ${targets[*]}"
for round in $(seq "$rounds"); do
  for target in "${targets[@]}"; do
    sampler_pid=
    if [[ $target != nginx ]]; then
      : >>"$out/rss-$target.txt"
      sample_rss "${pid_of[$target]}" "$out/rss-$target.txt" &
      sampler_pid=$!
      started_pids+=("$sampler_pid")
    fi
    run_wrk "$target" "${url_of[$target]}" "$round"
    [[ -z $sampler_pid ]] || stop_process "$sampler_pid"
    rps_runs[$target]+="$run_rps "
    p99_runs[$target]+="$run_p99_ms "
    errors_total=$(( errors_total + run_errors ))
    say "round $round $(printf '%-8s' "$target") $run_rps req/s, p99 $run_p99_ms ms, $run_errors errors"
    kill -0 "${pid_of[$target]}" 2>/dev/null || die "$target died under load"
  done
done
peak_kib=$(sort -n "$out/rss-gapfill.txt" | tail -1)
hwm_kib=$(status_kib "$main_pid" VmHWM)
if (( uncached )); then
  peak_uncached_kib=$(sort -n "$out/rss-uncached.txt" | tail -1)
  stop_process "${pid_of[uncached]}"
fi
stop_process "$nginx_pid"

if (( perf_run )); then
  if command -v perf >/dev/null; then
    say "one more gapfill run (cache on) under perf, not counted"
    rm -f "$out/perf-gapfill.data" "$out/perf-gapfill.data.old"
    perf record -F 499 -g -p "$main_pid" -o "$out/perf-gapfill.data" -- sleep "$duration" \
      >/dev/null 2>&1 &
    perf_pid=$!
    started_pids+=("$perf_pid")
    sleep 0.5
    timeout --kill-after=10 $(( duration + 60 )) wrk -t"$threads" -c"$connections" \
      -d"${duration}s" --timeout 10s "$gapfill_url" >"$out/wrk-perf.txt" || true
    wait "$perf_pid" 2>/dev/null || true
    forget_pid "$perf_pid"
    perf report -i "$out/perf-gapfill.data" --no-children --sort dso,sym -g none --stdio \
      2>/dev/null | grep -E '^ +[0-9]' | head -60 >"$out/perf-gapfill.txt" || true
    say "hottest gapfill functions: $out/perf-gapfill.txt"
  else
    say "BENCH_PERF=1 but perf is not installed (linux-perf); skipped"
  fi
fi
stop_process "$main_pid"

# ---------------------------------------------------------------- 7. report
# shellcheck disable=SC2086  # the run lists are space-separated numbers
{
  for target in "${targets[@]}"; do
    printf '%s %.0f %.2f\n' "$target" "$(median ${rps_runs[$target]})" "$(median ${p99_runs[$target]})"
  done
} >"$out/medians.txt"
median_of() { awk -v t="$1" -v f="$2" '$1 == t { print $f }' "$out/medians.txt"; }
ratio_of() {
  awk -v g="$(median_of "$1" 2)" -v n="$(median_of nginx 2)" 'BEGIN { printf("%.3f", (n > 0 ? g / n : 0)) }'
}
verdict() { awk -v value="$1" -v op="$2" -v limit="$3" 'BEGIN {
  ok = op == ">=" ? value >= limit : value <= limit; print ok ? "PASS" : "FAIL" }'; }
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ratio=$(ratio_of gapfill)
g_p99=$(median_of gapfill 3)
peak_mb=$(mib "$peak_kib")
idle_empty_mb=$(mib "$idle_empty_kib")
if (( uncached )); then
  u_rps=$(median_of uncached 2) u_p99=$(median_of uncached 3) u_ratio=$(ratio_of uncached)
  u_peak=$(mib "$peak_uncached_kib") u_idle=$(mib "$idle_uncached_kib")
  u_verdicts=(" / $(verdict "$u_ratio" ">=" 0.5)" " / $(verdict "$u_p99" "<=" 20)"
              " / $(verdict "$u_peak" "<=" 300)")
else
  u_rps=- u_p99=- u_ratio=- u_peak=- u_idle=- u_verdicts=("" "" "")
fi
row() { printf '%-34s %10s %10s %10s %10s  %s\n' "$@"; }

{
  echo "Gapfill HTTP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine:  $(nproc) x $cpu, Linux $(uname -r); wrk, the servers and this script share it"
  echo "          load average before the run: $load_before"
  echo "source:   $revision (build dir $build_dir)"
  echo "data set: $networks networks, $posts posts, seed $seed ($dataset_note; generator ${generator_seconds} s)"
  echo "request:  GET $path"
  echo "          $response_items items, $response_bytes bytes; busiest network $busiest_posts posts, $busiest_live live"
  echo "load:     wrk -t$threads -c$connections -d${duration}s --latency; $rounds rounds of ${targets[*]}, medians"
  echo "gapfill:  default config (io_threads 2, worker_threads 4; $threads_count threads), log level warn"
  if (( uncached )); then
    echo "uncached: the same with GAPFILL_LISTING_CACHE_ENTRIES=0, every listing computed"
  fi
  echo "nginx:    worker_processes $nginx_workers ($nginx_processes workers), static file, same security headers, ${access_log_line%;}"
  echo
  row "metric" "gapfill" "uncached" "nginx" "target" "verdict (gapfill / uncached)"
  row "throughput, median (req/s)" "$(median_of gapfill 2)" "$u_rps" "$(median_of nginx 2)" "" ""
  row "throughput ratio to nginx" "$ratio" "$u_ratio" "" ">= 0.5" \
    "$(verdict "$ratio" ">=" 0.5)${u_verdicts[0]}"
  row "p99 latency, median (ms)" "$g_p99" "$u_p99" "$(median_of nginx 3)" "<= 20 ms" \
    "$(verdict "$g_p99" "<=" 20)${u_verdicts[1]}"
  row "RSS peak under load (MB)" "$peak_mb" "$u_peak" "" "<= 300 MB" \
    "$(verdict "$peak_mb" "<=" 300)${u_verdicts[2]}"
  row "RSS high-water mark (MB)" "$(mib "$hwm_kib")" "" "" "" ""
  row "RSS idle, data set loaded (MB)" "$(mib "$idle_loaded_kib")" "$u_idle" "" "" ""
  row "RSS idle, empty database (MB)" "$idle_empty_mb" "" "" "<= 30 MB" \
    "$(verdict "$idle_empty_mb" "<=" 30)"
  row "start-up to /healthz (s)" "$load_seconds" "" "" "" ""
  echo
  echo "per round (req/s; p99 ms):"
  for target in "${targets[@]}"; do
    printf '  %-8s %s; %s\n' "$target" "${rps_runs[$target]% }" "${p99_runs[$target]% }"
  done
  echo "  non-2xx responses and socket errors, all runs: $errors_total"
  echo "(MB = MiB; memory is the gapfill process's VmRSS, sampled every 0.1 s during its runs)"
} | tee "$results"
say "results written to $results"
