#!/usr/bin/env python3
"""catalog-service news: the seeded article slugs, then list and article latency on a hit.

The slugs come from the API, as the other benchmarks take their ids: every page of /api/news?limit=50
(following pagination.next), which lists exactly the articles readers see (the devstack seeds 33 visible
of 36; drafts and the future-scheduled one are never listed). `--slugs` prints them, one a line, for other
tools (wrk scripts, bench/compare.py-style pools) and exits.

Each article read also counts a view (in Redis, flushed to articleViews in batches), so this benchmark
raises the seeded articles' view counts; nothing else is written.

usage: bench/news.py [rounds] [catalog_url] [--slugs]
  defaults: 200 http://localhost:8081
  (through the gateway, use its URL and raise its public rate limit: QUARKUS_PROFILE=bench)
"""
import json, statistics, sys, time, urllib.request

args = [a for a in sys.argv[1:] if not a.startswith("--")]
rounds = int(args[0]) if args else 200
catalog = args[1] if len(args) > 1 else "http://localhost:8081"

def get(path):
    started = time.perf_counter()
    with urllib.request.urlopen(catalog + path) as r:
        body = r.read()
        return (time.perf_counter() - started) * 1000, body, r.headers

def slugs():
    found, cursor = [], None
    while True:
        body = json.loads(get("/api/news?limit=50" + (f"&cursor={cursor}" if cursor else ""))[1])
        found += [a["slug"] for a in body["data"]]
        cursor = body["pagination"].get("next")
        if not cursor:
            return found

pool = slugs()
if "--slugs" in sys.argv:
    print("\n".join(pool))
    sys.exit(0)

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p / 100))]

paths = {"list ?limit=6": lambda i: "/api/news?limit=6", "list ?limit=50": lambda i: "/api/news?limit=50",
         "article": lambda i: "/api/news/" + pool[i % len(pool)], "trending": lambda i: "/api/news/trending/list"}
print(f"{len(pool)} visible articles; {rounds} rounds against {catalog}")
for name, path in paths.items():
    for i in range(len(pool)):
        get(path(i))  # warm: every answer is cached once
    times, size = [], 0
    for i in range(rounds):
        ms, body, _ = get(path(i))
        times.append(ms)
        size = len(body)
    print(f"{name:16} p50 {statistics.median(times):6.2f} ms  p95 {pct(times, 95):6.2f} ms  {size} bytes")
