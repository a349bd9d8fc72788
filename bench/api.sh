#!/usr/bin/env bash
# The HTTP benchmark: Gapfill's busiest public listing against nginx serving
# the very same bytes as a static file, on the same machine, in one run.
#
#   bench/api.sh                        1,000 networks, 1,000,000 posts, 3 rounds of 15 s
#   BENCH_DB=postgres bench/api.sh      the same served from PostgreSQL (target ratio 0.3)
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
# The steps shared with bench/browse.sh live in bench/lib.sh, as do the
# settings (environment, defaults in brackets):
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

bench_name=api.sh
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
results=$out/api-results.txt
# The targets: 0.5 of nginx's throughput on SQLite, 0.3 on PostgreSQL (issue 7).
ratio_target=0.5
if [[ $backend == postgres ]]; then
  results=$out/api-results-postgres.txt
  ratio_target=0.3
fi

# ---------------------------------------------------------------- 1, 2. tools, build, data set
bench_build
bench_dataset

# ---------------------------------------------------------------- 3. idle memory, empty database
empty_db=$out/empty.db
rm -f "$empty_db" "$empty_db-wal" "$empty_db-shm"
say "starting gapfill on an empty database"
start_gapfill "$empty_db" "$out/gapfill-empty.log"
sleep 2
idle_empty_kib=$(status_kib "$gapfill_pid" VmRSS)
stop_process "$gapfill_pid"

# ---------------------------------------------------------------- 4. gapfill on the data set
bench_postgres
bench_start_gapfills
path="/api/v1/networks/$slug/posts?near=$lat,$lon&radius_km=25&limit=50"
gapfill_url="http://127.0.0.1:$main_port$path"
targets=(gapfill)
url_of[gapfill]=$gapfill_url
pid_of[gapfill]=$main_pid
if (( uncached )); then
  targets+=(uncached)
  url_of[uncached]="http://127.0.0.1:$uncached_port$path"
  pid_of[uncached]=$uncached_pid
fi

# ---------------------------------------------------------------- 5. the same bytes, static
www=$out/www
mkdir -p "$www"
save_response "$gapfill_url" "$www/near.json"
response_items=$( (grep -o '"distance_km":' "$www/near.json" || true) | wc -l)
(( response_items > 0 )) || say "warning: the listing is empty; the comparison means little"

bench_start_nginx "    location = /api/v1/networks/$slug/posts {
      alias $www/near.json;
      default_type application/json;
      # The headers gapfill sends, so that both answers are about the same size.
$(nginx_add_headers "$www/near.json.headers")
    }"
nginx_url="http://127.0.0.1:$nginx_port$path"
check_nginx_serves "$nginx_url" "$response_bytes"
targets+=(nginx)
url_of[nginx]=$nginx_url
pid_of[nginx]=$nginx_pid

# ---------------------------------------------------------------- 6. the runs
bench_rounds
peak_kib=$(peak_rss_kib gapfill)
hwm_kib=$(status_kib "$main_pid" VmHWM)
if (( uncached )); then
  peak_uncached_kib=$(peak_rss_kib uncached)
  stop_process "$uncached_pid"
fi
stop_process "$nginx_pid"
if (( perf_run )); then bench_perf "$main_pid" "$gapfill_url" gapfill; fi
stop_process "$main_pid"

# ---------------------------------------------------------------- 7. report
ratio=$(ratio_of gapfill nginx)
g_p99=$(median_of gapfill 3)
peak_mb=$(mib "$peak_kib")
idle_empty_mb=$(mib "$idle_empty_kib")
if (( uncached )); then
  u_rps=$(median_of uncached 2) u_p99=$(median_of uncached 3) u_ratio=$(ratio_of uncached nginx)
  u_peak=$(mib "$peak_uncached_kib") u_idle=$(mib "$idle_uncached_kib")
  u_verdicts=(" / $(verdict "$u_ratio" ">=" "$ratio_target")" " / $(verdict "$u_p99" "<=" 20)"
              " / $(verdict "$u_peak" "<=" 300)")
else
  u_rps=- u_p99=- u_ratio=- u_peak=- u_idle=- u_verdicts=("" "" "")
fi

{
  echo "Gapfill HTTP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine:  $(nproc) x $(cpu_model), Linux $(uname -r); wrk, the servers and this script share it"
  echo "          load average before the run: $load_before"
  echo "source:   $revision (build dir $build_dir)"
  echo "data set: $networks networks, $posts posts, seed $seed ($dataset_note; generator ${generator_seconds} s)"
  if [[ $backend == postgres ]]; then
    echo "database: PostgreSQL 15 + PostGIS (scripts/pg_cluster.sh: local, fsync off), the data set copied by migrate-data in ${migrate_seconds} s"
  else
    echo "database: SQLite $db"
  fi
  echo "request:  GET $path"
  echo "          $response_items items, $response_bytes bytes; busiest network $busiest_posts posts, $busiest_live live"
  echo "load:     wrk -t$threads -c$connections -d${duration}s --latency; $rounds rounds of ${targets[*]}, medians"
  echo "gapfill:  default config (io_threads 2, worker_threads 4; $threads_count threads), log level warn"
  if (( uncached )); then
    echo "uncached: the same with GAPFILL_LISTING_CACHE_ENTRIES=0, every listing computed"
  fi
  echo "nginx:    worker_processes $nginx_workers ($nginx_processes workers), static file, same headers, ${access_log_line%;}"
  echo
  row "metric" "gapfill" "uncached" "nginx" "target" "verdict (gapfill / uncached)"
  row "throughput, median (req/s)" "$(median_of gapfill 2)" "$u_rps" "$(median_of nginx 2)" "" ""
  row "throughput ratio to nginx" "$ratio" "$u_ratio" "" ">= $ratio_target" \
    "$(verdict "$ratio" ">=" "$ratio_target")${u_verdicts[0]}"
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
