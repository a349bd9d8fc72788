#!/usr/bin/env bash
# Installs what Gapfill needs to build, test and run on Debian 12, and nothing else.
# Idempotent: when everything is present it changes nothing and prints one line.
#   scripts/bootstrap.sh          build, test and run dependencies
#   scripts/bootstrap.sh --bench  also the benchmark tools (wrk, nginx)
#   scripts/bootstrap.sh --fuzz   also libFuzzer (make fuzz; 43 MB, so not by default)
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config ccache git tzdata ca-certificates curl
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev
  nlohmann-json3-dev libsqlite3-dev sqlite3 libsodium-dev libspdlog-dev
  libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev libcurl4-openssl-dev
  libctemplate-dev libqrencode-dev libhowardhinnant-date-dev libgeos-dev liblemon-dev
  # The PostgreSQL backend; the server and PostGIS for the tests (scripts/pg_cluster.sh).
  libpqxx-dev postgresql-15 postgresql-15-postgis-3
)
# The browser the end-to-end tests drive (playwright-core never downloads one).
test_packages=(chromium fonts-dejavu-core)
bench_packages=(wrk nginx-light)
# libFuzzer's runtime (libclang_rt.fuzzer), which drives the g++-built fuzz targets.
fuzz_packages=(libclang-rt-14-dev)

wanted=("${build_packages[@]}" "${test_packages[@]}")
if [[ "${1:-}" == "--bench" ]]; then wanted+=("${bench_packages[@]}"); fi
if [[ "${1:-}" == "--fuzz" ]]; then wanted+=("${fuzz_packages[@]}"); fi

cd "$(dirname "$0")/.."
# Node.js from Debian only when the machine has none of its own.
if [[ -f package.json ]] && ! command -v npm >/dev/null; then wanted+=(nodejs npm); fi

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

# Front-end packages come from npm, pinned by package-lock.json, once a
# package.json exists; reinstalled only when the lock file changed.
install_npm_packages() {
  [[ -f package.json ]] || return 0
  # A node_modules that links to another checkout's (a git worktree) belongs to
  # that checkout: npm ci would empty the directory it points to.
  [[ -L node_modules ]] && return 0
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "bootstrap: installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

if (( ${#missing[@]} == 0 )); then
  echo "bootstrap: all ${#wanted[@]} Debian packages present"
  install_npm_packages
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo_cmd=()
if (( EUID != 0 )); then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo -n)
  else
    echo "bootstrap: cannot install as $(id -un) without sudo. Please run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" || {
    echo "bootstrap: could not install: ${missing[*]}" >&2
    exit 1
  }
fi
install_npm_packages
