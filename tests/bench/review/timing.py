# SPDX-License-Identifier: MIT
# Times every review read through the collector's HTTP API (one keep-alive connection, one request at a
# time: the latency a proctor sees) and prints one JSON object with p50/p95 per endpoint, the collector's
# peak RSS (VmHWM) and the data's scale. Called by tests/bench/review/run.sh.
import argparse
import http.client
import json
import random
import subprocess
import time
import urllib.parse


def psql(url, sql):
    out = subprocess.run(["psql", url, "-Atc", sql], check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if line]


class Client:
    def __init__(self, base):
        u = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        self.token = None

    def request(self, method, path, body=None):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        start = time.perf_counter()
        self.conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        resp = self.conn.getresponse()
        data = resp.read()
        elapsed = time.perf_counter() - start
        if resp.status != 200:
            raise RuntimeError(f"{method} {path}: {resp.status} {data[:300]!r}")
        return elapsed, data


def quantile(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def rss_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    ap = argparse.ArgumentParser()
    for name in ("url", "email", "password", "database-url"):
        ap.add_argument("--" + name, required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--only", default="")
    ap.add_argument("--sessions", type=int, default=0)
    ap.add_argument("--events", type=int, default=0)
    ap.add_argument("--generation-seconds", type=int, default=0)
    a = ap.parse_args()
    rnd = random.Random(7)

    c = Client(a.url)
    _, body = c.request("POST", "/api/v1/auth/login", {"email": a.email, "password": a.password})
    c.token = json.loads(body)["token"]

    db = a.database_url
    ids = psql(db, "SELECT id FROM sessions WHERE finished_at IS NOT NULL ORDER BY md5(id::text) LIMIT 200")
    labs = psql(db, "SELECT fingerprint_hash FROM sessions GROUP BY 1 ORDER BY count(*) DESC LIMIT 20")
    names = psql(db, "SELECT last_name FROM candidates ORDER BY md5(id::text) LIMIT 40")
    tests = psql(db, "SELECT id FROM tests WHERE id LIKE 'bench-%' ORDER BY id")
    q = urllib.parse.quote

    # name -> function(i) giving the path of the i-th request
    cases = {
        "results default (finished desc)": lambda i: "/api/v1/results",
        "results sort=score desc": lambda i: "/api/v1/results?sort=score",
        "results sort=score asc": lambda i: "/api/v1/results?sort=score&order=asc",
        "results sort=risk desc": lambda i: "/api/v1/results?sort=risk",
        "results sort=risk asc": lambda i: "/api/v1/results?sort=risk&order=asc",
        "results sort=duration desc": lambda i: "/api/v1/results?sort=duration",
        "results sort=candidate asc": lambda i: "/api/v1/results?sort=candidate",
        "results sort=candidate desc": lambda i: "/api/v1/results?sort=candidate&order=desc",
        "results sort=finished asc": lambda i: "/api/v1/results?sort=finished&order=asc",
        "results risk=high": lambda i: "/api/v1/results?risk=high",
        "results risk=medium,high": lambda i: "/api/v1/results?risk=medium,high",
        "results risk=high sort=risk": lambda i: "/api/v1/results?risk=high&sort=risk",
        "results test=<one>": lambda i: "/api/v1/results?test=" + tests[i % len(tests)],
        "results test=<two> sort=score": lambda i: "/api/v1/results?sort=score&test="
        + tests[i % len(tests)] + "," + tests[(i + 3) % len(tests)],
        "results review=violation": lambda i: "/api/v1/results?review=violation",
        "results review=unreviewed sort=risk": lambda i: "/api/v1/results?review=unreviewed&sort=risk",
        "results review=second_look,cleared": lambda i: "/api/v1/results?review=second_look,cleared",
        "results passed=false": lambda i: "/api/v1/results?passed=false",
        "results from/to (one month)": lambda i: "/api/v1/results?from=2026-09-01&to=2026-09-30",
        "results q=<surname>": lambda i: "/api/v1/results?q=" + q(names[i % len(names)]),
        "results fingerprint=<shared device>": lambda i: "/api/v1/results?fingerprint=" + labs[i % len(labs)],
        "dashboard days=30": lambda i: "/api/v1/dashboard?days=30",
        "dashboard days=365": lambda i: "/api/v1/dashboard?days=365",
        "search q=<surname>": lambda i: "/api/v1/search?q=" + q(names[i % len(names)]),
        "search q=<session id prefix>": lambda i: "/api/v1/search?q=" + ids[i % len(ids)][:8],
        "abandoned": lambda i: "/api/v1/sessions/abandoned",
        "abandoned idleMinutes=60": lambda i: "/api/v1/sessions/abandoned?idleMinutes=60",
        "certificates": lambda i: "/api/v1/certificates",
        "certificates sort=holder asc": lambda i: "/api/v1/certificates?sort=holder&order=asc",
        "session detail": lambda i: "/api/v1/sessions/" + ids[i % len(ids)],
        "session events": lambda i: "/api/v1/sessions/" + ids[i % len(ids)] + "/events",
        "session risk": lambda i: "/api/v1/sessions/" + ids[i % len(ids)] + "/risk",
        # Last: these group every session in the collector's memory (analysis service), so the peak RSS
        # of the review reads is also reported without them.
        "fingerprint groups": lambda i: "/api/v1/fingerprints/groups",
        "fingerprint groups flagged": lambda i: "/api/v1/fingerprints/groups?flagged=true",
    }
    only = [o for o in a.only.split(",") if o]
    if only:
        cases = {k: v for k, v in cases.items() if any(o in k for o in only)}
    results = {}
    paging_results = {}
    # Cursor paging: twenty pages deep for each sort and both directions.
    for sort in (() if only and not any("paging" in o for o in only) else ("finished", "score", "risk", "duration", "candidate")):
        for order in ("desc", "asc"):
            times = []
            path = f"/api/v1/results?sort={sort}&order={order}"
            cursor = None
            for _ in range(min(a.requests, 20)):
                try:
                    t, body = c.request("GET", path + ("&cursor=" + q(cursor) if cursor else ""))
                except Exception as e:
                    paging_results[f"results paging sort={sort} order={order}"] = {"error": str(e)[:300]}
                    break
                times.append(t * 1000.0)
                cursor = json.loads(body).get("nextCursor") or None
                if not cursor:
                    break
            if not times or f"results paging sort={sort} order={order}" in paging_results:  # none, or an error
                continue
            paging_results[f"results paging sort={sort} order={order}"] = {
                "p50_ms": round(quantile(times, 0.5), 1), "p95_ms": round(quantile(times, 0.95), 1),
                "max_ms": round(max(times), 1), "requests": len(times)}

    # The CSV export streams the whole filtered set: time and rows per second for the high-risk set.
    export = {}
    try:
        if only and not any("export" in o for o in only):
            raise RuntimeError("not asked for")
        t, body = c.request("GET", "/api/v1/results/export.csv?risk=high")
        export = {"filter": "risk=high", "rows": body.count(b"\n") - 1, "seconds": round(t, 2),
                  "bytes": len(body)}
    except Exception as e:
        export = {"error": str(e)[:300]}

    results = dict(paging_results)
    rss_before_groups = None
    for name, path in cases.items():
        if name.startswith("fingerprint groups") and rss_before_groups is None:
            rss_before_groups = rss_kb(a.pid, "VmHWM")
        try:
            c.request("GET", path(0))  # warm the plan cache and the pages, not counted
            times = [c.request("GET", path(i))[0] * 1000.0 for i in range(a.requests)]
            results[name] = {"p50_ms": round(quantile(times, 0.5), 1), "p95_ms": round(quantile(times, 0.95), 1),
                             "max_ms": round(max(times), 1), "requests": len(times)}
        except Exception as e:  # report and go on: one failing endpoint must not hide the others
            results[name] = {"error": str(e)[:300]}
            c = Client(a.url)
            c.token = json.loads(Client(a.url).request("POST", "/api/v1/auth/login",
                                                       {"email": a.email, "password": a.password})[1])["token"]

    worst = max((r.get("p95_ms", 1e9) for r in results.values()), default=0)
    print(json.dumps({
        "benchmark": "review",
        "sessions": a.sessions, "events": a.events, "generation_seconds": a.generation_seconds,
        "requests_per_endpoint": a.requests, "cache": "bypassed (PROCTOR_REVIEW_CACHE_TTL_SECONDS=0)",
        "endpoints": results, "export": export,
        "worst_p95_ms": worst,
        "collector_peak_rss_kb": rss_kb(a.pid, "VmHWM"), "collector_rss_kb": rss_kb(a.pid, "VmRSS"),
        "collector_peak_rss_kb_before_fingerprint_groups": rss_before_groups,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
