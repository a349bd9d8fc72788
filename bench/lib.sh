# shellcheck shell=bash disable=SC2034  # the variables set here are read by the scripts that source it
# Shared by the HTTP benchmarks (bench/api.sh, bench/browse.sh); sourced, not run.
#
# Gives: the common settings and their checks, clean-up of every process
# started, the build, the data set (generated once into bench/out/bench.db and
# reused), starting gapfill and nginx, saving a gapfill response for nginx to
# serve with the same headers, the alternating wrk rounds, medians and
# verdicts. A benchmark script sets bench_name (and optionally bench_work, the
# folder for its scratch files) before sourcing this file, then calls the
# steps in order; see bench/README.md.
#
# Environment (defaults in brackets):
#   BENCH_POSTS [1000000]  BENCH_NETWORKS [1000]  BENCH_DURATION [15] seconds per run
#   BENCH_ROUNDS [3]  BENCH_THREADS [2]  BENCH_CONNECTIONS [64]  BENCH_SEED [1]
#   BENCH_BUILD_DIR [build/release]   BENCH_NGINX_WORKERS [auto]
#   BENCH_NGINX_ACCESS_LOG [0]  1: nginx logs every request (to the work folder)
#   BENCH_DATASET_MAX_AGE_DAYS [7]    regenerate the data set when older
#   BENCH_START_TIMEOUT [300] seconds for gapfill to load and answer /healthz
#   BENCH_UNCACHED [1]  0: skip the gapfill with its caches off
#   BENCH_PERF [0]  1: one more gapfill run (not counted) under `perf record`

: "${bench_name:?set bench_name before sourcing bench/lib.sh}"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

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
backend=${BENCH_DB:-sqlite}
db_env=()   # extra environment for gapfill serve (bench_postgres)
pg_dir=     # the PostgreSQL cluster's folder while one runs (bench_postgres)

