#!/usr/bin/env python3
"""The scenarios of `bin/platform bench` against a platform that runs on the bench profile (bin/platform starts
it, seeds it and stops it; this script only measures). Python standard library only.

Writes bench/results/<date>-<sha>.md and .json: machine, commands, per scenario req/s, p50/p90/p99/max,
errors, response bytes, cache hit ratio from the services' /q/metrics, RSS and CPU per service, start-to-ready
per service, an nginx static baseline of the same responses with every figure as a ratio to it, and the
issue-11 targets met or missed. bench/README.md describes every scenario.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import platform as pyplatform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as lib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LUA = os.path.join(HERE, "wrk", "bench.lua")
SCENARIOS = ["brands", "mix", "deep", "invalidate", "burst", "connections"]
SERVICES = ["catalog-service", "compare-service", "admin-service", "media-service", "gateway"]
HOST = "127.0.0.1"


def port(name, default):
    return int(os.environ.get(name, default))


GW = f"http://{HOST}:{port('GATEWAY_PORT', 8080)}"
GW_MGMT = f"http://{HOST}:{port('GATEWAY_MANAGEMENT_PORT', 9080)}"
CATALOG = f"http://{HOST}:{port('CATALOG_PORT', 8081)}"
COMPARE = f"http://{HOST}:{port('COMPARE_PORT', 8082)}"
ADMIN = f"http://{HOST}:{port('ADMIN_PORT', 8083)}"
METRICS = {"gateway": GW_MGMT + "/q/metrics", "catalog-service": CATALOG + "/q/metrics",
           "compare-service": COMPARE + "/q/metrics"}

MIX_WEIGHTS = {"model_page": 35, "brand_page": 15, "list": 20, "variant": 15, "compare": 8, "search": 5,
               "write": 0.1, "revalidate": 2}


def say(msg):
    print(f"bench: {msg}", flush=True)


# ---------------------------------------------------------------- HTTP


def http(method, url, body=None, headers=None, timeout=60):
    """(status, headers, body bytes, milliseconds); 3xx/4xx/5xx are returned, not raised."""
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    req = urllib.request.Request(url, data=data, method=method)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            payload = r.read()
            return r.status, r.headers, payload, (time.perf_counter() - started) * 1000
    except urllib.error.HTTPError as e:
        payload = e.read()
        return e.code, e.headers, payload, (time.perf_counter() - started) * 1000


def get_json(url):
    status, _, body, _ = http("GET", url)
    if status != 200:
        raise RuntimeError(f"GET {url}: {status} {body[:300]!r}")
    return json.loads(body)


def list_all(base, path, limit=100, cap=None):
    items, cursor = [], None
    while True:
        sep = "&" if "?" in path else "?"
        page = get_json(f"{base}{path}{sep}limit={limit}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))
        items += page["data"]
        cursor = page["pagination"].get("next")
        if not cursor or (cap and len(items) >= cap):
            return items


def admin_env(state):
    env = {}
    for path in (os.path.join(state, "admin.env"),):
        if os.path.exists(path):
            for line in open(path):
                if "=" in line and not line.startswith("#"):
                    k, v = line.strip().split("=", 1)
                    env[k] = v
    env.update({k: v for k, v in os.environ.items() if k in ("ADMIN_EMAIL", "ADMIN_PASSWORD")})
    return env


def login(state):
    env = admin_env(state)
    status, _, body, _ = http("POST", GW + "/api/auth/login", {"email": env["ADMIN_EMAIL"], "password": env["ADMIN_PASSWORD"]})
    if status != 200:
        raise RuntimeError(f"admin login: {status} {body[:300]!r}")
    return json.loads(body)["token"]


# ---------------------------------------------------------------- processes: pids, RSS, CPU, readiness


class Services:
    def __init__(self, state):
        self.state = state
        self.pids = {}
        for name in SERVICES + ["devstack"]:
            f = os.path.join(state, "pids", name + ".pid")
            if os.path.exists(f):
                self.pids[name] = int(open(f).read().strip())
        self.tick = os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime") as f:
            self.boot = lib.boot_epoch(f.read(), time.time())  # not btime: whole seconds (benchlib.boot_epoch)

    def alive(self, name):
        try:
            os.kill(self.pids[name], 0)
            return True
        except (OSError, KeyError):
            return False

    def _read(self, name, what):
        with open(f"/proc/{self.pids[name]}/{what}") as f:
            return f.read()

    def cpu(self):
        out = {}
        for name in self.pids:
            try:
                u, s, _ = lib.proc_stat_fields(self._read(name, "stat"))
                out[name] = (u + s) / self.tick
            except OSError:
                pass
        return out

    def rss_mb(self):
        out = {}
        for name in self.pids:
            try:
                kb = lib.status_kb(self._read(name, "status"), "VmRSS")
                out[name] = round(kb / 1024, 1) if kb else None
            except OSError:
                pass
        return out

    def readiness(self):
        """Per service: JVM start (from /proc starttime) to the first ready probe answer bin/platform saw, and
        Quarkus' own 'started in' figure from the log."""
        out = {}
        for name in SERVICES:
            entry = {}
            try:
                _, _, start = lib.proc_stat_fields(self._read(name, "stat"))
                started_at = self.boot + start / self.tick
                ready_file = os.path.join(self.state, "pids", name + ".ready")
                if os.path.exists(ready_file):
                    entry["jvm_start_to_ready_s"] = round(float(open(ready_file).read().strip()) - started_at, 2)
            except (OSError, KeyError):
                pass
            log = os.path.join(self.state, "logs", name + ".log")
            if os.path.exists(log):
                entry["quarkus_started_in_s"] = lib.started_in(open(log, errors="replace").read())
            out[name] = entry
        return out

    def oom(self):
        hits = {}
        for name in SERVICES:
            log = os.path.join(self.state, "logs", name + ".log")
            if os.path.exists(log):
                n = open(log, errors="replace").read().count("OutOfMemoryError")
                if n:
                    hits[name] = n
        return hits


class Sampler(threading.Thread):
    """Peak RSS per process while a scenario runs, and the most established connections to one port."""

    def __init__(self, services, watch_port=None):
        super().__init__(daemon=True)
        self.services, self.watch_port = services, watch_port
        self.peak, self.max_established, self.series = {}, 0, []
        self.stop_flag = threading.Event()

    def run(self):
        started = time.time()
        while not self.stop_flag.is_set():
            for name, mb in self.services.rss_mb().items():
                if mb and mb > self.peak.get(name, 0):
                    self.peak[name] = mb
            if self.watch_port:
                n = established(self.watch_port)
                self.series.append((round(time.time() - started, 1), n))
                self.max_established = max(self.max_established, n)
            self.stop_flag.wait(0.5)

    def stop(self):
        self.stop_flag.set()
        self.join()


def established(local_port):
    """Established TCP connections whose local port is local_port (server side), from /proc/net/tcp{,6}."""
    want = f":{local_port:04X}"
    n = 0
    for f in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(f) as fh:
                next(fh)
                for line in fh:
                    parts = line.split(None, 4)
                    if parts[1].endswith(want) and parts[3] == "01":
                        n += 1
        except OSError:
            pass
    return n


def metrics_texts():
    """Each scraped service's /q/metrics text (empty when it does not answer)."""
    out = {}
    for name, url in METRICS.items():
        try:
            status, _, body, _ = http("GET", url, timeout=10)
            out[name] = body.decode(errors="replace") if status == 200 else ""
        except OSError:
            out[name] = ""
    return out


# each consumer's own invalidation lag: an event's publication (its XADD) to its eviction there (the edge: its purge)
APPLY_LAG = {"catalog-service": "catalog_invalidation_lag_seconds", "compare-service": "compare_invalidation_lag_seconds",
             "gateway": "gateway_edge_invalidation_lag_seconds"}


