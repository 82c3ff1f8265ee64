"""Pure helpers of bench/bench.py (no I/O beyond what is passed in), unit-tested by bench/test_benchlib.py:
wrk output parsing, Prometheus counters, /proc parsing, Zipf sampling, target checks and the Markdown writer."""
import bisect
import json
import math
import random
import re

# ---------------------------------------------------------------- wrk


def parse_wrk(stdout):
    """The BENCH_JSON line bench/wrk/bench.lua's done() prints, with derived figures (req/s, ms, errors)."""
    for line in stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            raw = json.loads(line[len("BENCH_JSON "):])
            break
    else:
        raise ValueError("no BENCH_JSON line in wrk's output:\n" + stdout[-2000:])
    secs = raw["duration_us"] / 1e6 if raw["duration_us"] else float("nan")
    lat = raw["latency_us"]
    pct = lat["percentiles"]
    errors = raw["errors"]
    socket_errors = errors["connect"] + errors["read"] + errors["write"] + errors["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": round(secs, 3),
        "rps": round(raw["requests"] / secs, 1) if secs else None,
        "bytes": raw["bytes"],
        "bytes_per_response": round(raw["bytes"] / raw["requests"]) if raw["requests"] else 0,
        "latency_ms": {
            "p50": pct["50"] / 1000, "p75": pct["75"] / 1000, "p90": pct["90"] / 1000,
            "p99": pct["99"] / 1000, "p99.9": pct["99.9"] / 1000,
            "max": lat["max"] / 1000, "mean": round(lat["mean"] / 1000, 3),
        },
        "errors": {"non_2xx_3xx": errors["status"], "socket": socket_errors, **{k: errors[k] for k in
                                                                               ("connect", "read", "write", "timeout")}},
        "error_total": errors["status"] + socket_errors,
        "statuses": {k: raw["statuses"][k] for k in sorted(raw.get("statuses") or {})},
        "retry_after": raw.get("retry_after", 0),
    }


def implied_concurrency(rps, mean_ms):
    """Little's law: the requests in flight on average that a rate and a mean latency imply. A closed-loop run
    (wrk) cannot have more in flight than its connections; well above that, its latency figures are not to be
    trusted."""
    if rps is None or mean_ms is None:
        return None
    return round(rps * mean_ms / 1000, 1)


# ---------------------------------------------------------------- Prometheus text format

_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)')
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def cache_counters(text):
    """{(family, result, tier): value} for every counter family with 'cache' in its name and a `result` label
    (catalog_cache_requests_total{result=hit|miss|stale,tier=…}, compare_…, and an edge cache's if it has one)."""
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = _SAMPLE.match(line)
        if not m or "cache" not in m.group(1) or not m.group(1).endswith("_total"):
            continue
        labels = dict(_LABEL.findall(m.group(2) or ""))
        if "result" not in labels:
            continue
        try:
            value = float(m.group(3))
        except ValueError:
            continue
        key = (m.group(1), labels["result"].lower(), labels.get("tier", ""))
        out[key] = out.get(key, 0.0) + value
    return out


def hit_ratios(before, after):
    """Per family: hits, misses, stale and hit ratio of the delta; plus 'effective': the share of requests a cache
    answered, counting an edge (gateway) hit as a request the services never saw."""
    fam = {}
    for key in set(before) | set(after):
        family, result, _tier = key
        delta = after.get(key, 0.0) - before.get(key, 0.0)
        f = fam.setdefault(family, {"hit": 0.0, "miss": 0.0, "stale": 0.0, "other": 0.0})
        bucket = result if result in ("hit", "miss", "stale") else ("hit" if "hit" in result else "other")
        f[bucket] += delta
    out, edge_hits, svc_hits, svc_total = {}, 0.0, 0.0, 0.0
    for family, f in sorted(fam.items()):
        total = f["hit"] + f["miss"] + f["stale"] + f["other"]
        out[family] = {k: int(v) for k, v in f.items()}
        out[family]["ratio"] = round(f["hit"] / total, 4) if total else None
        if family.startswith("gateway") or "edge" in family:
            edge_hits += f["hit"] + f["stale"]  # a soft-purged entry answered while it is refreshed: no origin trip
        else:
            svc_hits += f["hit"]
            svc_total += total
    denominator = edge_hits + svc_total
    out["effective"] = {"hit": int(edge_hits + svc_hits), "total": int(denominator),
                        "ratio": round((edge_hits + svc_hits) / denominator, 4) if denominator else None}
    return out


def histogram_buckets(text, name):
    """{le: cumulative count} of the Prometheus histogram `name` in a /q/metrics text (its _bucket lines, summed
    over label sets; exemplars ignored)."""
    out = {}
    for line in text.splitlines():
        if not line.startswith(name + "_bucket{"):
            continue
        le = re.search(r'le="([^"]+)"', line)
        if not le:
            continue
        value = line.split(" # ", 1)[0].rsplit(" ", 1)[-1]
        out[le.group(1)] = out.get(le.group(1), 0.0) + float(value)
    return out


