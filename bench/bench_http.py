"""HTTP throughput and latency of POST /extract, as ratios to in-process `extract` in the same run.

    .venv/bin/python bench/bench_http.py [CORPUS.jsonl] [--requests N] [--concurrency C] [--workers 1,2]

Reads real-length articles (JSONL with "text" and optionally "date"; default
../shared/corpora/tr-financial-news-200.jsonl, else the page's example articles), then:
  1. calls `service.extract` in this process on the same articles, one after another;
  2. for each worker count, starts `python -m service serve --workers W` on a free loopback
     port, warms it up, and sends N requests from C concurrent keep-alive connections;
  3. offers requests open loop at a fixed rate (--open-loop, a fraction of the in-process
     rate), latency counted from each request's due time, to read latency below saturation;
  4. sends the articles through POST /extract/batch with 1 worker (--batch-docs).
Reports requests/s and p50/p99 latency for each, the HTTP/in-process ratios, and the
servers' resident memory after warm-up and after each run (it should not grow).
With C clients in a closed loop, mean latency is C / throughput (Little's law): 50
clients at 100 req/s wait 0.5 s each whatever the server does, so read the closed-loop
p99 against that bound and the open-loop figures for latency below saturation.
The load generator is a minimal asyncio HTTP/1.1 client, so little of the machine's CPU
goes to it. Nothing is asserted: the figures go in the README and the notes.
"""
import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import SHARED_CORPUS, corpus_path, read_texts  # noqa: E402  (bench/corpus.py)


def load_articles(path: str | None) -> tuple[list[dict], str]:
    if path or SHARED_CORPUS.exists():
        path = corpus_path(path)
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        return [{"text": r["text"], "date": r.get("date")} for r in rows], str(path)
    from service.api.schemas import examples
    return [{"text": e["text"], "date": e.get("date")} for e in examples()], "service/api/static/examples.json"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def summary(latencies_s: list[float], wall_s: float, errors: int = 0) -> dict:
    ms = [x * 1000 for x in latencies_s]
    return {"requests": len(ms), "errors": errors, "req_per_s": round(len(ms) / wall_s, 1),
            "p50_ms": round(statistics.median(ms), 2), "p99_ms": round(percentile(ms, 99), 2),
            "max_ms": round(max(ms), 2)}


def in_process(articles: list[dict], n: int) -> dict:
    from service import extract
    from service.engine import load_nlp
    nlp = load_nlp()
    for a in articles[:20]:
        extract(a["text"], date=a["date"], nlp=nlp)
    latencies = []
    t0 = time.perf_counter()
    for i in range(n):
        a = articles[i % len(articles)]
        t = time.perf_counter()
        extract(a["text"], date=a["date"], nlp=nlp)
        latencies.append(time.perf_counter() - t)
    return summary(latencies, time.perf_counter() - t0)


# --- the server -----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn's workers), in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return round(total / 1024, 1)


