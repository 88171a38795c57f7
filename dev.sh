#!/usr/bin/env bash
# Smart Kampung developer commands. Two matter:
#   ./dev.sh run    set up everything that is missing, build, load the demo data, serve on :3000
#   ./dev.sh test   install test needs, then formatting, clippy, unit/integration tests, a release build,
#                   the size budget, the browser tests and Lighthouse (accessibility, SEO)
# Nothing here downloads a prebuilt binary or browser: tools come from crates.io, npm and Debian.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# Pinned tool versions. The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock.
CARGO_LEPTOS_VERSION="0.3.10"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LISTEN="${SK_LISTEN:-127.0.0.1:3000}"

say() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
    say "installing cargo-leptos $CARGO_LEPTOS_VERSION from crates.io (about 15 minutes, once)"
    # 0.3.11 needs a newer rustc than this toolchain; --locked keeps its tested dependency set.
    cargo install --locked "cargo-leptos@$CARGO_LEPTOS_VERSION"
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (a few minutes, once)"
    # Without --locked: its lock file names a dependency version the registry no longer has.
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

ensure_npm_tools() {
  # Tailwind CLI, wasm-opt (binaryen from npm: Debian's version 108 produces wasm that fails to hydrate)
  # and Playwright. Reinstalled only when package-lock.json changed.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium for the browser tests"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  fi
}

SITE_DIR="$ROOT/target/site"
RELEASE_STAMP="$SITE_DIR/.release-stamp"

build_release() {
  say "building the release bundle (server + wasm + css, precompressed)"
  cargo leptos build --release --precompress
  touch "$RELEASE_STAMP"
}

# `run` skips the build when no source changed since the last release build, so a second start takes
# seconds (cargo-leptos would otherwise re-run wasm-bindgen, wasm-opt and the compression). The binary
# must also name the bundle this checkout's site holds: a target folder can be shared between clones.
release_is_current() {
  local hash_file wasm_hash
  hash_file="$(dirname "$(server_binary)")/hash.txt"
  [ -f "$RELEASE_STAMP" ] && [ -x "$(server_binary)" ] && [ -f "$hash_file" ] || return 1
  wasm_hash="$(awk -F': *' '$1 == "wasm" { print $2 }' "$hash_file")"
  [ -n "$wasm_hash" ] && [ -f "$SITE_DIR/pkg/smart-kampung.$wasm_hash.wasm" ] &&
    [ -z "$(find app server style migrations Cargo.toml Cargo.lock package-lock.json -newer "$RELEASE_STAMP" -print -quit)" ]
}

server_binary() {
  echo "$TARGET_DIR/release/smart-kampung"
}

cmd_run() {
  ensure_rust_tools
  ensure_npm_tools
  if release_is_current; then
    say "release build is up to date"
  else
    build_release
  fi
  local data_dir="${SK_DATA_DIR:-$ROOT/data}"
  say "loading the demo data into $data_dir"
  "$(server_binary)" demo-data --data-dir "$data_dir"
  say "serving on http://$LISTEN (Ctrl-C to stop)"
  exec "$(server_binary)" serve --data-dir "$data_dir" --listen "$LISTEN" --site-root "$SITE_DIR"
}

wait_for_health() {
  local url="$1"
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "$url/healthz" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "the server did not become healthy at $url" >&2
  return 1
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    say "installing Debian's postgresql for the second engine's tests"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  fi
}

# A throwaway PostgreSQL cluster of the tests' own: initialised as the `postgres` user in a temporary
# folder, listening on a spare loopback port (and a socket in that folder), stopped and deleted by
# `stop_test_postgres`. Sets PG_TEST_URL (the server, without a database name).
PG_TEST_DIR=""
start_test_postgres() {
  local bin port
  bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  port="${SK_TEST_PG_PORT:-55432}"
  PG_TEST_DIR="$(mktemp -d /tmp/sk-pg.XXXXXX)"
  chmod 755 "$PG_TEST_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_TEST_DIR"; fi
  as_postgres "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w start \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400 -c shared_buffers=${SK_TEST_PG_SHARED_BUFFERS:-256MB}" >/dev/null
  PG_TEST_URL="postgres://postgres@127.0.0.1:$port"
  export PG_TEST_URL
}

