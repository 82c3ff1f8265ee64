#!/usr/bin/env python3
"""Unit tests of bench/benchlib.py (stdlib unittest, no platform needed): python3 -m unittest discover -s bench"""
import json
import random
import unittest

import benchlib as lib

WRK_OUT = """Running 3s test @ http://127.0.0.1:8080
  2 threads and 64 connections
Requests/sec:  12345.00
BENCH_JSON {"requests":30000,"bytes":774000000,"duration_us":3000000,"errors":{"connect":0,"read":2,"write":0,"status":5,"timeout":1},"latency_us":{"min":120,"max":48000,"mean":5100.5,"stdev":300.0,"percentiles":{"50":4200,"75":5000,"90":6100,"99":21000,"99.9":40000}},"statuses":{"200":29995,"429":5},"retry_after":5}
"""


class ParseWrk(unittest.TestCase):
    def test_derives_rate_latency_and_errors(self):
        r = lib.parse_wrk(WRK_OUT)
        self.assertEqual(r["rps"], 10000.0)
        self.assertEqual(r["latency_ms"]["p50"], 4.2)
        self.assertEqual(r["latency_ms"]["p99"], 21.0)
        self.assertEqual(r["latency_ms"]["max"], 48.0)
        self.assertEqual(r["errors"]["socket"], 3)
        self.assertEqual(r["error_total"], 8)
        self.assertEqual(r["bytes_per_response"], 25800)
        self.assertEqual(r["statuses"], {"200": 29995, "429": 5})
        self.assertEqual(r["retry_after"], 5)

    def test_without_the_json_line_it_says_so(self):
        with self.assertRaises(ValueError):
            lib.parse_wrk("unable to connect to 127.0.0.1:8080 Connection refused")


METRICS_BEFORE = """# TYPE catalog_cache_requests_total counter
catalog_cache_requests_total{result="hit",tier="l1",} 100.0
catalog_cache_requests_total{result="hit",tier="l2",} 10.0
catalog_cache_requests_total{result="miss",tier="origin",} 10.0
catalog_cache_hit_ratio 0.9
http_server_requests_seconds_count{method="GET",} 5.0
"""
METRICS_AFTER = """catalog_cache_requests_total{result="hit",tier="l1",} 1000.0
catalog_cache_requests_total{result="hit",tier="l2",} 10.0
catalog_cache_requests_total{result="miss",tier="origin",} 20.0
catalog_cache_requests_total{result="stale",tier="l2",} 10.0
gateway_edge_cache_requests_total{result="hit",} 500.0
gateway_edge_cache_requests_total{result="miss",} 920.0
gateway_edge_cache_requests_total{result="stale",} 20.0
"""


class CacheCounters(unittest.TestCase):
    def test_counts_only_cache_counters_with_a_result(self):
        c = lib.cache_counters(METRICS_BEFORE)
        self.assertEqual(c[("catalog_cache_requests_total", "hit", "l1")], 100.0)
        self.assertEqual(len(c), 3)

    def test_ratio_of_the_delta_and_the_edge_counted_in_front(self):
        r = lib.hit_ratios(lib.cache_counters(METRICS_BEFORE), lib.cache_counters(METRICS_AFTER))
        cat = r["catalog_cache_requests_total"]
        self.assertEqual((cat["hit"], cat["miss"], cat["stale"]), (900, 10, 10))
        self.assertAlmostEqual(cat["ratio"], 900 / 920, places=4)
        # 500 answered at the edge and 20 stale there while refreshed, 900 of the 920 the services saw: 1420 of 1440
        self.assertEqual(r["effective"]["hit"], 1420)
        self.assertEqual(r["effective"]["total"], 1440)


class LittlesLaw(unittest.TestCase):
    def test_rate_times_mean_latency_is_the_concurrency_it_implies(self):
        self.assertEqual(lib.implied_concurrency(16000, 4.0), 64.0)
        self.assertEqual(lib.implied_concurrency(8000, 300.0), 2400.0)  # far above 64 connections: not credible
        self.assertIsNone(lib.implied_concurrency(None, 3.0))