def metrics_snapshot():
    out = {}
    for text in metrics_texts().values():
        out.update(lib.cache_counters(text))
    return out


# ---------------------------------------------------------------- wrk


class Bench:
    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        self.duration = args.duration or (3 if args.quick else 15)
        self.services = Services(args.state)
        self.work = os.path.join(args.state, "bench-work")
        os.makedirs(self.work, exist_ok=True)
        self.commands = []
        self.results = {}
        self.nginx = None

    def wrk(self, url, connections, duration, requests_file=None, delay_ms=0, track=False, threads=2, timeout="5s",
            label="", stop=None):
        """Runs wrk for `duration` seconds, or, given a `stop` Event, until it is set (wrk stops on SIGINT and
        still prints its summary)."""
        env = dict(os.environ)
        env.pop("BENCH_REQUESTS", None)
        shown = []
        if requests_file:
            env["BENCH_REQUESTS"] = requests_file
            shown.append(f"BENCH_REQUESTS={os.path.relpath(requests_file, ROOT)}")
        if delay_ms:
            env["BENCH_DELAY_MS"] = str(delay_ms)
            shown.append(f"BENCH_DELAY_MS={delay_ms}")
        if track:
            env["BENCH_STATUS"] = "1"
            shown.append("BENCH_STATUS=1")
        cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{3600 if stop else duration}s", f"--timeout={timeout}",
               "-s", LUA, url]
        shown_cmd = " ".join(shown + cmd).replace(LUA, "bench/wrk/bench.lua") + (" (stopped with SIGINT)" if stop else "")
        self.commands.append(shown_cmd)
        say(f"  {label}: {shown_cmd}")
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        started = time.time()
        while proc.poll() is None:
            if stop:
                if stop.wait(0.5):
                    proc.send_signal(signal.SIGINT)
                    proc.wait()
                continue
            time.sleep(1)
            left = duration - (time.time() - started)
            if left > 0 and int(time.time() - started) % 5 == 0:
                print(f"bench:    … {left:.0f} s left", flush=True)
        out = proc.stdout.read()
        if proc.returncode != 0:
            raise RuntimeError(f"wrk failed ({proc.returncode}): {out[-2000:]}")
        result = lib.parse_wrk(out)
        result["command"] = shown_cmd
        lat = result["latency_ms"]
        result["implied_concurrency"] = lib.implied_concurrency(result["rps"], lat["mean"])
        # wrk's histogram has been seen (mix with multi-second answers) to imply far more requests in flight
        # than connections: its latency figures are then flagged, not silently quoted
        result["latency_consistent"] = (result["implied_concurrency"] or 0) <= 1.5 * connections
        say(f"    {result['rps']:,.0f} req/s, p50 {lat['p50']:.2f} ms, p99 {lat['p99']:.2f} ms, max {lat['max']:.1f} ms, "
            f"errors {result['error_total']}, {result['bytes_per_response']:,} B/response")
        return result

    def measured(self, fn, watch_port=None):
        """Runs fn() with cache counters, CPU and RSS taken around it."""
        m0, cpu0, t0 = metrics_snapshot(), self.services.cpu(), time.time()
        sampler = Sampler(self.services, watch_port)
        sampler.start()
        try:
            result = fn()
        finally:
            sampler.stop()
        wall = time.time() - t0
        m1, cpu1, rss = metrics_snapshot(), self.services.cpu(), self.services.rss_mb()
        resources = {}
        for name in self.services.pids:
            resources[name] = {
                "rss_mb_end": rss.get(name), "rss_mb_peak": sampler.peak.get(name),
                "cpu_s": round(cpu1.get(name, 0) - cpu0.get(name, 0), 2),
                "cpu_cores": round((cpu1.get(name, 0) - cpu0.get(name, 0)) / wall, 2) if wall else None,
                "alive": self.services.alive(name)}
        result["cache"] = lib.hit_ratios(m0, m1)
        result["resources"] = resources
        result["wall_s"] = round(wall, 1)
        if watch_port:
            result["max_established"] = sampler.max_established
            result["established_series"] = sampler.series
        return result

    # ------------------------------------------------------------ data and request files

    def export(self):
        """Real ids and slugs from the API, Zipf-ranked (popular first), for the request files."""
        say("exporting ids and slugs from the API")
        brands = list_all(GW, "/api/brands")
        brand_slug = {b["id"]: b["slug"] for b in brands}
        models = list_all(GW, "/api/models?sort=popularRank", cap=None)
        models = [m for m in models if m.get("brandId") in brand_slug]
        rng = random.Random(11)
        # popular first, then the rest in a seeded order: the head of the Zipf curve is the popular models
        head = [m for m in models if m.get("popularRank") is not None]
        tail = [m for m in models if m.get("popularRank") is None]
        rng.shuffle(tail)
        models = head + tail
        if self.quick:  # a smaller universe, so the warm-up of every path fits in a quick run
            models = models[:60]
        variants = []
        for m in models[: 20 if self.quick else 300]:
            for v in get_json(f"{GW}/api/variants?modelId={urllib.parse.quote(m['id'])}&limit=100&fields=id,price,modelId")["data"]:
                variants.append(v)
        total = get_json(GW + "/api/stats").get("totalVariants")
        data = {"brands": brands, "models": models, "variants": variants, "total_variants": total}
        with open(os.path.join(self.work, "ids.json"), "w") as f:
            json.dump({"brands": [{"id": b["id"], "slug": b["slug"]} for b in brands],
                       "models": [{k: m.get(k) for k in ("id", "slug", "brandId", "bodyType", "fuelTypes", "name")} for m in models],
                       "variants": [{k: v.get(k) for k in ("id", "price", "modelId")} for v in variants]}, f)
        say(f"  {len(brands)} brands, {len(models)} models, {len(variants)} variants sampled of {total} "
            f"(bench-work/ids.json)")
        return data

    def mix_requests(self, data, token, n, seed=5):
        """The mix as a request file (and the GET-only twin nginx serves): categories in MIX_WEIGHTS shares,
        entities Zipf-distributed over the real ids."""
        rng = random.Random(seed)
        brands, models, variants = data["brands"], data["models"], data["variants"]
        bz, mz, vz = lib.Zipf(len(brands), 1.0, rng), lib.Zipf(len(models), 1.0, rng), lib.Zipf(len(variants), 1.0, rng)
        brand_slug = {b["id"]: b["slug"] for b in brands}
        body_types = sorted({m["bodyType"] for m in models if m.get("bodyType")}) or ["SUV"]
        fuels = sorted({f for m in models for f in (m.get("fuelTypes") or [])}) or ["Petrol"]
        words = sorted({w.lower()[:k] for m in models[:200] for w in (m.get("name") or "").split() if len(w) >= 3
                        for k in (3, 4)} | {b["slug"][:4] for b in brands})
        wz = lib.Zipf(len(words), 1.0, rng)

        def q(value):
            return urllib.parse.quote(str(value), safe="")

        def list_path():
            kind = rng.random()
            if kind < 0.35:
                b = bz.pick(brands)
                return f"/api/models?brandId={q(b['id'])}&limit=20"
            if kind < 0.6:
                m = mz.pick(models)
                return f"/api/variants?modelId={q(m['id'])}&sort=price&limit=20"
            if kind < 0.8:
                return f"/api/models?bodyType={q(rng.choice(body_types))}&sort=price&limit=20"
            return f"/api/models?fuelType={q(rng.choice(fuels))}&isPopular=true&limit=20"

        def path_for(cat):
            if cat == "model_page":
                m = mz.pick(models)
                return f"/api/pages/model/{brand_slug[m['brandId']]}/{m['slug']}"
            if cat == "brand_page":
                return f"/api/pages/brand/{bz.pick(brands)['slug']}"
            if cat == "list":
                return list_path()
            if cat == "variant":
                return f"/api/variants/{vz.pick(variants)['id']}"
            if cat == "compare":
                a = mz.pick(models)
                b = mz.pick(models)
                while b["id"] == a["id"]:
                    b = models[rng.randrange(len(models))]
                return f"/api/compare?models={a['id']},{b['id']}"
            if cat == "search":
                return f"/api/search?q={urllib.parse.quote(wz.pick(words))}&limit=10"
            raise ValueError(cat)

        plan = lib.weighted_plan(MIX_WEIGHTS, n, rng)
        lines, gets, revalidate_at, writes = [], [], [], 0
        for i, cat in enumerate(plan):
            if cat == "write":
                v = variants[writes % min(len(variants), 50)]
                writes += 1
                # a new price every time it is sent (bench.lua's ${bump:N}): a write of the price already stored
                # changes nothing, and admin-service neither applies nor announces it
                lines.append(("PATCH", f"/api/variants/{v['id']}",
                              {"Authorization": "Bearer " + token, "Content-Type": "application/json", "If-Match": "*"},
                              '{"price": ${bump:%d}}' % int(v["price"])))
            elif cat == "revalidate":
                revalidate_at.append(len(lines))
                lines.append(None)
            else:
                p = path_for(cat)
                lines.append(("GET", p, {}, ""))
                gets.append((cat, p))
        # revalidations: If-None-Match with the ETag the platform gives a popular page
        unique = list(dict.fromkeys(p for c, p in gets if c in ("model_page", "variant", "brand_page")))
        etags = {}
        for idx in revalidate_at:
            p = unique[lib.Zipf(len(unique), 1.0, rng).draw()] if unique else "/api/brands"
            if p not in etags:
                _, h, _, _ = http("GET", GW + p)
                etags[p] = h.get("ETag") or '"none"'
            lines[idx] = ("GET", p, {"If-None-Match": etags[p]}, "")
            gets.append(("revalidate", p))
        return lines, gets

    def write_requests(self, name, lines):
        path = os.path.join(self.work, name)
        with open(path, "w") as f:
            for method, p, headers, body in lines:
                f.write(lib.request_line(method, p, headers, body) + "\n")
        return path

    # ------------------------------------------------------------ nginx baseline

    def start_nginx(self, paths):
        """nginx (unprivileged, foreground, its own temp conf) serving the platform's bytes for `paths`, fetched
        through the gateway, on a free loopback port."""
        say(f"nginx baseline: snapshotting {len(paths)} responses through the gateway")
        root = tempfile.mkdtemp(prefix="bench-nginx-")
        os.chmod(root, 0o755)
        files = os.path.join(root, "f")
        os.makedirs(files)
        os.chmod(files, 0o755)
        entries, budget = [], 120 if self.quick else 1200
        started, done = time.time(), [0]

        def fetch(item):
            i, p = item
            if time.time() - started > budget:
                return None
            status, _, body, _ = http("GET", GW + p)
            done[0] += 1
            if status != 200:
                return None
            with open(os.path.join(files, str(i)), "wb") as f:
                f.write(body)
            os.chmod(os.path.join(files, str(i)), 0o644)
            return i, p

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(fetch, item) for item in enumerate(paths)]
            last = time.time()
            for fut in concurrent.futures.as_completed(futures):
                got = fut.result()
                if got:
                    uri = got[1].replace("\\", "\\\\").replace('"', '\\"')
                    entries.append(f'    "{uri}" /f/{got[0]};')
                if time.time() - last > 5:
                    last = time.time()
                    print(f"bench:    … {done[0]:,}/{len(paths):,} fetched", flush=True)
        self.snapshotted = {line.split('"')[1] for line in entries}
        if len(entries) < len(paths):
            say(f"  {len(paths) - len(entries):,} of {len(paths):,} paths not snapshotted (not 200, or past the "
                f"{budget} s budget): nginx's mix leaves them out")
        with socket.socket() as s:
            s.bind((HOST, 0))
            nginx_port = s.getsockname()[1]
        conf = os.path.join(root, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""daemon off;
worker_processes {os.cpu_count() or 1};
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 20000; }}
worker_rlimit_nofile 20000;
http {{
  access_log off;
  client_body_temp_path {root}/tmp-body; proxy_temp_path {root}/tmp-proxy; fastcgi_temp_path {root}/tmp-fcgi;
  uwsgi_temp_path {root}/tmp-uwsgi; scgi_temp_path {root}/tmp-scgi;
  sendfile on; tcp_nopush on; keepalive_requests 1000000; keepalive_timeout 120s;
  default_type application/json; etag on;
  map_hash_max_size 262144; map_hash_bucket_size 512;
  map $request_uri $snapshot {{
    default "";
{chr(10).join(entries)}
  }}
  server {{
    listen {HOST}:{nginx_port} backlog=4096;
    root {root};
    location / {{ try_files $snapshot =404; }}
  }}
}}
""")
        cmd = ["nginx", "-p", root, "-c", conf]
        self.commands.append("nginx -p <tmp> -c <tmp>/nginx.conf  (static snapshot, conf in bench/bench.py start_nginx)")
        self.nginx = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.nginx_root = root
        base = f"http://{HOST}:{nginx_port}"
        for _ in range(100):
            try:
                if http("GET", base + paths[0], timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if self.nginx.poll() is not None:
                raise RuntimeError("nginx exited: " + self.nginx.stderr.read().decode(errors="replace"))
            time.sleep(0.1)
        say(f"  nginx {nginx_version()} on {base} ({len(entries)} files)")
        return base

    def stop_nginx(self):
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(10)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        if getattr(self, "nginx_root", None):
            shutil.rmtree(self.nginx_root, ignore_errors=True)

    # ------------------------------------------------------------ scenarios

    def brands(self):
        c = 64
        out = {}
        for label, url in (("nginx", self.nginx_base + "/api/brands"), ("gateway", GW + "/api/brands"),
                           ("catalog-direct", CATALOG + "/api/brands")):
            if label != "nginx":  # the JIT compiles this path before it is timed (the mix warm-up takes others)
                self.wrk(url, c, 2 if self.quick else 5, label=f"brands {label} warm-up, not measured")
                self.commands.pop()
            out[label] = self.measured(lambda: self.wrk(url, c, self.duration, label=f"brands {label}"))
        base = out["nginx"]["rps"]
        for label in ("gateway", "catalog-direct"):
            out[label]["ratio_to_nginx"] = lib.ratio(out[label]["rps"], base)
        return out

    def warm_up(self, lines, budget=None, label="warm-up"):
        """The mix through the gateway, not measured, in windows until the rate is steady (three windows in a row
        within 5 % and no longer climbing: lib.steady) or --warmup seconds (`budget`, when given) have passed: on
        two cores the services' JIT compiles for minutes under load (a restarted platform served the mix at a few
        hundred req/s, then climbed window by window), and a figure taken before that measures the compiler, not
        the platform."""
        window = 2 if self.quick else 10
        if budget is None:
            budget = self.args.warmup if self.args.warmup is not None else (6 if self.quick else 300)
        # at least 60 s (or the whole budget when shorter): two windows can agree on a plateau the rate later climbs from (b25417e's
        # run stopped after 30 s at ~3,000 req/s; d4e23ba's went on from ~3,400 to ~5,500 after 70 s). Three windows
        # within 5 %, not two within 10 %: 5a8b3c4's stopped at 60 s on 5,332, 5,988, 6,216 req/s, and the same
        # platform served 7,000-7,800 after five minutes of the mix
        least = min(budget, 4 if self.quick else 60)
        rates = []
        say(f"{label}: the mix through the gateway in {window} s windows, {least} s at least, until steady (3 within 5 %, no longer above the 3 before) "
            f"or {budget} s, not measured")
        logged_in = 0.0
        while True:
            # the mix's writes carry an admin token, which expires (15 min): a warm-up that outlived it (after a long
            # nginx snapshot) went on without writes, 401 each, and its rate was a reads-only one (fb3f4b8's
            # "7,600-7,900 req/s"); a fresh token every 5 minutes keeps the writes in every window
            if time.time() - logged_in > 300:
                requests_file = self.write_requests("mix.requests", with_token(lines, login(self.args.state)))
                logged_in = time.time()
            rates.append(round(self.wrk(GW, 64, window, requests_file=requests_file, label=f"{label} window {len(rates) + 1}")["rps"]))
            self.commands.pop()
            say(f"  {label} window {len(rates)}: {rates[-1]:,} req/s")
            elapsed = len(rates) * window
            if (lib.steady(rates) and elapsed >= least) or elapsed >= budget:
                break
        return {"window_s": window, "budget_s": budget, "least_s": least, "windows_rps": rates, "steady": lib.steady(rates)}

    def mix(self):
        c = 64
        out = {}
        out["nginx"] = self.measured(lambda: self.wrk(self.nginx_base, c, self.duration, requests_file=self.mix_nginx_file,
                                                      label="mix nginx (GETs of the same mix, static)"))
        token = login(self.args.state)
        lines, _ = self.mix_requests(self.data, token, self.mix_n)
        if "warmup" in self.results:
            # the mix again until steady, right before it is measured: what ran since the warm-up (brands: one URL
            # for a minute; the nginx runs: the JVMs idle) leaves the JIT compiled for another traffic and the edge's
            # entries aging. 20788cf's run measured 3,024 req/s, p99 78 ms there, after warming up to 5,382 req/s
            # (and the reads-only run then before it stalled: p99 3.4 s, 7 timeouts)
            out["rewarm"] = self.warm_up(lines, budget=6 if self.quick else 150, label="re-warm")
        f = self.write_requests("mix.requests", with_token(lines, login(self.args.state)))
        out["gateway"] = self.measured(lambda: self.wrk(GW, c, self.duration, requests_file=f, track=True,
                                                        label="mix gateway"))
        # the same mix without its admin writes after it: what the gateway does when nothing is evicted (a
        # diagnostic next to the target run: each write's evictions are refetched from the origin, the Mongo stand-in here)
        reads = self.write_requests("mix-reads.requests", [l for l in lines if l[0] != "PATCH"])
        out["gateway_reads_only"] = self.measured(lambda: self.wrk(GW, c, self.duration, requests_file=reads, track=True,
                                                                   label="mix gateway, reads only (diagnostic)"))
        out["gateway_reads_only"]["ratio_to_nginx"] = lib.ratio(out["gateway_reads_only"]["rps"], out["nginx"]["rps"])
        if self.args.jfr and self.jfr_start():
            # a run of its own after the measured one: JFR's profile settings about halve the gateway's rate on the
            # mix here (back to back on a warm platform: 1,385-1,805 req/s recording, 2,580-3,460 not)
            profiled = self.wrk(GW, c, self.duration, requests_file=f, label="mix gateway, profiled (JFR; not the measurement)")
            out["jfr"] = self.jfr_stop()
            out["jfr"]["profiled_rps"] = profiled["rps"]
        out["gateway"]["ratio_to_nginx"] = lib.ratio(out["gateway"]["rps"], out["nginx"]["rps"])
        self.mix_rps = out["gateway"]["rps"]
        return out

    def deep(self):
        """Keyset pages at depths 1, 1,000, half and total-100 (200,000 → 1, 1,000, 100,000, 199,900): each round
        a query of its own (a distinct maxPrice above every price), so the timed cursor request is a miss at every
        tier; the cursor comes from the offset page just before the depth, fetched before timing."""
        total = self.data["total_variants"] or 8000
        limit = 100
        depths = sorted({1, min(1000, total), total // 2, max(1, total - 100)})
        rounds = 2 if self.quick else 10
        timed = {d: [] for d in depths}
        hits = {d: [] for d in depths}
        say(f"  deep: {total:,} variants, limit {limit}, depths {depths}, {rounds} rounds (each a cold query)")
        base_price = 900_000_000 + int(time.time()) % 100_000 * 100
        for r in range(rounds):
            q = f"/api/variants?limit={limit}&maxPrice={base_price + r}"
            for d in depths:
                page = (d - 1) // limit + 1  # the page holding item d
                if page == 1:
                    url = GW + q
                else:
                    prev = get_json(GW + q + f"&page={page - 1}")  # offset paging: slow, not timed
                    url = GW + q + "&cursor=" + urllib.parse.quote(prev["pagination"]["next"])
                status, h, body, ms = http("GET", url)
                if status != 200:
                    raise RuntimeError(f"deep: {url}: {status} {body[:200]!r}")
                timed[d].append(ms)
                hits[d].append(http("GET", url)[3])
            print(f"bench:    round {r + 1}/{rounds}", flush=True)
        out = {"total_variants": total, "limit": limit, "rounds": rounds, "depths": {}}
        for d in depths:
            out["depths"][str(d)] = {"miss_p50_ms": round(lib.percentile(timed[d], 50), 2),
                                     "miss_max_ms": round(max(timed[d]), 2),
                                     "hit_p50_ms": round(lib.percentile(hits[d], 50), 2)}
        first, last = out["depths"][str(depths[0])], out["depths"][str(depths[-1])]
        out["deepest_to_first"] = round(last["miss_p50_ms"] / first["miss_p50_ms"], 2) if first["miss_p50_ms"] else None
        return out

    def invalidate(self):
        """Write → fresh under the mix: a price PATCH through the gateway, then every tier polled until it shows
        the new price: catalog-service direct (its L1/L2), the gateway (edge cache, once there), the model page
        bundle and a comparison through the gateway (compare-service's cache)."""
        writes = 10 if self.quick else 100
        token = login(self.args.state)
        lines, _ = self.mix_requests(self.data, token, self.mix_n, seed=9)
        f = self.write_requests("mix-invalidate.requests", lines)
        models = {m["id"]: m for m in self.data["models"]}
        brand_slug = {b["id"]: b["slug"] for b in self.data["brands"]}
        # never a variant the background mix writes too: its PATCH would put its own price back under the pollers
        # (two such races left "stale after 30 s" reads in a run of d4e23ba that were the mix's writes, not a cache)
        mixed = {p.rsplit("/", 1)[1] for m, p, h, b in lines if m == "PATCH"}
        others = [v for v in self.data["variants"] if v["id"] not in mixed]
        latencies, per_tier, stale_writes = [], {}, []
        result = {}

        def run_writes():
            nonlocal token
            login_at = time.time()
            rng = random.Random(3)
            for i in range(writes):
                if time.time() - login_at > 120:
                    token, login_at = login(self.args.state), time.time()
                v = others[rng.randrange(min(len(others), 400))]
                m = models.get(v["modelId"])
                other = next(o for o in others if o["modelId"] != v["modelId"])
                tiers = {"catalog-direct": CATALOG + f"/api/variants/{v['id']}",
                         "gateway": GW + f"/api/variants/{v['id']}",
                         "compare (gateway)": GW + f"/api/compare?variants={v['id']},{other['id']}"}
                if m and m.get("brandId") in brand_slug:
                    tiers["model page (gateway)"] = GW + f"/api/pages/model/{brand_slug[m['brandId']]}/{m['slug']}"
                old = None
                for url in tiers.values():  # cached everywhere before the write
                    http("GET", url)
                    http("GET", url)
                status, _, body, _ = http("GET", tiers["catalog-direct"])
                old = json.loads(body)["price"]
                new = old + 1 if i % 2 == 0 else old - 1
                status, _, body, _ = http("PATCH", GW + f"/api/variants/{v['id']}", {"price": new},
                                          {"Authorization": "Bearer " + token})
                if status >= 300:
                    raise RuntimeError(f"invalidate: PATCH {status} {body[:300]!r}")
                acked = time.perf_counter()
                fresh = {}

                def poll(name, url):  # one poller per tier, so a slow tier does not delay the others' figure
                    while time.perf_counter() - acked < 30:
                        if shows_price(http("GET", url)[2], v["id"], new):
                            fresh[name] = (time.perf_counter() - acked) * 1000
                            return
                pollers = [threading.Thread(target=poll, args=item) for item in tiers.items()]
                for t in pollers:
                    t.start()
                for t in pollers:
                    t.join()
                stale = [n for n in tiers if n not in fresh]
                for name in stale:  # counted as 30 s (a lower bound) and named in the result, not a crash of the run
                    fresh[name] = 30_000.0
                    stale_writes.append({"write": i, "tier": name, "variant": v["id"]})
                for name, ms in fresh.items():
                    per_tier.setdefault(name, []).append(ms)
                latencies.append(max(fresh.values()))
                print(f"bench:    write {i + 1}/{writes}: all tiers fresh after {latencies[-1]:.0f} ms"
                      + (f" (STILL STALE after 30 s: {', '.join(stale)})" if stale else ""), flush=True)

        def under_mix():
            holder, done = {}, threading.Event()

            def load():
                holder["wrk"] = self.wrk(GW, 32, 0, requests_file=f, label="invalidate: the mix in the background",
                                         stop=done, track=True)
            w = threading.Thread(target=load)
            w.start()
            time.sleep(1)
            try:
                run_writes()
            finally:
                done.set()
                w.join()
            return {"background_mix": holder.get("wrk")}

        texts0 = metrics_texts()
        result = self.measured(under_mix)
        texts1 = metrics_texts()
        result["apply_lag"] = {name: lib.bucket_quantiles(lib.histogram_buckets(texts0.get(name, ""), metric),
                                                          lib.histogram_buckets(texts1.get(name, ""), metric))
                               for name, metric in APPLY_LAG.items()}
        result["writes"] = len(latencies)
        result["stale_after_30s"] = stale_writes
        result["all_tiers_ms"] = summary_ms(latencies)
        result["per_tier_ms"] = {k: summary_ms(v) for k, v in per_tier.items()}
        return result

    def burst(self):
        """5x the mix's connections for the burst (closed loop: wrk cannot pace a rate), then a probe every 100 ms
        until its p50 is back at the pre-burst p50."""
        c = 64 * 5
        secs = 3 if self.quick else 10
        probe_path = GW + "/api/brands"
        baseline = [http("GET", probe_path)[3] for _ in range(30)]
        base_p50 = lib.percentile(baseline, 50)
        threshold = max(base_p50 * 1.5, base_p50 + 2)
        token = login(self.args.state)
        lines, _ = self.mix_requests(self.data, token, self.mix_n, seed=13)
        f = self.write_requests("mix-burst.requests", lines)

        def run():
            r = {"wrk": self.wrk(GW, c, secs, requests_file=f, track=True, label=f"burst ({c} connections)")}
            end = time.perf_counter()
            window, recovered = [], None
            while time.perf_counter() - end < 60:
                tick = time.perf_counter()
                try:
                    window.append(http("GET", probe_path, timeout=5)[3])
                except OSError:
                    window.append(5000)
                window = window[-5:]
                if len(window) == 5 and lib.percentile(window, 50) <= threshold:
                    recovered = time.perf_counter() - end
                    break
                time.sleep(max(0, 0.1 - (time.perf_counter() - tick)))
            r["recovery_s"] = round(recovered, 2) if recovered is not None else None
            return r

        out = self.measured(run)
        w = out["wrk"]
        out.update({"connections": c, "seconds": secs, "baseline_probe_p50_ms": round(base_p50, 2),
                    "recovered_when_p50_below_ms": round(threshold, 2),
                    "rate_vs_mix": lib.ratio(w["rps"], getattr(self, "mix_rps", None)),
                    "rejected_429": w["statuses"].get("429", 0), "rejected_503": w["statuses"].get("503", 0),
                    "with_retry_after": w["retry_after"],
                    "crashed": [n for n, r in out["resources"].items() if not r["alive"]],
                    "oom": self.services.oom()})
        return out

    def connections(self):
        n = 1000 if self.quick else 10_000
        secs = 10 if self.quick else 60
        delay = 10_000  # one request per connection every ~10 s: n/10 req/s (1,000 req/s for 10,000)
        out = self.measured(lambda: {"wrk": self.wrk(GW + "/api/brands", n, secs, delay_ms=delay, timeout="10s", track=True,
                                                     label=f"{n:,} keep-alive connections")},
                            watch_port=port("GATEWAY_PORT", 8080))
        # held: the fewest established from 5 s in (all connected) to 1 s before the end
        steady = [c for t, c in out.get("established_series", []) if 5 <= t <= secs - 1]
        out.update({"connections": n, "seconds": secs, "mean_delay_ms": delay,
                    "min_established_steady": min(steady) if steady else None})
        return out

    # ------------------------------------------------------------ JFR

    def jfr_start(self):
        pid = self.services.pids.get("gateway")
        if not pid or not shutil.which("jcmd"):
            say("  JFR: jcmd or the gateway pid missing, not recording")
            return False
        self.jfr_file = os.path.join(self.work, "gateway-mix.jfr")
        if os.path.exists(self.jfr_file):
            os.remove(self.jfr_file)
        cmd = ["jcmd", str(pid), "JFR.start", "name=bench", "settings=profile"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        self.commands.append("jcmd <gateway pid> JFR.start name=bench settings=profile  (a profiled mix run after the measured one)")
        return True

    def jfr_stop(self):
        pid = self.services.pids["gateway"]
        subprocess.run(["jcmd", str(pid), "JFR.stop", "name=bench", f"filename={self.jfr_file}"], check=True,
                       stdout=subprocess.DEVNULL)
        return jfr_summary(self.jfr_file)

    # ------------------------------------------------------------ run

    def run(self, scenarios):
        started = time.time()
        self.results = {"machine": machine(), "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                        "git": git_sha(), "quick": self.quick, "duration_s": self.duration,
                        "scale": bool(self.args.scale), "scenarios": {}}
        self.results["readiness"] = self.services.readiness()
        self.mix_n = 5_000 if self.quick else 50_000
        self.data = self.export()
        token = login(self.args.state)
        lines, gets = self.mix_requests(self.data, token, self.mix_n)
        nginx_lines = [(m, p, {k: v for k, v in h.items() if k == "If-None-Match"}, "") for m, p, h, b in lines if m == "GET"]
        unique = list(dict.fromkeys(["/api/brands"] + [p for _, p, _, _ in nginx_lines]))
        if "brands" in scenarios or "mix" in scenarios:
            self.nginx_base = self.start_nginx(unique)  # fetching every path also warms every cache tier
            self.mix_nginx_file = self.write_requests(
                "mix-nginx.requests", [line for line in nginx_lines if line[1] in self.snapshotted])
        try:
            self.results["warmup"] = self.warm_up(lines)
            for i, name in enumerate(scenarios):
                say(f"[{i + 1}/{len(scenarios)}] {name}")
                self.results["scenarios"][name] = getattr(self, name)()
        finally:
            self.stop_nginx()
        self.results["took_s"] = round(time.time() - started)
        self.results["commands"] = self.commands
        self.results["targets"] = targets(self.results)
        return self.results


# ---------------------------------------------------------------- helpers


def with_token(lines, token):
    """The request lines with every write's bearer token replaced by `token`."""
    return [(m, p, dict(h, Authorization="Bearer " + token) if "Authorization" in h else h, b) for m, p, h, b in lines]


def shows_price(body, variant_id, price):
    """Whether a JSON response shows `price` on the object whose id is variant_id (anywhere in it)."""
    try:
        doc = json.loads(body)
    except ValueError:
        return False
    stack = [doc]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if x.get("id") == variant_id and "price" in x:
                return x["price"] == price
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return True  # the variant is not in this response (e.g. a page bundle listing a few): nothing stale in it


def summary_ms(values):
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50": round(lib.percentile(values, 50), 1), "p90": round(lib.percentile(values, 90), 1),
            "p99": round(lib.percentile(values, 99), 1), "max": round(max(values), 1)}


def jfr_summary(path, top=15):
    """Top methods by execution samples (self, top frame) and top allocated classes (sampled weight)."""
    out = {"file": os.path.relpath(path, ROOT)}
    try:
        raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                             capture_output=True, text=True, check=True).stdout
        events = json.loads(raw)["recording"]["events"]
        self_count, pkg_count = {}, {}
        for e in events:
            frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
            if not frames:
                continue
            m = frames[0]["method"]
            name = f"{m['type']['name']}.{m['name']}".replace("/", ".")
            self_count[name] = self_count.get(name, 0) + 1
            seen = set()
            for fr in frames:
                t = fr["method"]["type"]["name"].replace("/", ".")
                pkg = ".".join(t.split(".")[:-1][:4]) or t  # the class' package, at most 4 levels
                if pkg not in seen:
                    seen.add(pkg)
                    pkg_count[pkg] = pkg_count.get(pkg, 0) + 1
        n = len(events) or 1
        out["samples"] = len(events)
        out["top_methods"] = [{"method": k, "share": round(v / n, 3)} for k, v in
                              sorted(self_count.items(), key=lambda kv: -kv[1])[:top]]
        out["top_packages_inclusive"] = [{"package": k, "share": round(v / n, 3)} for k, v in
                                         sorted(pkg_count.items(), key=lambda kv: -kv[1])[:top]]
        raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ObjectAllocationSample", path],
                             capture_output=True, text=True, check=True).stdout
        alloc = {}
        for e in json.loads(raw)["recording"]["events"]:
            cls = e["values"]["objectClass"]["name"].replace("/", ".")
            alloc[cls] = alloc.get(cls, 0) + e["values"].get("weight", 0)
        total = sum(alloc.values()) or 1
        out["top_allocations"] = [{"class": k, "share": round(v / total, 3)} for k, v in
                                  sorted(alloc.items(), key=lambda kv: -kv[1])[:10]]
    except (subprocess.CalledProcessError, OSError, ValueError, KeyError) as e:
        out["error"] = str(e)[:300]
    return out