def bucket_quantiles(before, after, quantiles=(50, 99)):
    """The observations between two snapshots of a histogram (histogram_buckets): their count, and for each
    quantile the upper bound (seconds) of the bucket that holds it; None for one past the largest finite bucket."""
    def bound(le):
        return math.inf if le == "+Inf" else float(le)
    deltas = [(bound(le), after[le] - before.get(le, 0.0)) for le in sorted(after, key=bound)]
    total = deltas[-1][1] if deltas else 0.0
    out = {"n": int(total)}
    if total <= 0:
        return out
    for q in quantiles:
        target = total * q / 100
        le = next(b for b, count in deltas if count >= target)
        out[f"p{q}_le_s"] = None if math.isinf(le) else le
    return out


# ---------------------------------------------------------------- /proc


def proc_stat_fields(text):
    """/proc/<pid>/stat: (utime ticks, stime ticks, starttime ticks since boot); the command may hold spaces."""
    rest = text[text.rindex(")") + 2:].split()
    return int(rest[11]), int(rest[12]), int(rest[19])


def boot_epoch(uptime_text, now):
    """When the machine booted, in epoch seconds, from /proc/uptime and the current time. /proc/stat's btime is
    whole seconds, truncated: a process start taken from it (starttime ticks after boot) comes out early by the
    boot's fraction of a second, up to 1 s, which start-to-ready figures would then include."""
    return now - float(uptime_text.split()[0])


def status_kb(text, key):
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return None


_STARTED = re.compile(r"started in ([0-9.]+)s")


def started_in(log_text):
    """Seconds of Quarkus' 'started in X.XXXs' line (its own JVM-start-to-started measure), last one in the log."""
    found = _STARTED.findall(log_text)
    return float(found[-1]) if found else None


# ---------------------------------------------------------------- request mixes


class Zipf:
    """Ranks 0..n-1 drawn with P(k) ~ 1/(k+1)^s, from a seeded Random."""

    def __init__(self, n, s=1.0, rng=None):
        if n < 1:
            raise ValueError("Zipf needs at least one item")
        self.rng = rng or random.Random(1)
        acc, self.cdf = 0.0, []
        for k in range(n):
            acc += 1.0 / math.pow(k + 1, s)
            self.cdf.append(acc)
        self.total = acc

    def draw(self):
        return min(bisect.bisect_left(self.cdf, self.rng.random() * self.total), len(self.cdf) - 1)

    def pick(self, items):
        return items[self.draw() % len(items)]


def weighted_plan(weights, n, rng):
    """n category names in random order, each appearing in proportion to its weight (largest remainders),
    so a small file keeps even the 0.1 % share exactly."""
    total = sum(weights.values())
    exact = {k: w * n / total for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: n - sum(counts.values())]:
        counts[k] += 1
    plan = [k for k, c in counts.items() for _ in range(c)]
    rng.shuffle(plan)
    return plan


def request_line(method, path, headers=None, body=""):
    """One line of a bench/wrk/bench.lua request file: METHOD, path, headers joined by '|', body; tab-separated."""
    header_parts = [f"{k}: {v}" for k, v in (headers or {}).items()]
    for part in [method, path] + header_parts:
        if any(c in part for c in "\t\n|"):
            raise ValueError(f"unusable in a request file: {part!r}")
    if "\t" in body or "\n" in body:
        raise ValueError(f"unusable body in a request file: {body!r}")
    return "\t".join([method, path, "|".join(header_parts), body])


# ---------------------------------------------------------------- latency from a list of samples


def steady(rates, tolerance=0.05, windows=3):
    """Whether a warm-up has reached steady state: the last `windows` windows agree within `tolerance` (the
    fastest at most that much above the slowest) and their mean is no more than half of `tolerance` above the
    mean of the `windows` before them. A JIT still compiling, or caches still filling, show as a rate that keeps
    moving; two neighbouring windows within 10 % still agreed on a slope that climbed for minutes, and three
    within 5 % did too (920fcf7's run stopped on 3,647, 3,706, 3,800 req/s after 2,024, 2,505, 2,810)."""
    if len(rates) < 2 * windows:
        return False
    last, before = rates[-windows:], rates[-2 * windows:-windows]
    if not min(last) or not sum(before):
        return False
    agree = (max(last) - min(last)) / min(last) <= tolerance
    return agree and sum(last) <= sum(before) * (1 + tolerance / 2)


def percentile(values, p):
    """Nearest-rank percentile of a list of numbers (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


# ---------------------------------------------------------------- targets and the Markdown file


def target(name, value, limit, op, unit=""):
    """A target check: met is None when there is no value to judge."""
    if value is None:
        met = None
    elif op == ">=":
        met = value >= limit
    else:
        met = value <= limit
    return {"target": name, "value": value, "limit": limit, "op": op, "unit": unit, "met": met}


def fmt(v, digits=1):
    if v is None:
        return "–"
    if isinstance(v, float) and math.isnan(v):
        return "–"
    if isinstance(v, (int,)) and not isinstance(v, bool):
        return f"{v:,}"
    if isinstance(v, float):
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:,.{digits}f}"
    return str(v)


def ratio(value, base):
    if value is None or not base:
        return None
    return round(value / base, 3)


def verdict(t):
    return {True: "met", False: "**missed**", None: "not measured"}[t["met"]]
