#!/usr/bin/env python3
"""Smart Kampung's benchmark suite (`./dev.sh bench`).

For the demo data and for a regency's volume (`regency-data`: 217 villages, 200 000 accounts, 100 000
products, 1 000 000 orders, ...), against the release build:

- key pages at 1 and 64 connections with wrk: req/s, p50, p99; nginx serving the very same bytes in the
  same run, and the ratio app / nginx (the headline: absolute numbers differ between machines);
- server time per page with the page cache off (sequential requests, p50/p95/p99): what a visitor waits
  for when a page is not in memory, and what every signed-in page costs;
- the server's resident memory at start, after each round of load and after idling, and its peak;
- cold start to the first answer.

Statements per page are counted deterministically by `cargo test -p server --test performance`.
Results: a Markdown table on stdout and in bench/RESULTS.md (with the machine it ran on).
"""

import argparse
import http.client
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_PASSWORD = "demo-kampung-2026"
OPERATOR_KEMIREN = "+6281230000004"
BUYER_BUDI = "+6281230000002"


def log(message):
    print(f"== {message}", file=sys.stderr, flush=True)


# --- the server under test -------------------------------------------------------------------------


class Server:
    def __init__(self, binary, data_dir, site_root, port, page_cache_seconds, extra_args=()):
        self.port = port
        env = dict(os.environ)
        env.update(
            {
                "SK_PAGE_CACHE_SECONDS": str(page_cache_seconds),
                "RUST_LOG": "warn",
            }
        )
        started = time.monotonic()
        self.process = subprocess.Popen(
            [
                binary,
                "serve",
                "--data-dir",
                str(data_dir),
                "--listen",
                f"127.0.0.1:{port}",
                "--site-root",
                str(site_root),
                *extra_args,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(Path(data_dir) / "server.log", "ab"),
        )
        self.cold_start_seconds = wait_for_answer(port, "/healthz", 60) - started

    def rss_mib(self):
        return read_status_kib(self.process.pid, "VmRSS") / 1024

    def peak_mib(self):
        return read_status_kib(self.process.pid, "VmHWM") / 1024

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def read_status_kib(pid, field):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def wait_for_answer(port, path, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, _ = request(port, path)
            if status == 200:
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"no answer on port {port} within {timeout} s")


def request(port, path, method="GET", body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, response.getheaders(), data


def sign_in(port, phone):
    body = urllib.parse.urlencode({"phone": phone, "password": DEMO_PASSWORD})
    status, headers, data = request(
        port,
        "/api/sign_in",
        "POST",
        body,
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
    )
    for name, value in headers:
        if name.lower() == "set-cookie" and value.startswith("sk_session="):
            return value.split(";")[0]
    raise SystemExit(f"signing in as {phone} failed: {status} {data[:200]!r}")


# --- pages -------------------------------------------------------------------------------------------


def first_link(html, prefix):
    match = re.search(r'href="(' + re.escape(prefix) + r'[^"?#]+)"', html)
    return match.group(1) if match else None


def key_pages(port, cookies):
    """(name, path, cookie) for every page the suite measures, links found in the pages themselves."""
    _, _, market = request(port, "/pasar")
    product = first_link(market.decode(), "/pasar/produk/")
    _, _, services = request(port, "/desa/kemiren")
    service = first_link(services.decode(), "/layanan/kemiren/")
    pages = [
        ("home", "/", None),
        ("market", "/pasar", None),
        ("market search", "/pasar?q=batik", None),
        ("market search + sort", "/pasar?q=kopi&sort=termurah", None),
        (
            "market filters",
            "/pasar?category=batik_kain&village=kemiren&in_stock=1&sort=rating",
            None,
        ),
        ("market search, affixed words", "/pasar?q=membatik%20tulis", None),
        ("shop directory", "/pasar/toko", None),
        ("shop directory filtered", "/pasar/toko?village=kemiren&category=batik_kain", None),
        ("product", product, None),
        ("agenda", "/budaya", None),
        ("agenda this weekend", "/budaya?kapan=akhir-pekan", None),
        ("calendar", "/budaya/kalender", None),
        ("service page", service, None),
        ("village page", "/desa/kemiren", None),
        ("staff inbox", "/desa/kemiren/layanan", cookies["operator"]),
        ("buyer's orders", "/pasar/pesanan", cookies["buyer"]),
    ]
    return [(name, path, cookie) for name, path, cookie in pages if path]


# --- nginx with the same bytes ---------------------------------------------------------------------


def start_nginx(workdir, http_body):
    """nginx (Debian's) in the foreground with its files in `workdir`, serving `http_body`."""
    conf = Path(workdir) / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(
        f"""{user}
worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
{http_body}
}}
"""
    )
    return subprocess.Popen(
        ["nginx", "-c", str(conf), "-p", str(workdir), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop_nginx(process):
    process.send_signal(signal.SIGQUIT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


class Nginx:
    def __init__(self, pages, app_port, port, workdir):
        self.port = port
        self.files = {}
        root = Path(workdir) / "html"
        root.mkdir(parents=True, exist_ok=True)
        for index, (name, path, cookie) in enumerate(pages):
            headers = {"Cookie": cookie} if cookie else {}
            status, _, body = request(app_port, path, headers=headers)
            if status != 200:
                raise SystemExit(f"{name} ({path}) answered {status}")
            file_name = f"page{index}.html"
            (root / file_name).write_bytes(body)
            self.files[name] = f"/{file_name}"
        os.chmod(workdir, 0o755)
        os.chmod(root, 0o755)
        self.process = start_nginx(
            workdir,
            f"""    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri =404; }}
    }}""",
        )
        wait_for_answer(port, self.files[pages[0][0]], 20)

    def stop(self):
        stop_nginx(self.process)


# --- load ------------------------------------------------------------------------------------------


def to_ms(text):
    value = float(re.match(r"[\d.]+", text).group(0))
    if text.endswith("us"):
        return value / 1000
    if text.endswith("ms"):
        return value
    if text.endswith("s"):
        return value * 1000
    return value


def wrk(port, path, connections, seconds, cookie=None):
    command = [
        "wrk",
        f"-t{min(connections, 2)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percentile in ("50", "99"):
        match = re.search(rf"^\s+{percentile}%\s+(\S+)", output, re.MULTILINE)
        result[f"p{percentile}"] = to_ms(match.group(1)) if match else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["errors"] = int(errors.group(1)) if errors else 0
    timeouts = re.search(r"timeout (\d+)", output)
    result["errors"] += int(timeouts.group(1)) if timeouts else 0
    return result


def server_times(port, path, cookie, count):
    """Sequential requests, one connection each: p50/p95/p99 in ms of the whole answer."""
    headers = {"Cookie": cookie} if cookie else {}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    for _ in range(count):
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        times.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
    connection.close()
    times.sort()

    def at(fraction):
        return times[min(len(times) - 1, int(len(times) * fraction))]

    return {"p50": statistics.median(times), "p95": at(0.95), "p99": at(0.99)}


# --- one dataset -----------------------------------------------------------------------------------


def measure_dataset(label, binary, data_dir, site_root, args, scratch):
    report = {"label": label, "pages": [], "server_time": [], "memory": []}
    app = Server(binary, data_dir, site_root, args.port, args.page_cache_seconds)
    report["cold_start_ms"] = app.cold_start_seconds * 1000
    report["memory"].append(("at start", app.rss_mib()))
    cookies = {
        "operator": sign_in(args.port, OPERATOR_KEMIREN),
        "buyer": sign_in(args.port, BUYER_BUDI),
    }
    pages = key_pages(args.port, cookies)
    nginx = Nginx(pages, args.port, args.port + 1, Path(scratch) / ("nginx-" + label.replace(" ", "-")))
    try:
        for round_number in range(1, args.rounds + 1):
            for name, path, cookie in pages:
                for connections in (1, 64):
                    if round_number > 1 and connections == 1:
                        continue
                    log(f"{label}: {name} at {connections} connection(s), round {round_number}")
                    ours = wrk(args.port, path, connections, args.seconds, cookie)
                    theirs = wrk(nginx.port, nginx.files[name], connections, args.seconds)
                    if round_number == 1:
                        report["pages"].append((name, path, connections, ours, theirs))
            report["memory"].append((f"after load round {round_number}", app.rss_mib()))
            time.sleep(args.idle_seconds)
            report["memory"].append((f"{args.idle_seconds} s later", app.rss_mib()))
        report["peak_mib"] = app.peak_mib()
    finally:
        nginx.stop()
        app.stop()

    # Server time without the page cache: what a first visitor, and every signed-in person, waits for.
    uncached = Server(binary, data_dir, site_root, args.port, 0)
    try:
        cookies = {
            "operator": sign_in(args.port, OPERATOR_KEMIREN),
            "buyer": sign_in(args.port, BUYER_BUDI),
        }
        for name, path, cookie in key_pages(args.port, cookies):
            log(f"{label}: server time of {name} (page cache off)")
            server_times(args.port, path, cookie, 20)  # warm the database's pages
            report["server_time"].append((name, server_times(args.port, path, cookie, args.samples)))
    finally:
        uncached.stop()
    return report


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = read_meminfo_gib()
    return f"{os.cpu_count()} cores, {cpu}, {memory:.0f} GiB, {platform.system()} {platform.release()}"


def read_meminfo_gib():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024 / 1024
    return 0


def markdown(reports, args):
    lines = [
        f"Machine: {machine()}. Release build, loopback, wrk {args.seconds} s per cell; nginx "
        f"1 serves the same bytes in the same run. Page cache {args.page_cache_seconds} s "
        "(anonymous pages); signed-in pages are never cached.",
        "",
    ]
    for report in reports:
        lines += [
            f"### {report['label']}",
            "",
            "| page | conns | app req/s | nginx req/s | ratio | app p50 ms | app p99 ms | errors |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for name, path, connections, ours, theirs in report["pages"]:
            ratio = ours["rps"] / theirs["rps"] if theirs["rps"] else 0
            lines.append(
                f"| {name} | {connections} | {ours['rps']:,.0f} | {theirs['rps']:,.0f} | {ratio:.2f} | "
                f"{ours['p50']:.2f} | {ours['p99']:.2f} | {ours['errors']} |"
            )
        lines += [
            "",
            "Server time with the page cache off (sequential requests):",
            "",
            "| page | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|",
        ]
        for name, times in report["server_time"]:
            lines.append(f"| {name} | {times['p50']:.2f} | {times['p95']:.2f} | {times['p99']:.2f} |")
        lines += [
            "",
            f"Cold start to first answer: {report['cold_start_ms']:.0f} ms. Resident memory (MiB): "
            + ", ".join(f"{when} {mib:.1f}" for when, mib in report["memory"])
            + f"; peak {report.get('peak_mib', 0):.1f}.",
            "",
        ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--site-root", required=True)
    parser.add_argument("--port", type=int, default=3290)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--idle-seconds", type=int, default=60)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--page-cache-seconds", type=int, default=30)
    parser.add_argument("--datasets", default="demo,regency")
    parser.add_argument("--regency-db", help="reuse a database grown by regency-data (copied first)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args()

    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (./dev.sh bench installs it)")
    reports = []
    with tempfile.TemporaryDirectory(prefix="sk-bench-") as scratch:
        demo_dir = Path(scratch) / "demo"
        log("loading the demo data")
        subprocess.run([args.binary, "demo-data", "--data-dir", str(demo_dir)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if "demo" in args.datasets:
            reports.append(measure_dataset("demo data", args.binary, demo_dir, args.site_root, args, scratch))
        if "regency" in args.datasets:
            regency_dir = Path(scratch) / "regency"
            if args.regency_db:
                regency_dir.mkdir()
                shutil.copy(args.regency_db, regency_dir / "smart-kampung.db")
                shutil.copytree(Path(args.regency_db).parent / "secrets", regency_dir / "secrets")
                shutil.copytree(Path(args.regency_db).parent / "photos", regency_dir / "photos")
            else:
                shutil.copytree(demo_dir, regency_dir)
                log("growing the demo to a regency (regency-data)")
                started = time.monotonic()
                subprocess.run([args.binary, "regency-data", "--data-dir", str(regency_dir)], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                log(f"regency data generated in {time.monotonic() - started:.0f} s")
            reports.append(
                measure_dataset("regency data", args.binary, regency_dir, args.site_root, args, scratch)
            )
    table = markdown(reports, args)
    Path(args.output).write_text("# Benchmark results\n\n" + table + "\n")
    print(table)


if __name__ == "__main__":
    main()