def start_server(workers: int, port: int) -> subprocess.Popen:
    env = dict(os.environ, EXPORT_FACTS_LOG_LEVEL="info", EXPORT_FACTS_MAX_BATCH_DOCUMENTS="1000")
    return subprocess.Popen(
        [sys.executable, "-m", "service", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- a small keep-alive HTTP/1.1 client ---------------------------------------------

class Connection:
    def __init__(self, port: int):
        self.port = port
        self.reader = self.writer = None

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        self.writer.write(head + body)
        status_line = await self.reader.readline()
        length, close = 0, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        payload = await self.reader.readexactly(length)
        if close:
            await self.close()
        return int(status_line.split()[1]), payload

    async def close(self):
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def wait_ready(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        conn = Connection(port)
        try:
            status, _ = await conn.request("GET", "/readyz")
            if status == 200:
                return
        except OSError:
            pass
        finally:
            await conn.close()
        await asyncio.sleep(0.25)
    raise RuntimeError(f"server on port {port} not ready after {timeout} s")


async def load(port: int, bodies: list[bytes], n: int, concurrency: int, path: str = "/extract"
               ) -> tuple[list[float], float, int]:
    latencies, errors, next_i = [], 0, 0

    async def client():
        nonlocal errors, next_i
        conn = Connection(port)
        while next_i < n:
            body = bodies[next_i % len(bodies)]
            next_i += 1
            t = time.perf_counter()
            status, _ = await conn.request("POST", path, body)
            latencies.append(time.perf_counter() - t)
            errors += status != 200
        await conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies, time.perf_counter() - t0, errors


async def paced(port: int, bodies: list[bytes], n: int, rate: float, concurrency: int
                ) -> tuple[list[float], float, int]:
    """Open loop: request i is due at i/rate seconds whether or not earlier ones are done.

    Latency counts from the due time, so time spent waiting for a free connection counts too.
    """
    pool: asyncio.Queue = asyncio.Queue()
    for _ in range(concurrency):
        pool.put_nowait(Connection(port))
    latencies, errors = [], 0

    async def one(i: int, due: float):
        nonlocal errors
        conn = await pool.get()
        try:
            status, _ = await conn.request("POST", "/extract", bodies[i % len(bodies)])
            errors += status != 200
        finally:
            pool.put_nowait(conn)
        latencies.append(time.perf_counter() - due)

    t0 = time.perf_counter()
    tasks = []
    for i in range(n):
        due = t0 + i / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - t0
    while not pool.empty():
        await pool.get_nowait().close()
    return latencies, wall, errors


def http_run(workers: int, bodies: list[bytes], n: int, concurrency: int, batch_bodies=None,
             rate: float | None = None, memory_rounds: int = 0) -> dict:
    port = free_port()
    proc = start_server(workers, port)
    try:
        asyncio.run(wait_ready(port))
        # Warm every worker on every article (connections spread across them) before anything counts.
        asyncio.run(load(port, bodies, max(len(bodies), 20 * workers), concurrency))
        rss = [tree_rss_mb(proc.pid)]
        latencies, wall, errors = asyncio.run(load(port, bodies, n, concurrency))
        out = summary(latencies, wall, errors)
        rss.append(tree_rss_mb(proc.pid))
        for _ in range(memory_rounds):  # a longer run, to see whether memory keeps growing
            asyncio.run(load(port, bodies, n, concurrency))
            rss.append(tree_rss_mb(proc.pid))
        out.update(workers=workers, concurrency=concurrency,
                   rss_mb_after_warmup_and_each_run=rss, requests_per_memory_step=n)
        if rate:
            lat, wall, errors = asyncio.run(paced(port, bodies, n, rate, concurrency))
            out["open_loop"] = dict(summary(lat, wall, errors), offered_req_per_s=round(rate, 1))
        if batch_bodies:
            lat, wall, errors = asyncio.run(load(port, batch_bodies, len(batch_bodies), 1, "/extract/batch"))
            docs = sum(len(json.loads(b)["documents"]) for b in batch_bodies)
            out["batch"] = {"calls": len(lat), "documents": docs, "errors": errors,
                            "articles_per_s": round(docs / wall, 1)}
        return out
    finally:
        stop_server(proc)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help=f"JSONL articles (default: {SHARED_CORPUS}, else the page's examples)")
    ap.add_argument("--requests", type=int, default=1000, help="measured requests per configuration")
    ap.add_argument("--concurrency", type=int, default=50, help="concurrent client connections")
    ap.add_argument("--workers", default="1,2", help="worker counts to measure, comma-separated")
    ap.add_argument("--batch-docs", type=int, default=32, help="documents per /extract/batch call (0: skip)")
    ap.add_argument("--open-loop", type=float, default=0.5,
                    help="also offer requests at this fraction of the in-process rate, open loop (0: skip)")
    ap.add_argument("--memory-rounds", type=int, default=2,
                    help="extra runs of --requests with 1 worker, reading memory after each")
    args = ap.parse_args(argv)

    articles, source = load_articles(args.corpus)
    chars = [len(a["text"]) for a in articles]
    bodies = [json.dumps(a, ensure_ascii=False).encode() for a in articles]
    batch_bodies = []
    if args.batch_docs:
        for k in range(0, len(articles), args.batch_docs):
            batch_bodies.append(json.dumps({"documents": articles[k:k + args.batch_docs]},
                                           ensure_ascii=False).encode())

    report = {"corpus": source, "articles": len(articles), "chars_mean": round(statistics.mean(chars)),
              "chars_median": statistics.median(chars), "cpus": os.cpu_count()}
    report["in_process"] = base = in_process(articles, args.requests)
    for w in [int(x) for x in args.workers.split(",") if x]:
        r = http_run(w, bodies, args.requests, args.concurrency, batch_bodies if w == 1 else None,
                     rate=args.open_loop * base["req_per_s"] if args.open_loop else None,
                     memory_rounds=args.memory_rounds if w == 1 else 0)
        r["throughput_vs_in_process"] = round(r["req_per_s"] / base["req_per_s"], 3)
        report[f"http_workers_{w}"] = r
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