out=$root/bench/out
work=${bench_work:-$out}  # this benchmark's scratch files (logs, wrk reports, nginx)
if [[ $build_dir == /* ]]; then bin_dir=$build_dir; else bin_dir=$root/$build_dir; fi
db=$out/bench.db
meta=$out/bench.meta

say() { printf '%s: %s\n' "$bench_name" "$*" >&2; }
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
  if [[ -n ${pg_dir:-} ]]; then
    # The servers first: the cluster stops faster without their connections.
    for pid in "${started_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    sleep 1
    "$root/scripts/pg_cluster.sh" stop "$pg_dir" >/dev/null 2>&1 || true
    pg_dir=
  fi
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

verdict() { awk -v value="$1" -v op="$2" -v limit="$3" 'BEGIN {
  ok = op == ">=" ? value >= limit : value <= limit; print ok ? "PASS" : "FAIL" }'; }

row() { printf '%-34s %10s %10s %10s %10s  %s\n' "$@"; }

# ---------------------------------------------------------------- 1. tools and build
# Sets load_before, revision and nginx_bin.
bench_build() {
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n $(git status --porcelain -- src web CMakeLists.txt 2>/dev/null) ]]; then
    revision+=" with uncommitted changes in src/ or web/"
  fi
  scripts/bootstrap.sh --bench
  local tool
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
  mkdir -p "$out" "$work"
  # One benchmark at a time: two at once on this machine measure each other.
  exec {bench_lock_fd}>"$out/bench.lock"
  flock -n "$bench_lock_fd" || die "another benchmark holds $out/bench.lock"
}

# ---------------------------------------------------------------- 2. the data set
# Generates bench/out/bench.db unless a fitting one is there. Sets
# dataset_note, generator_seconds, slug, lat, lon, busiest_posts, busiest_live.
bench_dataset() {
  dataset_note="reused"
  local regenerate=0
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
    rm -f "$db" "$db-wal" "$db-shm" "$db.key" "$meta"
    "$bin_dir/gapfill_gen_dataset" --db "$db.tmp" --replace --networks "$networks" \
      --posts "$posts" --seed "$seed" --summary "$meta.tmp"
    mv "$db.tmp" "$db"
    mv "$db.tmp.key" "$db.key"
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
}

# ---------------------------------------------------------------- 2b. the data set on PostgreSQL
# With BENCH_DB=postgres: a throwaway PostgreSQL 15 + PostGIS cluster
# (scripts/pg_cluster.sh, as the tests use: fsync off, 127.0.0.1 only) in
# $work/pg, and the data set copied into it by `gapfill migrate-data` (timed).
# Sets db to the database's URL, db_env to the data key file's setting and
# migrate_seconds. The cluster is stopped and removed on exit.
bench_postgres() {
  db_env=()
  migrate_seconds=
  [[ $backend == postgres || $backend == sqlite ]] || die "BENCH_DB is sqlite or postgres, not $backend"
  [[ $backend == postgres ]] || return 0
  pg_dir=$work/pg
  "$root/scripts/pg_cluster.sh" stop "$pg_dir" >/dev/null 2>&1 || true
  say "starting a PostgreSQL cluster in $pg_dir"
  "$root/scripts/pg_cluster.sh" start "$pg_dir" >&2
  local base started_ns
  base=$(cat "$pg_dir/url")
  psql -X -q -v ON_ERROR_STOP=1 -d "$base/postgres" -c 'CREATE DATABASE bench TEMPLATE gapfill_template' >&2
  say "copying the data set into PostgreSQL (gapfill migrate-data)"
  started_ns=$(date +%s%N)
  "$bin_dir/gapfill" migrate-data --from "sqlite:$db" --to "$base/bench" --data-key-file "$db.key" \
    >"$work/migrate-data.log" 2>&1 || { tail -20 "$work/migrate-data.log" >&2; die "migrate-data failed"; }
  migrate_seconds=$(awk -v a="$started_ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  psql -X -q -d "$base/bench" -c 'VACUUM ANALYZE' >&2
  db=$base/bench
  db_env=("GAPFILL_DATA_KEY_FILE=$out/bench.db.key")
}

# ---------------------------------------------------------------- 3. gapfill
# Starts gapfill on a database, listening on a free loopback port, and waits
# until it has loaded its read model and answers /healthz. Sets gapfill_pid,
# gapfill_port and gapfill_start_seconds.
start_gapfill() {  # db log [NAME=value ...]: extra environment
  local db_file=$1 log=$2 deadline started_ns
  shift 2
  : >"$log"
  started_ns=$(date +%s%N)
  # Rate limits off: a benchmark is one address making many requests.
  env GAPFILL_LOG_LEVEL=warn GAPFILL_RATE_LIMITS=off "${db_env[@]}" "$@" "$bin_dir/gapfill" serve --db "$db_file" \
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

# Starts the gapfill that is measured and, unless BENCH_UNCACHED=0, a second
# one with its response caches off (GAPFILL_LISTING_CACHE_ENTRIES=0 sizes both
# the API's listing cache and the rendered-page cache). Sets main_pid,
# main_port, load_seconds, idle_loaded_kib, threads_count and, for the second,
# uncached_pid, uncached_port, idle_uncached_kib.
bench_start_gapfills() {
  say "starting gapfill on $db (loading the read model)"
  start_gapfill "$db" "$work/gapfill.log"
  main_pid=$gapfill_pid main_port=$gapfill_port load_seconds=$gapfill_start_seconds
  sleep 3  # let the start-up expiry sweep finish
  idle_loaded_kib=$(status_kib "$main_pid" VmRSS)
  threads_count=$(awk '$1 == "Threads:" { print $2 }' "/proc/$main_pid/status")
  uncached_pid='' uncached_port='' idle_uncached_kib=0
  if (( uncached )); then
    say "starting a second gapfill on it, caches off"
    start_gapfill "$db" "$work/gapfill-uncached.log" GAPFILL_LISTING_CACHE_ENTRIES=0
    uncached_pid=$gapfill_pid uncached_port=$gapfill_port
    sleep 3
    idle_uncached_kib=$(status_kib "$uncached_pid" VmRSS)
  fi
}

# ---------------------------------------------------------------- 4. the same bytes, static
# Saves gapfill's answer to a URL (body and headers) and sets response_bytes.
# Extra curl arguments (e.g. -H 'Accept-Language: en') go after the file.
save_response() {  # url body_file [curl arguments...]
  local url=$1 file=$2 status_and_size
  shift 2
  status_and_size=$(curl -sS --max-time 10 "$@" -D "$file.headers" -o "$file" \
    -w '%{http_code} %{size_download}' "$url")
  [[ ${status_and_size%% *} == 200 ]] ||
    die "GET $url answered ${status_and_size%% *}: $(head -c 300 "$file")"
  response_bytes=${status_and_size##* }
}

# The headers of a saved response as nginx add_header lines, so that nginx
# answers with the same headers: everything but what nginx sets itself.
nginx_add_headers() {  # headers_file (from save_response)
  local line name value
  while IFS= read -r line; do
    line=${line%$'\r'}
    [[ $line == *:* ]] || continue
    name=${line%%:*}
    value=${line#*:}
    value=${value# }
    case ${name,,} in
      date | server | connection | keep-alive | content-length | content-type | transfer-encoding) continue ;;
    esac
    [[ $name =~ ^[A-Za-z0-9-]+$ && $value != *[\"\$\\]* ]] ||
      die "cannot copy the header '$line' into nginx.conf"
    printf '      add_header %s "%s" always;\n' "$name" "$value"
  done <"$1"
}

# Writes $work/nginx.conf around the caller's server{} contents (and optional
# http{}-level lines), starts nginx on it and sets nginx_pid, nginx_port,
# nginx_processes, access_log_line.
bench_start_nginx() {  # server_body [http_lines]
  local server_body=$1 http_lines=${2:-} user_line=""
  nginx_port=$(free_port)
  mkdir -p "$work/nginx-temp"
  if [[ $nginx_access_log == 1 ]]; then
    access_log_line="access_log $work/nginx-access.log;"
  else
    # gapfill logs nothing per request at level warn; nginx does the same.
    access_log_line="access_log off;"
  fi
  if (( EUID == 0 )); then user_line="user $(id -un) $(id -gn);"; fi  # else workers run as nobody
  cat >"$work/nginx.conf" <<EOF
# Generated by bench/$bench_name: serves saved gapfill responses as static files.
$user_line
worker_processes $nginx_workers;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  $access_log_line
  client_body_temp_path $work/nginx-temp/body;
  proxy_temp_path $work/nginx-temp/proxy;
  fastcgi_temp_path $work/nginx-temp/fastcgi;
  uwsgi_temp_path $work/nginx-temp/uwsgi;
  scgi_temp_path $work/nginx-temp/scgi;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 10000000;  # as gapfill: never close a busy keep-alive connection
$http_lines
  server {
    listen 127.0.0.1:$nginx_port;
$server_body
  }
}
EOF
  : >"$work/nginx-error.log"
  "$nginx_bin" -t -q -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" ||
    die "nginx rejects $work/nginx.conf"
  "$nginx_bin" -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" &
  nginx_pid=$!
  started_pids+=("$nginx_pid")
  for _ in $(seq 100); do
    curl -sS --max-time 2 -o /dev/null "http://127.0.0.1:$nginx_port/" 2>/dev/null && break
    kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited (see $work/nginx-error.log)"
    sleep 0.1
  done
  nginx_processes=$( (pgrep -P "$nginx_pid" || true) | wc -l)
}

# Checks that nginx answers a URL 200 with as many body bytes as gapfill.
check_nginx_serves() {  # url bytes [curl arguments...]
  local url=$1 bytes=$2 got
  shift 2
  got=$(curl -fsS --max-time 5 "$@" -o /dev/null -w '%{size_download}' "$url") ||
    die "nginx does not serve $url"
  [[ $got == "$bytes" ]] || die "nginx serves $got bytes at $url, gapfill $bytes"
}

# ---------------------------------------------------------------- 5. the runs
# The caller fills `targets` (names, in rotation order), `url_of` and `pid_of`
# (gapfill targets: their RSS is sampled; nginx targets: a name starting with
# "nginx") and may set `wrk_extra` (e.g. -H 'Accept-Language: en').
targets=()
declare -A url_of=() pid_of=()
wrk_extra=()
declare -A rps_runs=() p99_runs=()
errors_total=0

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

run_wrk() {  # name url round
  local file="$work/wrk-$1-$3.txt" wrk_pid status=0
  # In the background and waited for, so that a signal to this script is
  # handled at once rather than after the run.
  timeout --kill-after=10 $(( duration + 60 )) \
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s --latency \
    "${wrk_extra[@]}" "$2" >"$file" &
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

# wrk against every target in turn, BENCH_ROUNDS times; fills rps_runs,
# p99_runs, errors_total and $work/rss-<target>.txt, then writes
# $work/medians.txt (name, req/s, p99 ms).
bench_rounds() {
  local round target sampler_pid
  rm -f "$work"/wrk-*.txt "$work"/rss-*.txt
  say "wrk -t$threads -c$connections -d${duration}s --latency${wrk_extra[*]:+ ${wrk_extra[*]@Q}}, $rounds rounds of: ${targets[*]}"
  for round in $(seq "$rounds"); do
    for target in "${targets[@]}"; do
      sampler_pid=
      if [[ $target != nginx* ]]; then
        : >>"$work/rss-$target.txt"
        sample_rss "${pid_of[$target]}" "$work/rss-$target.txt" &
        sampler_pid=$!
        started_pids+=("$sampler_pid")
      fi
      run_wrk "$target" "${url_of[$target]}" "$round"
      [[ -z $sampler_pid ]] || stop_process "$sampler_pid"
      rps_runs[$target]+="$run_rps "
      p99_runs[$target]+="$run_p99_ms "
      errors_total=$(( errors_total + run_errors ))
      say "round $round $(printf '%-18s' "$target") $run_rps req/s, p99 $run_p99_ms ms, $run_errors errors"
      kill -0 "${pid_of[$target]}" 2>/dev/null || die "$target died under load"
    done
  done
  # shellcheck disable=SC2086  # the run lists are space-separated numbers
  for target in "${targets[@]}"; do
    printf '%s %.0f %.2f\n' "$target" "$(median ${rps_runs[$target]})" "$(median ${p99_runs[$target]})"
  done >"$work/medians.txt"
}

median_of() { awk -v t="$1" -v f="$2" '$1 == t { print $f }' "$work/medians.txt"; }  # target field(2 req/s, 3 p99)
ratio_of() {  # target reference: median throughput ratio
  awk -v g="$(median_of "$1" 2)" -v n="$(median_of "$2" 2)" 'BEGIN { printf("%.3f", (n > 0 ? g / n : 0)) }'
}
# The median of the per-round ratios (each run against the reference run of
# the same round): steadier than the ratio of medians when the machine's
# speed drifts between rounds.
round_ratio_of() {  # target reference
  local -a mine theirs ratios=()
  read -r -a mine <<<"${rps_runs[$1]}"
  read -r -a theirs <<<"${rps_runs[$2]}"
  local i
  for i in "${!mine[@]}"; do
    ratios+=("$(awk -v g="${mine[$i]}" -v n="${theirs[$i]:-0}" 'BEGIN { printf("%.3f", (n > 0 ? g / n : 0)) }')")
  done
  printf '%.3f' "$(median "${ratios[@]}")"
}
peak_rss_kib() {  # target: the highest sampled VmRSS
  sort -n "$work/rss-$1.txt" 2>/dev/null | tail -1
}

# One more run against a gapfill under `perf record` (not counted): the
# profile in $work/perf-<tag>.data, its hottest functions in
# $work/perf-<tag>.txt, wrk's report in $work/wrk-perf-<tag>.txt.
bench_perf() {  # pid url tag
  local pid=$1 url=$2 tag=$3 perf_pid
  if ! command -v perf >/dev/null; then
    say "BENCH_PERF=1 but perf is not installed (linux-perf); skipped"
    return 0
  fi
  say "one more run of gapfill ($tag) under perf, not counted"
  rm -f "$work/perf-$tag.data" "$work/perf-$tag.data.old"
  perf record -F 499 -g -p "$pid" -o "$work/perf-$tag.data" -- sleep "$duration" \
    >/dev/null 2>&1 &
  perf_pid=$!
  started_pids+=("$perf_pid")
  sleep 0.5
  timeout --kill-after=10 $(( duration + 60 )) wrk -t"$threads" -c"$connections" \
    -d"${duration}s" --timeout 10s "${wrk_extra[@]}" "$url" >"$work/wrk-perf-$tag.txt" || true
  wait "$perf_pid" 2>/dev/null || true
  forget_pid "$perf_pid"
  perf report -i "$work/perf-$tag.data" --no-children --sort dso,sym -g none --stdio \
    2>/dev/null | grep -E '^ +[0-9]' | head -60 >"$work/perf-$tag.txt" || true
  say "hottest gapfill functions: $work/perf-$tag.txt"
}

cpu_model() { awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo; }
