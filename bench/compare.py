#!/usr/bin/env python3
"""compare-service: latency of a 4-way comparison on a cache miss and on a hit, and its response bytes next
to what the previous design's browser downloaded for the same page (every brand, model and variant as JSON).

Each round takes 4 variants of 4 different models from a pool, in an order never asked before, with
onlyDifferences alternating, so its first request is a MISS (checked) and the second a HIT (checked).

usage: bench/compare.py [rounds] [compare_url] [catalog_url]
  defaults: 200 http://localhost:8082 http://localhost:8081
  (through the gateway, use its URL for both and raise its public rate limit: QUARKUS_PROFILE=bench)
"""
import gzip, json, random, statistics, sys, time, urllib.request

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
compare = sys.argv[2] if len(sys.argv) > 2 else "http://localhost:8082"
catalog = sys.argv[3] if len(sys.argv) > 3 else "http://localhost:8081"

def get(url):
    req = urllib.request.Request(url)
    started = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = r.read()
        return (time.perf_counter() - started) * 1000, body, r.headers

def every(path):
    """All pages of a catalog-service list, as the bare arrays the previous system returned."""
    items, cursor = [], None
    while True:
        url = catalog + path + ("&" if "?" in path else "?") + "limit=100" + (f"&cursor={cursor}" if cursor else "")
        body = json.loads(get(url)[1])
        items += body["data"]
        cursor = body["pagination"].get("next")
        if not cursor:
            return items

variants = every("/api/variants?sort=price")
by_model = {}
for v in variants:
    by_model.setdefault(v["modelId"], v["id"])
pool = list(by_model.values())
random.seed(7)
seen, miss, hit, sizes = set(), [], [], []
for i in range(rounds):
    while True:
        ids = tuple(random.sample(pool, 4))
        if ids not in seen:
            seen.add(ids)
            break
    url = f"{compare}/api/compare?variants={','.join(ids)}&onlyDifferences={'true' if i % 2 else 'false'}"
    ms, body, headers = get(url)
    if headers.get("X-Cache") == "MISS":
        miss.append(ms)
    ms, body, headers = get(url)
    if headers.get("X-Cache") == "HIT":
        hit.append(ms)
    if i % 2 == 0:
        sizes.append((len(body), len(gzip.compress(body))))

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")

# whole documents, as the previous system sent them (the lists answer cards by default)
lists = [json.dumps(every(p)).encode() for p in ("/api/brands?view=full", "/api/models?view=full", "/api/variants?view=full")]
old, old_gz = sum(len(b) for b in lists), sum(len(gzip.compress(b)) for b in lists)
print(f"4-way compare, {len(miss)} misses: p50 {pct(miss, 50):.1f} ms, p95 {pct(miss, 95):.1f} ms")
print(f"4-way compare, {len(hit)} hits:   p50 {pct(hit, 50):.1f} ms, p95 {pct(hit, 95):.1f} ms")
print(f"4-way compare response: median {statistics.median(s[0] for s in sizes):,.0f} bytes "
      f"({statistics.median(s[1] for s in sizes):,.0f} gzip)")
print(f"previous design (all brands + models + variants as JSON): {old:,} bytes ({old_gz:,} gzip)")