stop_test_postgres() {
  [ -n "$PG_TEST_DIR" ] || return 0
  local bin
  bin="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
  as_postgres "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=""
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd_test() {
  ensure_rust_tools
  ensure_npm_tools
  ensure_chromium

  say "formatting"
  cargo fmt --all -- --check

  say "clippy (server side, ssr)"
  cargo clippy -p app -p server --features app/ssr --all-targets -- -D warnings
  say "clippy (browser side, hydrate, wasm32)"
  cargo clippy -p app -p hydrate --features app/hydrate --target wasm32-unknown-unknown -- -D warnings

  say "unit and integration tests"
  cargo test -p app --features ssr
  cargo test -p server

  say "server integration tests again on PostgreSQL (a throwaway cluster of their own)"
  ensure_postgres
  trap stop_test_postgres EXIT
  start_test_postgres
  cargo test -p server
  stop_test_postgres

  build_release

  say "end-to-end tests in Chromium (phone viewport, JavaScript on and off)"
  local scratch port log server_pid status
  scratch="$(mktemp -d)"
  port="${E2E_PORT:-3187}"
  log="$scratch/server.log"
  "$(server_binary)" demo-data --data-dir "$scratch/data" >>"$log" 2>&1
  "$(server_binary)" serve --data-dir "$scratch/data" --listen "127.0.0.1:$port" \
    --site-root "$SITE_DIR" >>"$log" 2>&1 &
  server_pid=$!
  # A second server on an empty database (no demo data): a regency starting from nothing. Its first
  # administrator is invited with the command a real regency uses; the code is printed on its own line.
  local onboard_port onboard_pid onboard_phone onboard_code
  onboard_port=$((port + 1))
  onboard_phone="081299990001"
  onboard_code="$("$(server_binary)" invite-admin --phone "$onboard_phone" --data-dir "$scratch/empty" \
    --site-url "http://127.0.0.1:$onboard_port" 2>>"$log" | grep -E '^[0-9]{8}$' | tail -n 1)"
  "$(server_binary)" serve --data-dir "$scratch/empty" --listen "127.0.0.1:$onboard_port" \
    --site-root "$SITE_DIR" >>"$log" 2>&1 &
  onboard_pid=$!
  status=0
  if wait_for_health "http://127.0.0.1:$port" && wait_for_health "http://127.0.0.1:$onboard_port"; then
    say "size budget (bundle, and the first load of a listing page)"
    node end2end/size-budget.mjs "$SITE_DIR/pkg" "http://127.0.0.1:$port" || status=$?
    (cd end2end && BASE_URL="http://127.0.0.1:$port" ONBOARD_URL="http://127.0.0.1:$onboard_port" \
      ONBOARD_ADMIN_PHONE="$onboard_phone" ONBOARD_ADMIN_CODE="$onboard_code" npx playwright test) || status=$?
    say "Lighthouse accessibility and SEO (100 on the pages people reach first)"
    node end2end/lighthouse.mjs "http://127.0.0.1:$port" || status=$?
  else
    status=1
  fi
  kill "$server_pid" "$onboard_pid" 2>/dev/null || true
  wait "$server_pid" "$onboard_pid" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    echo "--- server log ---"; tail -n 50 "$log"
  fi
  rm -rf "$scratch"
  return "$status"
}

ensure_bench_tools() {
  if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    say "installing wrk and nginx from Debian for the benchmarks"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk nginx
  fi
}

# The benchmark suite (bench/run.py): key pages on the demo data and on a regency's volume, against
# nginx serving the same bytes; memory and cold start. About 25 minutes; writes bench/RESULTS.md.
cmd_bench() {
  ensure_rust_tools
  ensure_npm_tools
  ensure_bench_tools
  if release_is_current; then
    say "release build is up to date"
  else
    build_release
  fi
  python3 bench/run.py --binary "$(server_binary)" --site-root "$SITE_DIR" "$@"
}

# The two engines side by side (bench/engines.py): a regency grown in SQLite, copied into a throwaway
# PostgreSQL cluster, key pages served through nginx by one SQLite server, one and two PostgreSQL
# servers. About 15 minutes past the release build (growing and copying the regency take 3 of them;
# --regency-dir reuses one); writes bench/ENGINES.md.
cmd_bench_engines() {
  ensure_rust_tools
  ensure_npm_tools
  ensure_bench_tools
  ensure_postgres
  if release_is_current; then
    say "release build is up to date"
  else
    build_release
  fi
  # A regency's server gives PostgreSQL a quarter of its memory; the whole regency then fits.
  SK_TEST_PG_SHARED_BUFFERS=2GB start_test_postgres
  trap stop_test_postgres EXIT
  python3 bench/engines.py --binary "$(server_binary)" --site-root "$SITE_DIR" --postgres-url "$PG_TEST_URL" "$@"
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  bench) shift; cmd_bench "$@" ;;
  bench-engines) shift; cmd_bench_engines "$@" ;;
  setup) ensure_rust_tools; ensure_npm_tools ;;
  *)
    echo "usage: ./dev.sh run | test | bench [options of bench/run.py] | bench-engines [options of bench/engines.py] | setup" >&2
    exit 2
    ;;
esac
