#!/usr/bin/env bash
# The browse page benchmark: the busiest network's HTML browse page
# (/n/<slug>/browse), unfiltered and with one filter, against nginx serving
# the very same bytes as static .html files with the same headers, on the same
# machine, in one run.
#
#   bench/browse.sh                     1,000 networks, 1,000,000 posts, 3 rounds of 15 s
#   BENCH_POSTS=100000 BENCH_DURATION=5 bench/browse.sh
#
# Steps (the shared ones in bench/lib.sh, as bench/api.sh): bootstrap, build,
# the data set in bench/out/bench.db (generated once, shared with api.sh);
# start gapfill and a second gapfill with its caches off
# (GAPFILL_LISTING_CACHE_ENTRIES=0 also turns off the rendered-page cache);
# save both pages once, in English, as nginx's static files; then
# wrk -t2 -c64 -H 'Accept-Language: en' against each page on gapfill, the
# uncached gapfill and nginx in turn, for several rounds, and report medians
# and the throughput ratio gapfill/nginx against the target (>= 0.3).
# Results: bench/out/browse-results.txt; scratch files (logs, wrk reports,
# the nginx config and pages) in bench/out/browse/.
#
# Environment: the BENCH_* settings of bench/lib.sh (posts, networks, duration,
# rounds, threads, connections, seed, build dir, nginx workers, BENCH_UNCACHED,
# BENCH_PERF: profiles the cached and the uncached gapfill on the filtered
# page, summaries in bench/out/browse/perf-*.txt), and
#   BENCH_BROWSE_FILTER [kind=request&radius_km=10]  the filtered page's query
#   BENCH_LANGUAGE [en]  sent as Accept-Language
set -euo pipefail

bench_name=browse.sh
bench_work="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/out/browse"
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
results=$out/browse-results.txt
target_ratio=0.3

filter=${BENCH_BROWSE_FILTER-kind=request&radius_km=10}
language=${BENCH_LANGUAGE:-en}
# The query is a key of nginx's map and part of a URL: plain characters only.
[[ $filter =~ ^[A-Za-z0-9_.,=\&-]{1,200}$ ]] || die "BENCH_BROWSE_FILTER must be a plain query string"
[[ $language =~ ^[a-z]{2}$ ]] || die "BENCH_LANGUAGE must be a two-letter language code"
wrk_extra=(-H "Accept-Language: $language")

# ---------------------------------------------------------------- tools, build, data set, gapfill
bench_build
bench_dataset
bench_start_gapfills

# ---------------------------------------------------------------- the pages, saved once
pages=(all filtered)
path="/n/$slug/browse"
declare -A query_of=([all]="" [filtered]=$filter) bytes_of=() items_of=()
www=$work/www
rm -rf "$www"
mkdir -p "$www"
for page in "${pages[@]}"; do
  url="http://127.0.0.1:$main_port$path${query_of[$page]:+?${query_of[$page]}}"
  save_response "$url" "$www/$page.html" "${wrk_extra[@]}"
  bytes_of[$page]=$response_bytes
  items_of[$page]=$( (grep -o 'class="card"' "$www/$page.html" || true) | wc -l)
  grep -qi "^content-language: $language" "$www/$page.html.headers" ||
    die "gapfill did not answer the $page page in '$language' (see $www/$page.html.headers)"
  (( items_of[$page] > 0 )) || say "warning: the $page page lists nothing; the comparison means little"
  if (( uncached )); then  # the uncached gapfill renders the same bytes
    cmp -s "$www/$page.html" <(curl -fsS --max-time 10 "${wrk_extra[@]}" \
      "http://127.0.0.1:$uncached_port$path${query_of[$page]:+?${query_of[$page]}}") ||
      say "warning: the uncached gapfill renders the $page page differently"
  fi
done

# nginx picks the file by the whole query string, as gapfill's page cache keys it.
bench_start_nginx "    location = $path {
      alias $www/\$browse_page;
      types { }
      default_type \"text/html; charset=utf-8\";
      # The headers gapfill sends (security policy, language, caching, Vary).
$(nginx_add_headers "$www/all.html.headers")
    }" "  map \$args \$browse_page {
    default \"\";
    \"\" all.html;
    \"$filter\" filtered.html;
  }"
for page in "${pages[@]}"; do
  check_nginx_serves "http://127.0.0.1:$nginx_port$path${query_of[$page]:+?${query_of[$page]}}" \
    "${bytes_of[$page]}" "${wrk_extra[@]}"
done

