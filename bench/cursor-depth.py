#!/usr/bin/env python3
"""Latency of keyset page 1 vs the last page (and offset paging for contrast), all cache misses.

Each round walks GET /api/variants?limit=L&maxPrice=<distinct> to the end with cursors; the distinct
maxPrice (above every price, so the result set is all active variants) gives each round its own cache
keys, so every request measured here is an X-Cache: MISS served by MongoDB.
usage: bench/cursor-depth.py [base_url] [rounds] [limit]
"""
import json, statistics, sys, time, urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8081"
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 20

def get(path):
    started = time.perf_counter()
    with urllib.request.urlopen(base + path) as r:
        body = r.read()
        cache = r.headers.get("X-Cache")
    return (time.perf_counter() - started) * 1000, json.loads(body), cache

first, last, offset_last = [], [], []
for i in range(rounds):
    q = f"/api/variants?limit={limit}&maxPrice={900_000_000 + int(time.time()) % 100000 * 100 + i}"
    ms, page, cache = get(q)
    assert cache == "MISS", cache
    first.append(ms)
    pages = 1
    while page["pagination"]["next"]:
        ms, page, cache = get(q + "&cursor=" + page["pagination"]["next"])
        pages += 1
    last.append(ms)
    total_pages = page["pagination"]["pages"]
    ms, _, cache = get(q + f"&page={total_pages}")
    offset_last.append(ms)

def p(xs):
    return f"median {statistics.median(xs):6.1f} ms  min {min(xs):6.1f}  max {max(xs):6.1f}"

print(f"{page['pagination']['total']} variants, limit {limit}, {pages} pages, {rounds} rounds (all X-Cache: MISS)")
print(f"cursor page 1            {p(first)}")
print(f"cursor last page ({pages:>4})  {p(last)}")
print(f"offset page={total_pages:<4}        {p(offset_last)}")
