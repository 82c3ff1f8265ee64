#!/usr/bin/env python3
"""Invalidation latency: a price write acknowledged by admin-service -> no catalog-service instance serves
the old price any more. Before each write every instance has the variant cached (second read is a HIT);
after the write's 2xx, every instance is polled until it shows the new price.

usage: bench/invalidation.py [writes] [admin_url] [catalog_url ...]
  defaults: 200 http://localhost:8083 http://localhost:8081
  credentials: ADMIN_EMAIL / ADMIN_PASSWORD from the environment or .devstack/admin.env
"""
import json, os, statistics, sys, time, urllib.request

writes = int(sys.argv[1]) if len(sys.argv) > 1 else 200
admin = sys.argv[2] if len(sys.argv) > 2 else "http://localhost:8083"
catalogs = sys.argv[3:] or ["http://localhost:8081"]

env = dict(os.environ)
path = os.path.join(os.path.dirname(__file__), "..", ".devstack", "admin.env")
if os.path.exists(path):
    for line in open(path):
        if "=" in line and not line.startswith("#"):
            k, v = line.strip().split("=", 1)
            env.setdefault(k, v)

def call(method, url, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null"), r.headers

token = call("POST", admin + "/api/auth/login", {"email": env["ADMIN_EMAIL"], "password": env["ADMIN_PASSWORD"]})[0]["token"]
login_at = time.time()
ids = [v["id"] for v in call("GET", catalogs[0] + "/api/variants?limit=100&fields=price")[0]["data"]]

latencies = []
for i in range(writes):
    if time.time() - login_at > 600:  # access tokens live 15 minutes
        token = call("POST", admin + "/api/auth/login", {"email": env["ADMIN_EMAIL"], "password": env["ADMIN_PASSWORD"]})[0]["token"]
        login_at = time.time()
    vid = ids[i % len(ids)]
    for c in catalogs:
        call("GET", f"{c}/api/variants/{vid}")
        _, h = call("GET", f"{c}/api/variants/{vid}")
        assert h["X-Cache"] == "HIT", h["X-Cache"]
    old = call("GET", f"{catalogs[0]}/api/variants/{vid}")[0]["price"]
    new = old + 1 if i % 2 == 0 else old - 1
    call("PATCH", f"{admin}/api/variants/{vid}", {"price": new}, token)
    acked = time.perf_counter()
    pending = set(catalogs)
    while pending:
        for c in list(pending):
            if call("GET", f"{c}/api/variants/{vid}")[0]["price"] == new:
                pending.discard(c)
        if time.perf_counter() - acked > 30:
            raise SystemExit(f"write {i}: {pending} still serve the old price after 30 s")
    latencies.append((time.perf_counter() - acked) * 1000)

latencies.sort()
def pct(p):
    return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies))) - 1)]
print(f"{writes} writes, {len(catalogs)} catalog instances: invalidation latency "
      f"p50 {pct(50):.1f} ms, p90 {pct(90):.1f} ms, p99 {pct(99):.1f} ms, max {latencies[-1]:.1f} ms "
      f"(mean {statistics.mean(latencies):.1f})")
