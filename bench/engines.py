#!/usr/bin/env python3
"""The two engines side by side (`./dev.sh bench-engines`).

A regency's data (`regency-data`: 217 villages, 200 000 accounts, 100 000 products, 10 000 events with
50 000 sessions, 1 000 000 orders, 300 000 service requests) is grown in SQLite, then copied into a
PostgreSQL database with `copy-to-postgres`, the command a village uses to join the regency's server.
The same key pages are then served, always through nginx (Debian's, loopback, the load balancer a
regency would run):

- SQLite, one app server (the embedded default: one file, one process);
- PostgreSQL, one app server;
- PostgreSQL, two app servers on two ports, nginx balancing between them (sessions live in the
  database: the buyer signed in through one server is known to the other).

The page cache is off in every run (`SK_PAGE_CACHE_SECONDS=0`): with it on, anonymous pages come from
memory and both engines look the same; what differs is a cache miss and every signed-in page. wrk at 1
and at 64 connections per page: req/s, p50, p99. Results: a Markdown table on stdout and in
bench/ENGINES.md, with the machine it ran on.
"""

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from run import (
    BUYER_BUDI,
    OPERATOR_KEMIREN,
    ROOT,
    Server,
    key_pages,
    log,
    machine,
    sign_in,
    start_nginx,
    stop_nginx,
    wait_for_answer,
    wrk,
)


class Balancer:
    """nginx in front of one or more app servers (round robin, kept-alive upstream connections)."""

    def __init__(self, app_ports, port, workdir):
        self.port = port
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(workdir, 0o755)
        upstreams = "\n".join(f"        server 127.0.0.1:{app_port};" for app_port in app_ports)
        self.process = start_nginx(
            workdir,
            f"""    upstream smart_kampung {{
{upstreams}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://smart_kampung;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto http;
        }}
    }}""",
        )
        wait_for_answer(port, "/healthz", 20)

    def stop(self):
        stop_nginx(self.process)


def psql(server_url, *statements):
    """Runs statements on the server's `postgres` database; the last one's answer, unaligned."""
    command = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", f"{server_url}/postgres"]
    for statement in statements:
        command += ["-c", statement]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def prepare_regency(args, scratch):
    """A data directory (SQLite file, photos, NIK key) holding a regency; the seconds it took."""
    regency_dir = Path(scratch) / "regency"
    started = time.monotonic()
    if args.regency_dir:
        log(f"copying the regency data from {args.regency_dir}")
        shutil.copytree(args.regency_dir, regency_dir)
        return regency_dir, None
    log("loading the demo data, then growing it to a regency (regency-data)")
    subprocess.run([args.binary, "demo-data", "--data-dir", str(regency_dir)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([args.binary, "regency-data", "--data-dir", str(regency_dir)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return regency_dir, time.monotonic() - started


def copy_to_postgres(args, regency_dir, database_url):
    # Migrate the SQLite file first (a kept --regency-dir may predate the newest migration), so the copy
    # time below is the copy alone.
    subprocess.run([args.binary, "migrate", "--data-dir", str(regency_dir)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    subprocess.run(
        [args.binary, "copy-to-postgres", "--from", str(regency_dir / "smart-kampung.db"),
         "--data-dir", str(regency_dir), "--database-url", database_url],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def measure(label, args, regency_dir, scratch, database_url, servers):
    """Key pages through nginx in front of `servers` app servers; rows of (page, conns, result)."""
    extra = ["--database-url", database_url] if database_url else []
    apps = []
    balancer = None
    try:
        for index in range(servers):
            apps.append(Server(args.binary, regency_dir, args.site_root, args.port + index, 0, extra))
        balancer = Balancer([app.port for app in apps], args.port + 10,
                            Path(scratch) / ("nginx-" + label.replace(" ", "-").replace(",", "")))
        cookies = {
            "operator": sign_in(balancer.port, OPERATOR_KEMIREN),
            "buyer": sign_in(balancer.port, BUYER_BUDI),
        }
        rows = []
        for name, path, cookie in key_pages(balancer.port, cookies):
            for connections in args.connections:
                log(f"{label}: {name} at {connections} connection(s)")
                wrk(balancer.port, path, connections, 1, cookie)  # warm the caches of every server
                rows.append((name, connections, wrk(balancer.port, path, connections, args.seconds, cookie)))
        return rows
    finally:
        if balancer:
            balancer.stop()
        for app in apps:
            app.stop()


def markdown(results, args, timings, postgres):
    labels = [label for label, _ in results]
    lines = [
        f"Machine: {machine()}. Release build; wrk, nginx, {postgres} and the app servers share the "
        f"machine (loopback). wrk {args.seconds} s per cell, through nginx in every column; page cache "
        "off (every request reaches the database).",
        "",
    ]
    lines += [f"- {what}: {seconds:.0f} s" for what, seconds in timings if seconds is not None]
    lines += [
        "",
        "| page | conns | " + " | ".join(f"{label} req/s · p50 · p99 ms" for label in labels) + " |",
        "|---|---|" + "---|" * len(labels),
    ]
    by_label = {label: {(name, conns): result for name, conns, result in rows} for label, rows in results}
    for name, connections, _ in results[0][1]:
        cells = []
        for label in labels:
            result = by_label[label].get((name, connections))
            if result is None:
                cells.append("–")
                continue
            errors = f" ({result['errors']} errors)" if result["errors"] else ""
            cells.append(f"{result['rps']:,.0f} · {result['p50']:.1f} · {result['p99']:.1f}{errors}")
        lines.append(f"| {name} | {connections} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--site-root", required=True)
    parser.add_argument("--postgres-url", required=True,
                        help="a PostgreSQL server without a database name, e.g. postgres://postgres@127.0.0.1:55432")
    parser.add_argument("--regency-dir", help="reuse a data directory grown by regency-data (copied first)")
    parser.add_argument("--port", type=int, default=3390)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", default="1,64")
    parser.add_argument("--output", default=str(ROOT / "bench" / "ENGINES.md"))
    args = parser.parse_args()
    args.connections = [int(count) for count in args.connections.split(",")]

    for tool in ("wrk", "nginx", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (./dev.sh bench-engines installs it)")
    database = f"sk_bench_{os.getpid()}"
    database_url = f"{args.postgres_url}/{database}"
    with tempfile.TemporaryDirectory(prefix="sk-engines-") as scratch:
        regency_dir, generated = prepare_regency(args, scratch)
        psql(args.postgres_url, f"CREATE DATABASE {database}")
        postgres = "PostgreSQL {} (shared_buffers {})".format(
            psql(args.postgres_url, "SHOW server_version"), psql(args.postgres_url, "SHOW shared_buffers")
        )
        try:
            log("copying the regency into PostgreSQL (copy-to-postgres)")
            copied = copy_to_postgres(args, regency_dir, database_url)
            timings = [("regency-data (SQLite)", generated), ("copy-to-postgres of that regency", copied)]
            results = [
                ("SQLite, 1 server", measure("SQLite 1", args, regency_dir, scratch, None, 1)),
                ("PostgreSQL, 1 server", measure("PostgreSQL 1", args, regency_dir, scratch, database_url, 1)),
                ("PostgreSQL, 2 servers", measure("PostgreSQL 2", args, regency_dir, scratch, database_url, 2)),
            ]
        finally:
            psql(args.postgres_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    table = markdown(results, args, timings, postgres)
    Path(args.output).write_text("# The two engines side by side\n\n" + table)
    print(table)


if __name__ == "__main__":
    main()
