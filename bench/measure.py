"""One database's measurements of the national data set, run in its own process:

    python -m bench.measure sqlite full      (or postgresql; small; tiny)

Writes bench/results/national-ENGINE-SCALE.json (bench/run.py turns the results into
docs/benchmarks.md). Reuses the data set when the database holds the same generator version,
seed and scale; otherwise throws the database away and generates it again.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from bench import db

RESULTS = db.ROOT / "bench" / "results"
YEAR_OFFSET = -1  # the report year: the data set's last year (its previous year exists too)


def median_time(fn, runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


class QueryCounter:
    """Counts the queries run on the default connection (an execute wrapper: it needs no DEBUG
    and no query log)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def count_queries(fn) -> tuple[int, object]:
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        result = fn()
    return counter.count, result


def ensure_dataset(engine: str, scale_name: str, log=print) -> tuple[dict, float | None]:
    """Configure Django on the bench database, generating the data set unless it is cached."""
    from bench import national

    scale = national.SCALES[scale_name]
    db.configure(engine, scale_name)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    meta = national.meta_read()
    if meta == national.meta_expected(scale):
        log(f"{engine}: reusing the cached {scale_name} data set (generator v{meta['version']}, seed {meta['seed']})")
        call_command("migrate", verbosity=0)
        return meta, None
    log(f"{engine}: generating the {scale_name} data set (cache {'stale' if meta else 'empty'})")
    connection.close()
    db.reset(engine, scale_name)
    db.configure(engine, scale_name)
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    national.generate(scale, log=log)
    seconds = time.perf_counter() - start
    national.analyze()
    return national.meta_read(), seconds


def versions() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            version = f"SQLite {cursor.fetchone()[0]}"
        else:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    import django

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        mem = f"{int(Path('/proc/meminfo').read_text().split()[1]) / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"database": version, "python": platform.python_version(), "django": django.get_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {cpu}, {mem} RAM".strip(", ")}


def report_args(scale_name: str):
    from bench import national
    from foreign_affairs.core.models import Unit
    from foreign_affairs.reports.periods import period_for

    scale = national.SCALES[scale_name]
    year = scale.years[YEAR_OFFSET]
    unit = Unit.objects.get(ref=national.province_ref(0))
    return period_for("annual", year=year), unit, year