class Proc(unittest.TestCase):
    def test_quantiles_of_the_histogram_delta_by_bucket_bound(self):
        before = lib.histogram_buckets('x_seconds_bucket{le="0.05",} 4.0\nx_seconds_bucket{le="0.1",} 4.0\n'
                                       'x_seconds_bucket{le="+Inf",} 4.0\n', "x_seconds")
        after = lib.histogram_buckets('x_seconds_bucket{le="0.05",} 54.0\nx_seconds_bucket{le="0.1",} 103.0 # {span_id="a"} 1.0 2\n'
                                      'x_seconds_bucket{le="+Inf",} 104.0\ny_seconds_bucket{le="0.05",} 9.0\n', "x_seconds")
        q = lib.bucket_quantiles(before, after)
        self.assertEqual(100, q["n"])
        self.assertEqual(0.05, q["p50_le_s"])  # 50 of 100 at or under 50 ms
        self.assertEqual(0.1, q["p99_le_s"])   # 99 at or under 100 ms
        self.assertIsNone(lib.bucket_quantiles(after, after).get("p50_le_s"))

    def test_stat_fields_survive_spaces_in_the_command(self):
        stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 500 0 0 0 1234 567 0 0 20 0 40 0 98765 0 0"
        self.assertEqual(lib.proc_stat_fields(stat), (1234, 567, 98765))

    def test_boot_time_keeps_the_fraction_btime_drops(self):
        self.assertAlmostEqual(lib.boot_epoch("3000.25 5000.00\n", 1796217636.75), 1796214636.5)

    def test_status_rss(self):
        self.assertEqual(lib.status_kb("Name:\tjava\nVmRSS:\t  204800 kB\n", "VmRSS"), 204800)

    def test_started_in(self):
        log = "08:00:01 INFO  [io.quarkus] catalog-service 1.0.0 on JVM (powered by Quarkus 3.33.2) started in 1.532s."
        self.assertEqual(lib.started_in(log), 1.532)
        self.assertIsNone(lib.started_in("nothing here"))


class Mix(unittest.TestCase):
    def test_zipf_prefers_the_head(self):
        z = lib.Zipf(1000, 1.0, random.Random(1))
        draws = [z.draw() for _ in range(20000)]
        self.assertGreater(draws.count(0), draws.count(10) * 5)
        self.assertTrue(all(0 <= d < 1000 for d in draws))

    def test_plan_keeps_every_share(self):
        plan = lib.weighted_plan({"a": 35, "b": 0.1, "c": 64.9}, 10000, random.Random(2))
        self.assertEqual(len(plan), 10000)
        self.assertEqual(plan.count("b"), 10)
        self.assertEqual(plan.count("a"), 3500)

    def test_request_line_refuses_separators(self):
        line = lib.request_line("PATCH", "/api/variants/v1", {"If-Match": "*"}, json.dumps({"price": 5}))
        self.assertEqual(line.split("\t"), ["PATCH", "/api/variants/v1", "If-Match: *", '{"price": 5}'])
        with self.assertRaises(ValueError):
            lib.request_line("GET", "/a|b")


class WarmUp(unittest.TestCase):
    def test_steady_once_three_windows_in_a_row_agree_within_5_percent_and_no_longer_climb(self):
        self.assertFalse(lib.steady([]))
        self.assertFalse(lib.steady([2500, 2500]), "two windows say little of a trend")
        self.assertFalse(lib.steady([214, 679, 1430, 2500]), "still climbing")
        self.assertFalse(lib.steady([5000, 5100, 5200, 5332, 5988, 6216]), "5a8b3c4's warm-up: neighbours within 4 %, still a slope")
        self.assertFalse(lib.steady([2024, 2505, 2810, 3647, 3706, 3800]), "920fcf7's: three within 5 %, 52 % above the three before")
        self.assertTrue(lib.steady([3647, 3706, 3800, 3750, 3790, 3760]), "the same, a plateau")
        self.assertFalse(lib.steady([214, 7000, 7100, 7200, 7100, 7150]), "a cold window among the three before: one more")
        self.assertTrue(lib.steady([214, 7000, 7100, 7200, 7100, 7150, 7120]))
        self.assertTrue(lib.steady([3000, 3000, 2950, 3000, 2900, 2880]), "a dip within 5 %")
        self.assertFalse(lib.steady([3000, 3000, 3000, 3000, 3000, 2800]))
        self.assertFalse(lib.steady([0, 0, 0, 0, 0, 0]), "nothing served is not steady")


class Targets(unittest.TestCase):
    def test_met_missed_and_unmeasured(self):
        self.assertTrue(lib.target("x", 0.6, 0.5, ">=")["met"])
        self.assertFalse(lib.target("x", 60, 50, "<=")["met"])
        self.assertIsNone(lib.target("x", None, 50, "<=")["met"])
        self.assertEqual(lib.percentile([5, 1, 3, 2, 4], 50), 3)
        self.assertEqual(lib.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99), 10)


if __name__ == "__main__":
    unittest.main()
