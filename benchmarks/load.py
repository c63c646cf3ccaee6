"""Load test of the web API on loopback: N concurrent clients for T seconds against analyze and search.

Starts ``newsxray serve`` on a free loopback port over a fresh corpus (the bundled examples
stored through the API first), then runs ``--clients`` clients for ``--duration`` seconds:
a share of them (``--analyze-share``) post the example articles to ``/api/analyze`` in a
loop, the others run full-text searches (with and without filters). Prints p50/p90/p99/max
latency and the error count per endpoint; exit status 1 if any request failed.

    .venv/bin/python benchmarks/load.py                       # 50 clients, 60 s
    .venv/bin/python benchmarks/load.py --clients 10 --duration 15
"""
from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["trade", "sanctions", "port strike", '"free trade"', "aid OR flood", "drone*", "minister", "talks",
           "coast guard", "China", "Turkey Egypt", "convoy"]
FILTERS = [{}, {"since": "2020-01-01"}, {"entity": "Turkey"}, {"event_type": "AGREE"}, {"credibility": "state"}]


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]


def start_server(db: Path, workers: int) -> tuple[subprocess.Popen, str]:
    cmd = [sys.executable, "-c", "from newsxray.cli import main; main()", "serve", "--db", str(db),
           "--port", "0", "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    deadline = time.monotonic() + 120
    for line in proc.stdout:
        found = re.search(r"newsxray UI: (http://\S+?)/?$", line.strip())
        if found:  # keep reading its output so that a chatty server never blocks on a full pipe
            threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
            return proc, found.group(1)
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise SystemExit("the server did not start")


async def client(http: httpx.AsyncClient, role: str, until: float, docs: list[str], out: dict, rng) -> None:
    while time.monotonic() < until:
        t0 = time.monotonic()
        try:
            if role == "analyze":
                r = await http.post("/api/analyze", json={"text": rng.choice(docs), "published": "2024-03-14"})
            else:
                r = await http.get("/api/search", params={"q": rng.choice(QUERIES), **rng.choice(FILTERS)})
            ok = r.status_code == 200
        except httpx.HTTPError:
            ok = False
        out[role]["latency"].append(time.monotonic() - t0)
        if not ok:
            out[role]["errors"] += 1


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else (values or [0])[0]


async def run(base: str, clients: int, duration: float, share: float, docs: list[str]) -> dict:
    out = {role: {"latency": [], "errors": 0} for role in ("analyze", "search")}
    n_analyze = round(clients * share)
    limits = httpx.Limits(max_connections=clients + 5)
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=limits, trust_env=False) as http:
        for doc in docs:  # a corpus to search
            await http.post("/api/analyze", json={"text": doc, "published": "2024-03-14", "store": True})
        until = time.monotonic() + duration
        rng = random.Random(7)
        await asyncio.gather(*(client(http, "analyze" if i < n_analyze else "search", until, docs, out,
                                      random.Random(rng.random())) for i in range(clients)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--analyze-share", type=float, default=0.5, help="share of the clients that analyse")
    ap.add_argument("--workers", type=int, default=1, help="the server's analysis workers")
    args = ap.parse_args()
    docs = texts()
    with tempfile.TemporaryDirectory() as tmp:
        proc, base = start_server(Path(tmp) / "load.db", args.workers)
        try:
            started = time.monotonic()
            out = asyncio.run(run(base, args.clients, args.duration, args.analyze_share, docs))
            wall = time.monotonic() - started
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"{args.clients} clients, {args.duration:g} s ({wall:.0f} s with set-up), server {base}, "
          f"{args.workers} analysis worker(s)")
    failed = 0
    for role, data in out.items():
        lat = sorted(data["latency"])
        failed += data["errors"]
        if not lat:
            print(f"{role:8s} no requests")
            continue
        print(f"{role:8s} {len(lat):6d} requests  {len(lat) / args.duration:7.1f}/s  errors {data['errors']}  "
              f"p50 {pct(lat, 50) * 1000:8.1f} ms  p90 {pct(lat, 90) * 1000:8.1f} ms  "
              f"p99 {pct(lat, 99) * 1000:8.1f} ms  max {lat[-1] * 1000:8.1f} ms")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