def check_floor(period, unit) -> dict:
    """The floor's numbers against the report's computed values, for the province and for the
    whole register; a mismatch is printed loudly and fails the bench."""
    from bench.floor import compare, floor
    from foreign_affairs.reports.indicators import Scope, computed_all
    from foreign_affairs.reports.selectors import report_build

    out = {}
    for label, u in (("province", unit), ("whole_register", None)):
        scope = Scope.for_unit(u)
        report = report_build(period=period, unit=u, lang="en")
        result = floor(scope.unit_ids, period)
        previous = None
        if u is None:
            previous = computed_all(scope, period.previous_year(), list(report["indicators"])).values
        problems = compare(result, report, previous_computed=previous)
        if problems:
            print("!" * 78, file=sys.stderr)
            print(f"FLOOR MISMATCH ({label}): the report's computed figures differ from the floor:", file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            print("!" * 78, file=sys.stderr)
        out[label] = {"ok": not problems, "problems": problems,
                      "figures": {k: str(v) for k, v in result.now.items()}}
    return out


def time_engine(period, unit, runs: int) -> dict:
    """The floor, figures() and report_build() for the province, timed in rounds: each round
    times the three back to back, so a change of the machine's load touches all three alike;
    the ratios are the medians of each round's ratios."""
    from bench.floor import floor
    from foreign_affairs.reports.figures import figures
    from foreign_affairs.reports.indicators import Scope
    from foreign_affairs.reports.selectors import report_build

    scope = Scope.for_unit(unit)
    report_build(period=period, unit=unit)  # warm up (translations, caches)
    # "report" is the annual report JSON as the API and the command give it (detail=summary);
    # "report_full" the whole document with every record listed in its tables (DOCX, PDF, HTML).
    steps = (
        ("floor", lambda: floor(Scope.for_unit(unit).unit_ids, period)),
        ("figures", lambda: figures(period=period, scope=Scope.for_unit(unit))),
        ("report", lambda: report_build(period=period, unit=unit, detail="summary")),
        ("report_full", lambda: report_build(period=period, unit=unit, detail="full")),
    )
    out = {}
    for name, fn in steps:
        queries, _result = count_queries(fn)
        out[name] = {"queries": queries, "runs": []}
    ratios: dict[str, list[float]] = {"figures_floor": [], "report_floor": [], "report_full_floor": []}
    for _ in range(runs):
        took = {}
        for name, fn in steps:
            gc.collect()
            start = time.perf_counter()
            fn()
            took[name] = time.perf_counter() - start
            out[name]["runs"].append(round(took[name], 4))
        ratios["figures_floor"].append(took["figures"] / took["floor"])
        ratios["report_floor"].append(took["report"] / took["floor"])
        ratios["report_full_floor"].append(took["report_full"] / took["floor"])
    for name, _fn in steps:
        out[name]["median_s"] = statistics.median(out[name]["runs"])
    out["ratios"] = {key: statistics.median(values) for key, values in ratios.items()}
    out["scope_units"] = len(scope.unit_ids or ())
    out["report_sql_s"] = sql_time(lambda: report_build(period=period, unit=unit, detail="full"))
    return out


def sql_time(fn) -> float:
    """The time the database spends answering fn's queries (the rest is Python)."""
    from django.db import connection

    spent = []

    def timer(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent.append(time.perf_counter() - start)

    runs = []
    for _ in range(3):
        spent.clear()
        with connection.execute_wrapper(timer):
            fn()
        runs.append(sum(spent))
    return statistics.median(runs)


def tracemalloc_peak(period, unit) -> dict:
    from foreign_affairs.reports.selectors import report_build

    report_build(period=period, unit=unit)
    gc.collect()
    tracemalloc.start()
    document = report_build(period=period, unit=unit)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"tracemalloc_peak_mb": peak / 1024 / 1024,
            "json_bytes": len(json.dumps(document, ensure_ascii=False).encode())}


def memory(period, unit, engine: str, scale_name: str) -> dict:
    """Peak RSS of building the report in a fresh process (bench/memory.py)."""
    child = subprocess.run([sys.executable, "-m", "bench.memory", engine, scale_name, unit.ref, str(period.year)],
                           capture_output=True, text=True, cwd=db.ROOT, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


def whole_register(period, runs: int) -> dict:
    """The honest workaround for FDI, ODA and consular figures (no unit): the whole register."""
    from bench.floor import floor
    from foreign_affairs.reports.figures import figures
    from foreign_affairs.reports.indicators import Scope

    figures(period=period, scope=Scope.for_unit(None))
    floor_s, _ = median_time(lambda: floor(None, period), runs)
    figures_s, _ = median_time(lambda: figures(period=period, scope=Scope.for_unit(None)), runs)
    return {"floor_s": floor_s, "figures_s": figures_s}


def whole_register_report(period) -> dict:
    """One whole-register report: timed plainly, then built again under tracemalloc (which slows
    allocation down several times) for its peak heap."""
    from foreign_affairs.reports.selectors import report_build

    gc.collect()
    start = time.perf_counter()
    document = report_build(period=period, unit=None)
    seconds = time.perf_counter() - start
    rows = sum(len(t["rows"]) for t in document["sections"][-1]["tables"])
    size = len(json.dumps(document, ensure_ascii=False).encode())
    del document
    gc.collect()
    tracemalloc.start()
    report_build(period=period, unit=None)
    _c, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"report_s": seconds, "tracemalloc_peak_mb": peak / 1024 / 1024, "annex_rows": rows, "json_bytes": size}


def index_usage(period, unit) -> dict:
    """Which bench index the database's planner uses for which query of the province's report,
    its figures and the floor, and of the whole register's figures and floor (EXPLAIN; a
    deterministic companion to the noisy timings)."""
    from django.db import connection

    from bench import national
    from bench.floor import floor
    from foreign_affairs.reports.figures import figures
    from foreign_affairs.reports.indicators import Scope
    from foreign_affairs.reports.selectors import report_build

    captured: list[tuple[str, str, object]] = []
    label = ["?"]

    def capture(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT"):
            captured.append((label[0], sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        for label[0], fn in (("report", lambda: report_build(period=period, unit=unit)),
                             ("floor", lambda: floor(Scope.for_unit(unit).unit_ids, period)),
                             ("national figures", lambda: figures(period=period, scope=Scope.for_unit(None))),
                             ("national floor", lambda: floor(None, period))):
            fn()
    names = [name for name, *_rest in national.CANDIDATE_INDEXES]
    used: dict[str, set[str]] = {name: set() for name in names}
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        for what, sql, params in captured:
            cursor.execute(prefix + sql, params)
            plan = " ".join(str(cell) for row in cursor.fetchall() for cell in row)
            for name in names:
                if name in plan:
                    used[name].add(what)
    return {name: sorted(whats) for name, whats in used.items()}


def index_effects(period, unit, runs: int) -> dict:
    """Each candidate index's effect: the report, figures and floor with no bench index, with all,
    and with all but one (how much that one index matters once the others exist)."""
    from bench import national
    from bench.floor import floor
    from foreign_affairs.reports.figures import figures
    from foreign_affairs.reports.indicators import Scope
    from foreign_affairs.reports.selectors import report_build

    def measure():
        return {
            "floor_s": median_time(lambda: floor(Scope.for_unit(unit).unit_ids, period), runs)[0],
            "figures_s": median_time(lambda: figures(period=period, scope=Scope.for_unit(unit)), runs)[0],
            "report_s": median_time(lambda: report_build(period=period, unit=unit), runs)[0],
            "national_floor_s": median_time(lambda: floor(None, period), runs)[0],
            "national_figures_s": median_time(lambda: figures(period=period, scope=Scope.for_unit(None)), runs)[0],
        }

    national.indexes_drop_all()
    national.analyze()
    out = {"none": measure()}
    national.indexes_create_all()
    out["all"] = measure()
    out["without"] = {}
    for name, *_rest in national.CANDIDATE_INDEXES:
        national.index_drop(name)
        national.analyze()
        out["without"][name] = measure()
        national.index_create(name)
    national.analyze()
    return out


def pages(period, unit, year: int) -> list[dict]:
    from django.test import Client

    from foreign_affairs.core.models import User

    user = User.objects.get(username="bench-officer")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    urls = [
        "/", "/delegations/", f"/delegations/?year={year}&direction=incoming&status=completed",
        "/delegations/?search=doan&country=LA", f"/delegations/?host_unit={unit.ref}&year={year}",
        "/partners/", "/partners/?country=LA&kind=locality", "/events/", f"/events/?kind=conference&year={year}",
        f"/events/?unit={unit.ref}&year={year}", f"/reports/view/?kind=annual&year={year}&unit={unit.ref}",
        "/reports/dashboard/",
    ]
    rows = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 404 and url.startswith("/reports/dashboard"):
            rows.append({"url": url, "status": 404, "note": "no dashboard page on this branch"})
            continue
        queries, response = count_queries(lambda u=url: client.get(u))
        seconds, _ = median_time(lambda u=url: client.get(u), 3)
        rows.append({"url": url, "status": response.status_code, "queries": queries,
                     "median_ms": seconds * 1000, "bytes": len(response.content)})
    return rows


def api_rps(token: str, seconds: float = 5.0) -> dict:
    """Requests per second, in process through the test Client (one thread, no network)."""
    from django.test import Client
    from django.test.utils import override_settings

    client = Client(HTTP_AUTHORIZATION=f"Token {token}")
    out = {}
    with override_settings(ROOT_URLCONF="bench.bare_urls"):
        for name, url in (("api", "/api/v1/delegations/?page_size=100"),
                          ("bare", "/bench/bare/delegations/?page_size=100")):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            rows = len(response.json()["results"])
            count, start = 0, time.perf_counter()
            while time.perf_counter() - start < seconds:
                client.get(url)
                count += 1
            out[name] = {"url": url, "rows": rows, "requests": count, "rps": count / (time.perf_counter() - start)}
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk_rps(token: str, engine: str, scale_name: str, seconds: int = 10) -> dict | None:
    """Requests per second through gunicorn (2 sync workers) with wrk (2 threads, 4 connections),
    both on this machine's loopback; None when wrk is not installed."""
    wrk = shutil.which("wrk")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not wrk or not gunicorn.exists():
        return None
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings_bare"}
    server = subprocess.Popen([str(gunicorn), "foreign_affairs.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2",
                               "--log-level", "warning"], cwd=db.ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, start_new_session=True)
    out = {"server": "gunicorn, 2 sync workers", "load": f"wrk -t2 -c4 -d{seconds}s"}
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        for name, path in (("api", "/api/v1/delegations/?page_size=100"),
                           ("bare", "/bench/bare/delegations/?page_size=100")):
            url = f"http://127.0.0.1:{port}{path}"
            subprocess.run([wrk, "-t1", "-c1", "-d2s", "-H", f"Authorization: Token {token}", url],
                           capture_output=True, text=True, timeout=60)  # warm the workers
            run = subprocess.run([wrk, "-t2", "-c4", f"-d{seconds}s", "--timeout", "30s",
                                  "-H", f"Authorization: Token {token}", url],
                                 capture_output=True, text=True, timeout=seconds + 60)
            rps, non2xx = None, 0
            for line in run.stdout.splitlines():
                if line.startswith("Requests/sec:"):
                    rps = float(line.split(":")[1])
                if "Non-2xx" in line:
                    non2xx = int(line.split(":")[1])
            out[name] = {"url": path, "rps": rps, "non_2xx": non2xx}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("engine", choices=("sqlite", "postgresql"))
    parser.add_argument("scale", choices=("full", "small", "tiny"))
    parser.add_argument("--runs", type=int, default=None, help="runs per timing (median); default 7, small 5")
    parser.add_argument("--no-indexes", action="store_true", help="skip the per-index measurements")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    runs = args.runs or (11 if args.scale == "full" else 5)

    meta, generated_s = ensure_dataset(args.engine, args.scale)
    from bench import national
    from foreign_affairs.core.models import User
    from foreign_affairs.core.services import user_create

    User.objects.filter(username="bench-officer").delete()
    _user, token = user_create(username="bench-officer", password="bench-password-2026", role="officer")
    national.indexes_create_all()
    national.analyze()
    period, unit, year = report_args(args.scale)
    memory_result = memory(period, unit, args.engine, args.scale)  # first, while this process is small
    result = {"engine": args.engine, "scale": args.scale, "dataset": meta, "generated_s": generated_s,
              "generation": national.generation_read(), "versions": versions(),
              "tables": national.table_counts(), "year": year, "unit": unit.ref,
              "runs": runs, "load_average_at_start": os.getloadavg()}
    print(f"{args.engine}: checking the floor against the report", flush=True)
    result["floor_check"] = check_floor(period, unit)
    print(f"{args.engine}: timing report, figures, floor ({runs} runs each)", flush=True)
    result["engine_times"] = time_engine(period, unit, runs)
    result["memory"] = {**memory_result, **tracemalloc_peak(period, unit)}
    result["index_usage"] = index_usage(period, unit)
    result["whole_register"] = whole_register(period, runs)
    result["whole_register_report"] = whole_register_report(period)
    print(f"{args.engine}: pages and API", flush=True)
    result["pages"] = pages(period, unit, year)
    result["api"] = api_rps(token)
    result["wrk"] = wrk_rps(token, args.engine, args.scale)
    if not args.no_indexes:
        print(f"{args.engine}: index effects", flush=True)
        result["indexes"] = index_effects(period, unit, max(3, runs // 2))
        result["index_names"] = {name: {"table": table, "columns": cols, "model": model, "fields": fields}
                                 for name, table, cols, model, fields in national.CANDIDATE_INDEXES}
    result["load_average_at_end"] = os.getloadavg()
    out = args.out or RESULTS / f"national-{args.engine}-{args.scale}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    print(f"{args.engine}: results written to {out}")
    if not all(check["ok"] for check in result["floor_check"].values()):
        sys.exit("the floor and the report disagree (see above)")


if __name__ == "__main__":
    main()