def nginx_version():
    try:
        return subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
    except OSError:
        return "?"


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = next((int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    java = subprocess.run([os.environ.get("JAVA_HOME", "") + "/bin/java" if os.environ.get("JAVA_HOME") else "java",
                           "-version"], capture_output=True, text=True).stderr.splitlines()
    wrk_v = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return {"cores": os.cpu_count(), "cpu": model, "memory_gb": round(mem / 1024 / 1024, 1),
            "kernel": pyplatform.release(), "jdk": java[0] if java else "?",
            "jdk_runtime": java[1] if len(java) > 1 else "",
            "wrk": (wrk_v.stdout + wrk_v.stderr).split("[")[0].replace("wrk ", "", 1).strip(), "nginx": nginx_version(),
            "load_average_at_start": os.getloadavg()[0]}


def git_sha():
    try:
        sha = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
        return sha + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def targets(r):
    """The issue-11 targets, each met / missed / not measured."""
    s = r["scenarios"]
    out = []
    if "brands" in s:
        out.append({"scenario": "brands", **lib.target("gateway ≥ 0.5 × nginx static", s["brands"]["gateway"].get("ratio_to_nginx"), 0.5, ">=", "× nginx")})
    if "mix" in s:
        g = s["mix"]["gateway"]
        out.append({"scenario": "mix", **lib.target("≥ 10,000 req/s through the gateway", g["rps"], 10_000, ">=", "req/s")})
        out.append({"scenario": "mix", **lib.target("p99 ≤ 50 ms", g["latency_ms"]["p99"], 50, "<=", "ms")})
        out.append({"scenario": "mix", **lib.target("0 errors", g["error_total"], 0, "<=", "errors")})
        out.append({"scenario": "mix", **lib.target("cache hit ratio ≥ 95 %", g["cache"]["effective"]["ratio"], 0.95, ">=", "")})
        for name, res in g["resources"].items():
            if name in SERVICES:
                out.append({"scenario": "mix", **lib.target(f"{name} RSS ≤ 300 MB under the mix", res["rss_mb_peak"], 300, "<=", "MB")})
    if "deep" in s:
        out.append({"scenario": "deep", **lib.target("deepest page ≤ 1.5 × page 1 (cold)", s["deep"]["deepest_to_first"], 1.5, "<=", "×")})
    if "invalidate" in s:
        out.append({"scenario": "invalidate", **lib.target("write→fresh p99 ≤ 200 ms, every tier", s["invalidate"]["all_tiers_ms"].get("p99"), 200, "<=", "ms")})
    if "connections" in s:
        c = s["connections"]
        out.append({"scenario": "connections", **lib.target(f"{c['connections']:,} held (fewest established, 5 s in to the end)",
                                                            c.get("min_established_steady"), c["connections"], ">=", "connections")})
        out.append({"scenario": "connections", **lib.target("0 errors", c["wrk"]["error_total"], 0, "<=", "errors")})
    if "burst" in s:
        b = s["burst"]
        out.append({"scenario": "burst", **lib.target("back to normal ≤ 5 s", b["recovery_s"], 5, "<=", "s")})
        out.append({"scenario": "burst", **lib.target("0 crashes, 0 OOM", len(b["crashed"]) + len(b["oom"]), 0, "<=", "")})
    for name, entry in r.get("readiness", {}).items():
        if name == "media-service" and "jvm_start_to_ready_s" not in entry:
            continue
        out.append({"scenario": "start", **lib.target(f"{name} ready ≤ 2 s after JVM start", entry.get("jvm_start_to_ready_s"), 2, "<=", "s")})
    return out


# ---------------------------------------------------------------- Markdown


def markdown(r):
    f = lib.fmt
    s = r["scenarios"]
    m = r["machine"]
    out = [f"# Bench {r['started'][:10]} — {r['git']}{' (quick run)' if r['quick'] else ''}", "",
           f"`bin/platform bench{' --scale' if r['scale'] else ''}{' --quick' if r['quick'] else ''}`: "
           f"{m['cores']} cores ({m['cpu']}), {m['memory_gb']} GB, {m['jdk_runtime'] or m['jdk']}, wrk {m['wrk']}, nginx {m['nginx']}; "
           f"load generator on the same machine; load average at start {m['load_average_at_start']:.1f}; "
           f"{r['duration_s']} s per wrk run; took {r['took_s']} s. JSON twin: same name, `.json`.", ""]
    w = r.get("warmup")
    if w:
        out += [f"Warm-up (the mix through the gateway, not measured) in {w['window_s']} s windows: "
                + ", ".join(f"{x:,}" for x in w["windows_rps"]) + " req/s — "
                + ("steady (last three within 5 %, their mean within 2.5 % of the three before)." if w["steady"] else f"**not steady** within its {w['budget_s']} s budget."), ""]
    out += ["## Summary", ""] + short_table(r) + [""]
    out += ["## Targets (issue 11)", "", "| scenario | target | value | verdict |", "|---|---|---|---|"]
    for t in r["targets"]:
        out.append(f"| {t['scenario']} | {t['target']} | {f(t['value'], 2)} {t['unit']} | {lib.verdict(t)} |")
    out.append("")

    def row(label, w, base=None, extra=""):
        lat = w["latency_ms"]
        return (f"| {label} | {f(w['rps'])} | {f(lib.ratio(w['rps'], base), 2) if base else '1' if base is None and label.startswith('nginx') else '–'} | "
                f"{f(lat['p50'], 2)} | {f(lat['p90'], 2)} | {f(lat['p99'], 2)} | {f(lat['max'], 1)} | {f(w['error_total'])} | "
                f"{f(w['bytes_per_response'])} |{extra}")

    head = "| target | req/s | × nginx | p50 ms | p90 ms | p99 ms | max ms | errors | bytes/resp |"
    sep = "|---|---|---|---|---|---|---|---|---|"
    if "brands" in s:
        b = s["brands"]
        base = b["nginx"]["rps"]
        out += ["## brands: cached `GET /api/brands`", "", head, sep, row("nginx static", b["nginx"]),
                row("gateway :8080", b["gateway"], base), row("catalog-service direct :8081", b["catalog-direct"], base), ""]
        out += cache_lines(b["gateway"]) + ["", "Processes during the gateway run:", ""] + resource_lines(b["gateway"]) + [""]
    if "mix" in s:
        x = s["mix"]
        out += ["## mix: Zipf over real ids and slugs", "",
                "model pages 35 %, brand pages 15 %, filtered lists 20 %, variants 15 %, compare 8 %, search 5 %, "
                "admin writes 0.1 %, If-None-Match 2 % (nginx: the same GETs as static files).", "", head, sep,
                row("nginx static", x["nginx"]), row("gateway :8080", x["gateway"], x["nginx"]["rps"])]
        rw = x.get("rewarm")
        if rw:
            out[-4:-4] = [f"Re-warm right before the measured run (the mix again, not measured) in {rw['window_s']} s windows: "
                          + ", ".join(f"{v:,}" for v in rw["windows_rps"]) + " req/s — "
                          + ("steady." if rw["steady"] else f"**not steady** within its {rw['budget_s']} s budget."), ""]
        if "gateway_reads_only" in x:
            out.append(row("gateway :8080, reads only (no admin writes; diagnostic, run after)", x["gateway_reads_only"],
                           x["nginx"]["rps"]))
        out += ["", f"Statuses through the gateway: {json.dumps(x['gateway']['statuses'])}.", ""]
        for label, w in (("gateway", x["gateway"]), ("gateway, reads only", x.get("gateway_reads_only"))):
            if w and w.get("latency_consistent") is False:
                out += [f"**Latency figures of the {label} row are not credible**: {f(w['rps'])} req/s × mean "
                        f"{f(w['latency_ms']['mean'], 1)} ms implies {f(w['implied_concurrency'])} requests in flight "
                        "(Little's law), far above wrk's 64 connections; wrk's histogram is off in this run. Its req/s, "
                        "statuses and errors stand.", ""]
        out += cache_lines(x["gateway"]) + [""] + resource_lines(x["gateway"]) + [""]
        if "jfr" in x:
            out += jfr_lines(x["jfr"]) + [""]
    if "deep" in s:
        d = s["deep"]
        out += [f"## deep: keyset pages of {d['total_variants']:,} variants (limit {d['limit']}, {d['rounds']} cold rounds)", "",
                "| depth (item) | cold p50 ms | cold max ms | cached p50 ms |", "|---|---|---|---|"]
        for depth, v in d["depths"].items():
            out.append(f"| {int(depth):,} | {f(v['miss_p50_ms'], 2)} | {f(v['miss_max_ms'], 2)} | {f(v['hit_p50_ms'], 2)} |")
        out += ["", f"Deepest / first (cold p50): {f(d['deepest_to_first'], 2)}.", ""]
    if "invalidate" in s:
        v = s["invalidate"]
        out += [f"## invalidate: write → fresh under the mix ({v['writes']} price PATCHes through the gateway)", "",
                "| tier | p50 ms | p90 ms | p99 ms | max ms |", "|---|---|---|---|---|"]
        for name, t in [("every tier", v["all_tiers_ms"])] + sorted(v["per_tier_ms"].items()):
            out.append(f"| {name} | {f(t.get('p50'))} | {f(t.get('p90'))} | {f(t.get('p99'))} | {f(t.get('max'))} |")
        lags = v.get("apply_lag") or {}
        if lags:
            def le(x):
                return "–" if x is None else f"≤ {x * 1000:,.0f} ms"
            out += ["", "Events applied, per consumer (publication → its eviction, the edge's purge; the histogram bucket "
                    "holding each quantile, every event of the scenario, the background mix's included): "
                    + "; ".join(f"{name} p50 {le(q.get('p50_le_s'))}, p99 {le(q.get('p99_le_s'))} ({q.get('n', 0)} events)"
                                for name, q in lags.items()) + ". The rest of a tier's figure is refilling: its "
                    "re-render, the edge's refresh, the poller's own request."]
        bg = v.get("background_mix")
        if bg:
            out += ["", f"Background mix: {f(bg['rps'])} req/s, p99 {f(bg['latency_ms']['p99'], 2)} ms, errors "
                    f"{bg['error_total']} ({json.dumps(bg['errors'])}); statuses {json.dumps(bg['statuses'])}."]
        stale = v.get("stale_after_30s") or []
        if stale:
            out += ["", f"**Still stale after 30 s** (counted as 30,000 ms above): {len(stale)} tier reads — "
                    + ", ".join(f"write {x['write']} {x['tier']}" for x in stale[:20]) + "."]
        out.append("")
    if "burst" in s:
        b = s["burst"]
        w = b["wrk"]
        out += [f"## burst: {b['connections']} connections for {b['seconds']} s", "", head, sep, row("gateway :8080", w, None), "",
                f"Rate vs the mix: {f(b['rate_vs_mix'], 2)}×; 429: {b['rejected_429']:,}, 503: {b['rejected_503']:,}, "
                f"with Retry-After: {b['with_retry_after']:,}; statuses {json.dumps(w['statuses'])}; crashed: {b['crashed'] or 'none'}; "
                f"OOM: {b['oom'] or 'none'}; probe p50 before {f(b['baseline_probe_p50_ms'], 2)} ms, back under "
                f"{f(b['recovered_when_p50_below_ms'], 2)} ms after **{f(b['recovery_s'], 2)} s**.", ""]
        out += resource_lines(b) + [""]
    if "connections" in s:
        c = s["connections"]
        w = c["wrk"]
        out += [f"## connections: {c['connections']:,} keep-alive connections for {c['seconds']} s "
                f"(a request per connection every ~{c['mean_delay_ms'] / 1000:.0f} s)", "", head, sep,
                row("gateway :8080", w, None), "",
                f"Established on the gateway's port: at most {c['max_established']:,}, fewest from 5 s in to the end "
                f"{f(c.get('min_established_steady'))} (every 0.5 s in the JSON); errors: {json.dumps(w['errors'])}; "
                f"statuses: {json.dumps(w['statuses'])}.", ""]
        out += resource_lines(c) + [""]
    out += ["## Start to ready", "", "| service | JVM start → ready probe (s) | Quarkus 'started in' (s) |", "|---|---|---|"]
    for name, e in r["readiness"].items():
        out.append(f"| {name} | {f(e.get('jvm_start_to_ready_s'), 2)} | {f(e.get('quarkus_started_in_s'), 3)} |")
    out += ["", "## Commands", "", "```"] + r["commands"] + ["```", ""]
    return "\n".join(out)


def short_table(r):
    """The few figures the root README quotes: one line per scenario."""
    f, s = lib.fmt, r["scenarios"]
    rows = ["| scenario | platform | nginx static | × nginx |", "|---|---|---|---|"]
    if "brands" in s:
        b = s["brands"]
        rows.append(f"| brands, gateway | {f(b['gateway']['rps'])} req/s, p99 {f(b['gateway']['latency_ms']['p99'], 1)} ms | "
                    f"{f(b['nginx']['rps'])} req/s | {f(b['gateway'].get('ratio_to_nginx'), 2)} |")
        rows.append(f"| brands, catalog-service direct | {f(b['catalog-direct']['rps'])} req/s | {f(b['nginx']['rps'])} req/s | "
                    f"{f(b['catalog-direct'].get('ratio_to_nginx'), 2)} |")
    if "mix" in s:
        g, n = s["mix"]["gateway"], s["mix"]["nginx"]
        rows.append(f"| mix, gateway | {f(g['rps'])} req/s, p99 {f(g['latency_ms']['p99'], 1)} ms, {g['error_total']:,} errors, "
                    f"hit ratio {f(g['cache']['effective']['ratio'], 2)} | {f(n['rps'])} req/s | {f(g.get('ratio_to_nginx'), 2)} |")
        if "gateway_reads_only" in s["mix"]:
            ro = s["mix"]["gateway_reads_only"]
            rows.append(f"| mix without its writes, gateway (diagnostic) | {f(ro['rps'])} req/s, p99 "
                        f"{f(ro['latency_ms']['p99'], 1)} ms, {ro['error_total']:,} errors | {f(n['rps'])} req/s | "
                        f"{f(ro.get('ratio_to_nginx'), 2)} |")
    if "deep" in s:
        rows.append(f"| deep, deepest / first page (cold) | {f(s['deep']['deepest_to_first'], 2)} × | | |")
    if "invalidate" in s:
        t = s["invalidate"]["all_tiers_ms"]
        rows.append(f"| invalidate, write → fresh, every tier | p50 {f(t.get('p50'))} ms, p99 {f(t.get('p99'))} ms | | |")
    if "burst" in s:
        b = s["burst"]
        rows.append(f"| burst | {b['rejected_429']:,} × 429, {b['rejected_503']:,} × 503, recovery {f(b['recovery_s'], 1)} s, "
                    f"{'no crash' if not b['crashed'] else 'crashed: ' + ', '.join(b['crashed'])} | | |")
    if "connections" in s:
        c = s["connections"]
        rows.append(f"| connections | {f(c.get('min_established_steady'))} of {c['connections']:,} held throughout "
                    f"(at most {f(c.get('max_established'))}), {c['wrk']['error_total']:,} errors | | |")
    met = sum(1 for t in r["targets"] if t["met"])
    rows.append(f"| targets | {met} of {len(r['targets'])} met | | |")
    return rows


def cache_lines(w):
    c = w.get("cache", {})
    parts = [f"{k}: {v['ratio'] if v['ratio'] is not None else '–'} ({v.get('hit', 0):,} hits of "
             f"{v.get('total', v.get('hit', 0) + v.get('miss', 0) + v.get('stale', 0) + v.get('other', 0)):,})"
             for k, v in c.items()]
    return ["Cache hit ratio (delta of the services' `*_cache_requests_total`): " + ("; ".join(parts) if parts else "no counters") + "."]


def resource_lines(w):
    res = w.get("resources", {})
    lines = ["| process | RSS end MB | RSS peak MB | CPU s | CPU cores |", "|---|---|---|---|---|"]
    for name, v in res.items():
        lines.append(f"| {name}{'' if v['alive'] else ' (DEAD)'} | {lib.fmt(v['rss_mb_end'])} | {lib.fmt(v['rss_mb_peak'])} | "
                     f"{lib.fmt(v['cpu_s'], 2)} | {lib.fmt(v['cpu_cores'], 2)} |")
    return lines


def jfr_lines(j):
    if "error" in j:
        return [f"JFR: {j['error']}"]
    profiled = f"; a run of its own after the measured one, {j['profiled_rps']:,.0f} req/s while recording" if "profiled_rps" in j else ""
    out = [f"### Gateway profile during the mix (JFR, {j['samples']:,} execution samples; `{j['file']}`{profiled})", "",
           "| top method (self) | share |", "|---|---|"]
    out += [f"| `{e['method']}` | {e['share']:.1%} |" for e in j["top_methods"]]
    out += ["", "| package (inclusive) | share |", "|---|---|"]
    out += [f"| `{e['package']}` | {e['share']:.1%} |" for e in j["top_packages_inclusive"]]
    out += ["", "| allocated class | share of sampled bytes |", "|---|---|"]
    out += [f"| `{e['class']}` | {e['share']:.1%} |" for e in j["top_allocations"]]
    return out


def main():
    ap = argparse.ArgumentParser(prog="bin/platform bench", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="scenarios: " + ", ".join(SCENARIOS) + " (default: all). bench/README.md has the details.")
    ap.add_argument("scenarios", nargs="*", help="which to run (default: all)")
    ap.add_argument("--state", help="the platform's state folder (bin/platform passes it)")
    ap.add_argument("--scale", action="store_true", help="the 200,000-variant catalogue (bin/platform seeds it)")
    ap.add_argument("--quick", action="store_true", help="seconds per run instead of a measurement: for trying it out")
    ap.add_argument("--duration", type=int, help="seconds per wrk run (default 15, --quick 3)")
    ap.add_argument("--warmup", type=int, metavar="SECONDS",
                    help="longest warm-up before the scenarios (default 300, --quick 6; after 60 s (or all of it when shorter) it ends once the mix's rate is steady)")
    ap.add_argument("--jfr", action="store_true", help="record JFR on the gateway in a profiled mix run after the measured one, and summarise it")
    ap.add_argument("--out", default=os.path.join(HERE, "results"), help="where the result files go")
    ap.add_argument("--render", metavar="JSON", help="only rewrite the Markdown of an earlier result's JSON")
    args = ap.parse_args()
    if args.render:
        with open(args.render) as f:
            results = json.load(f)
        with open(args.render[: -len(".json")] + ".md", "w") as f:
            f.write(markdown(results))
        print("\n".join(short_table(results)))
        return
    if not args.state:
        ap.error("--state is required (bin/platform bench passes it)")
    unknown = [s for s in args.scenarios if s not in SCENARIOS]
    if unknown:
        ap.error(f"unknown scenario(s) {unknown}; known: {SCENARIOS}")
    scenarios = [s for s in SCENARIOS if s in (args.scenarios or SCENARIOS)]
    bench = Bench(args)
    results = bench.run(scenarios)
    os.makedirs(args.out, exist_ok=True)
    name = f"{results['started'][:10]}-{results['git']}"
    with open(os.path.join(args.out, name + ".json"), "w") as f:
        json.dump(results, f, indent=1)
    with open(os.path.join(args.out, name + ".md"), "w") as f:
        f.write(markdown(results))
    say(f"results: {os.path.relpath(os.path.join(args.out, name + '.md'), ROOT)} (+ .json)")
    for t in results["targets"]:
        say(f"  {t['scenario']:12} {t['target']:45} {lib.fmt(t['value'], 2):>10} {t['unit']:12} {lib.verdict(t)}")


if __name__ == "__main__":
    main()