# Rotation: for each page, gapfill, uncached, nginx; each page's three runs
# follow one another, so that they see about the same machine.
for page in "${pages[@]}"; do
  query=${query_of[$page]:+?${query_of[$page]}}
  targets+=("gapfill-$page")
  url_of[gapfill-$page]="http://127.0.0.1:$main_port$path$query"
  pid_of[gapfill-$page]=$main_pid
  if (( uncached )); then
    targets+=("uncached-$page")
    url_of[uncached-$page]="http://127.0.0.1:$uncached_port$path$query"
    pid_of[uncached-$page]=$uncached_pid
  fi
  targets+=("nginx-$page")
  url_of[nginx-$page]="http://127.0.0.1:$nginx_port$path$query"
  pid_of[nginx-$page]=$nginx_pid
done

# ---------------------------------------------------------------- the runs
bench_rounds
peak_kib=$(cat "$work"/rss-gapfill-*.txt | sort -n | tail -1)
hwm_kib=$(status_kib "$main_pid" VmHWM)
stop_process "$nginx_pid"
if (( perf_run )); then
  bench_perf "$main_pid" "${url_of[gapfill-filtered]}" cached
  if (( uncached )); then
    bench_perf "$uncached_pid" "${url_of[uncached-filtered]}" uncached
  fi
fi
if (( uncached )); then
  peak_uncached_kib=$(cat "$work"/rss-uncached-*.txt | sort -n | tail -1)
  stop_process "$uncached_pid"
fi
stop_process "$main_pid"

# ---------------------------------------------------------------- report
{
  echo "Gapfill browse page benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine:  $(nproc) x $(cpu_model), Linux $(uname -r); wrk, the servers and this script share it"
  echo "          load average before the run: $load_before"
  echo "source:   $revision (build dir $build_dir)"
  echo "data set: $networks networks, $posts posts, seed $seed ($dataset_note; generator ${generator_seconds} s)"
  echo "          busiest network $slug: $busiest_posts posts, $busiest_live live"
  for page in "${pages[@]}"; do
    printf 'page %-9s GET %s%s\n' "$page:" "$path" "${query_of[$page]:+?${query_of[$page]}}"
    printf '                %s items, %s bytes of HTML\n' "${items_of[$page]}" "${bytes_of[$page]}"
  done
  echo "load:     wrk -t$threads -c$connections -d${duration}s --latency -H 'Accept-Language: $language'"
  echo "          $rounds rounds of ${targets[*]}; medians"
  echo "gapfill:  default config ($threads_count threads), log level warn; rendered pages cached per network version"
  if (( uncached )); then
    echo "uncached: the same with GAPFILL_LISTING_CACHE_ENTRIES=0, every page rendered"
  fi
  echo "nginx:    worker_processes $nginx_workers ($nginx_processes workers), static .html files, same headers, ${access_log_line%;}"
  for page in "${pages[@]}"; do
    g=gapfill-$page u=uncached-$page n=nginx-$page
    ratio=$(ratio_of "$g" "$n")
    if (( uncached )); then
      u_rps=$(median_of "$u" 2) u_p99=$(median_of "$u" 3) u_ratio=$(ratio_of "$u" "$n")
      u_verdict=" / $(verdict "$u_ratio" ">=" "$target_ratio")"
    else
      u_rps=- u_p99=- u_ratio=- u_verdict=
    fi
    echo
    echo "page $page (${bytes_of[$page]} bytes)"
    row "metric" "gapfill" "uncached" "nginx" "target" "verdict (gapfill / uncached)"
    row "throughput, median (req/s)" "$(median_of "$g" 2)" "$u_rps" "$(median_of "$n" 2)" "" ""
    row "throughput ratio to nginx" "$ratio" "$u_ratio" "" ">= $target_ratio" \
      "$(verdict "$ratio" ">=" "$target_ratio")$u_verdict"
    row "  median of per-round ratios" "$(round_ratio_of "$g" "$n")" \
      "$( (( uncached )) && round_ratio_of "$u" "$n" || echo -)" "" "" ""
    row "p99 latency, median (ms)" "$(median_of "$g" 3)" "$u_p99" "$(median_of "$n" 3)" "" ""
  done
  echo
  row "RSS peak under load (MB)" "$(mib "$peak_kib")" \
    "$( (( uncached )) && mib "$peak_uncached_kib" || echo -)" "" "" ""
  row "RSS high-water mark (MB)" "$(mib "$hwm_kib")" "" "" "" ""
  row "RSS idle, data set loaded (MB)" "$(mib "$idle_loaded_kib")" \
    "$( (( uncached )) && mib "$idle_uncached_kib" || echo -)" "" "" ""
  row "start-up to /healthz (s)" "$load_seconds" "" "" "" ""
  echo
  echo "per round (req/s; p99 ms):"
  for target in "${targets[@]}"; do
    printf '  %-18s %s; %s\n' "$target" "${rps_runs[$target]% }" "${p99_runs[$target]% }"
  done
  echo "  non-2xx responses and socket errors, all runs: $errors_total"
  echo "(MB = MiB; memory is the gapfill process's VmRSS, sampled every 0.1 s during its runs)"
} | tee "$results"
say "results written to $results"
