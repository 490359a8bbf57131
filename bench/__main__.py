"""Signpost's benchmarks, beside SQLite FTS5 on the same files in the same run.

    python -m bench              # 1k, 10k and 50k entries, the site under load (about 20 minutes)
    python -m bench --quick      # 1k and 5k entries, a shorter load (about 4 minutes)

Writes the report (Markdown tables and a chart) to docs/benchmarks.md and docs/benchmarks.png
(`--quick`: bench/results/), and the raw numbers to bench/results/*.json (and, for the published
report, docs/benchmarks-raw.json). Not part of the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search_index import SearchIndex, build_index
from search_index.live import LiveIndex

from . import relevance
from .fts import FtsIndex, load_categories
from .load import Reindexer, Server, run_load, serve_available
from .synth import BUNDLED, edit_code, edit_one, make_directory

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
QUERIES = Path(__file__).with_name("queries.txt")


def load_queries(path: Path = QUERIES) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], p: float) -> float:
    data = sorted(values)
    if not data:
        return float("nan")
    return data[min(len(data) - 1, int(round(p / 100 * (len(data) - 1))))]


def time_queries(ask, queries: list[str]) -> list[float]:
    """Milliseconds for each query, in order."""
    out = []
    for q in queries:
        t0 = time.perf_counter()
        ask(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def latency(ask, queries: list[str], repeat: int) -> dict:
    """A first ("cold") pass over the queries just after opening, then `repeat` passes; medians."""
    cold = time_queries(ask, queries)
    warm = [time_queries(ask, queries) for _ in range(repeat)]
    return {
        "cold_p50": percentile(cold, 50),
        "cold_p99": percentile(cold, 99),
        "p50": median([percentile(w, 50) for w in warm]),
        "p99": median([percentile(w, 99) for w in warm]),
        "mean": median([statistics.fmean(w) for w in warm]),
    }


def measure_size(n: int, work: Path, queries: list[str], repeat: int) -> dict:
    log(f"{n} entries: writing the synthetic directory")
    content = make_directory(work / f"content-{n}", n)
    out: dict = {"entries": n}

    # --- full build ---------------------------------------------------------------------
    sp, fts_times = [], []
    ix = db = None
    for r in range(repeat):
        if ix is not None:
            shutil.rmtree(ix)
        ix = work / f"ix-{n}-{r}"
        t0 = time.perf_counter()
        report = build_index(content, ix, full=True)
        sp.append(time.perf_counter() - t0)
        assert report.full and len(report.added) == n, report.summary()
        if db is not None:
            db.unlink()
        db = work / f"fts-{n}-{r}.db"
        fts = FtsIndex(db)
        t0 = time.perf_counter()
        assert fts.build(content) == n
        fts_times.append(time.perf_counter() - t0)
        fts.close()
        log(f"  build {r + 1}/{repeat}: Signpost {sp[-1]:.2f} s, FTS5 {fts_times[-1]:.2f} s")
    out["build"] = {
        "signpost": median(sp),
        "fts5": median(fts_times),
        "signpost_all": sp,
        "fts5_all": fts_times,
    }
    out["index_mb"] = sum(p.stat().st_size for p in (ix / "current").resolve().iterdir()) / 1e6
    out["fts5_mb"] = db.stat().st_size / 1e6

    # --- one edited file ----------------------------------------------------------------
    fts = FtsIndex(db)
    fts.cats = load_categories(content)
    upd, live, core_live, fts_upd = [], [], [], []
    core = LiveIndex(content, ix)
    core.index.search("food")
    idx = SearchIndex.open(ix, content_dir=content)  # as a running process has it open already
    for r in range(repeat):
        path = edit_one(content, r)
        t0 = time.perf_counter()
        report = build_index(content, ix)
        t1 = time.perf_counter()
        idx = SearchIndex.open(ix, content_dir=content)
        top = idx.search(edit_code(r)).hits
        t2 = time.perf_counter()
        assert top and top[0].slug == path.stem, "the edit is live"
        assert not report.full and report.updated == [path.stem] and not report.added, report.summary()
        assert report.unchanged == n - 1, report.summary()
        assert idx.get(path.stem).summary.startswith(f"Now also on Thursdays (edit {r},")
        upd.append(t1 - t0)
        live.append(t2 - t0)
        t0 = time.perf_counter()
        fts.update_file(path)
        fts_upd.append(time.perf_counter() - t0)
        # the same through the LiveIndex the website and the bot share
        path = edit_one(content, 100 + r)
        t0 = time.perf_counter()
        core.rebuild()
        top = core.index.search(edit_code(100 + r)).hits
        core_live.append(time.perf_counter() - t0)
        assert top and top[0].slug == path.stem, "the edit is live through LiveIndex"
    log(
        f"  one-file update: Signpost {median(upd):.3f} s (live {median(live):.3f} s), FTS5 {median(fts_upd):.4f} s"
    )
    out["update"] = {
        "signpost": median(upd),
        "signpost_live": median(live),
        "signpost_service_live": median(core_live),
        "fts5": median(fts_upd),
    }

    # --- queries ------------------------------------------------------------------------
    t0 = time.perf_counter()
    idx = SearchIndex.open(ix, content_dir=content)
    out["open_seconds"] = time.perf_counter() - t0
    out["query"] = {"signpost": latency(idx.search, queries, repeat)}
    fts.close()
    fts = FtsIndex(db)
    out["query"]["fts5"] = latency(fts.search, queries, repeat)
    fts.close()
    q = out["query"]
    log(
        f"  query p50/p99: Signpost {q['signpost']['p50']:.2f}/{q['signpost']['p99']:.2f} ms, "
        f"FTS5 {q['fts5']['p50']:.2f}/{q['fts5']['p99']:.2f} ms"
    )
    out["paths"] = {"content": str(content), "index": str(ix)}
    return out


def measure_parse(content: Path, limit: int = 2000) -> dict:
    """How long validating entries takes with PyYAML's pure-Python parser and with libyaml."""
    import yaml

    import search_index.entries as entries

    files = sorted((content / "services").glob("*.md"))[:limit]
    ids = {c.id for c in entries.load_categories(content / "categories.yml")[0]}
    out = {"files": len(files)}
    fast = entries._FAST_LOADER
    try:
        for name, loader in (("pure", None), ("libyaml", getattr(yaml, "CSafeLoader", None))):
            if name == "libyaml" and loader is None:
                continue
            entries._FAST_LOADER = loader  # None: PyYAML's own parser for every file
            t0 = time.perf_counter()
            for p in files:
                entries.parse_entry(p, ids)
            out[name] = (time.perf_counter() - t0) / len(files) * 1000  # ms per file
    finally:
        entries._FAST_LOADER = fast
    return out


def measure_relevance() -> dict:
    log("relevance on the bundled questions")
    work = Path(tempfile.mkdtemp(prefix="signpost-rel-"))
    try:
        build_index(BUNDLED, work / "ix")
        idx = SearchIndex.open(work / "ix", content_dir=BUNDLED)
        sp = relevance.score(lambda m: [h.slug for h in idx.search(m).hits])
        fts = FtsIndex(work / "fts.db")
        fts.build(BUNDLED)
        ft = relevance.score(lambda m: fts.search(m, limit=10))
        fts.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        name: {
            "hit_at_3": r.hit_at_3,
            "mrr_at_10": r.mrr_at_10,
            "hits": r.hits,
            "scored": r.scored,
            "by_kind": r.by_kind,
            "misses": r.misses,
        }
        for name, r in (("signpost", sp), ("fts5", ft))
    }


def run_cli(args: list[str], stdin: str | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, *args], input=stdin, capture_output=True, text=True, timeout=1800, cwd=ROOT
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {proc.stderr[-2000:]}")
    return time.perf_counter() - t0, proc.stdout


def measure_cli(work: Path, queries: list[str], n: int = 5000) -> dict:
    """What the outside check does: `signpost index`, `signpost ask --json`, edit, `signpost index`."""
    log(f"command line at {n} entries")
    content = make_directory(work / f"cli-content-{n}", n)
    ix, db = work / f"cli-ix-{n}", work / f"cli-fts-{n}.db"
    stdin = "\n".join(queries) + "\n"
    out: dict = {"entries": n, "queries": len(queries)}
    out["index_s"], text = run_cli(["-m", "signpost", "index", "--content", str(content), "--index", str(ix)])
    out["index_summary"] = text.strip()
    out["ask_s"], text = run_cli(
        ["-m", "signpost", "ask", "--content", str(content), "--index", str(ix), "--json"], stdin
    )
    answers = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert len(answers) == len(queries), (len(answers), len(queries))
    path = edit_one(content, 1)
    out["update_s"], text = run_cli(
        ["-m", "signpost", "index", "--content", str(content), "--index", str(ix)]
    )
    out["update_summary"] = text.strip()
    assert "(0 added, 1 updated, 0 removed" in text and "Index updated" in text, text
    out["edited"] = path.stem
    out["fts5_index_s"], _ = run_cli(["-m", "bench.fts", "build", str(content), str(db)])
    out["fts5_ask_s"], text = run_cli(["-m", "bench.fts", "ask", str(db)], stdin)
    assert len(text.splitlines()) == len(queries)
    log(
        f"  signpost index {out['index_s']:.2f} s, ask {out['ask_s']:.2f} s, update {out['update_s']:.2f} s; "
        f"FTS5 build {out['fts5_index_s']:.2f} s, ask {out['fts5_ask_s']:.2f} s"
    )
    return out


SETTLE_SECONDS = 3.0


def measure_site(
    content: Path, index: Path, work: Path, queries: list[str], seconds: float, reindex_every: float
) -> dict:
    if not serve_available():
        return {"skipped": "signpost serve is not in this checkout yet (signpost/cmd_serve.py)"}
    n = len(list((content / "services").glob("*.md")))
    log(f"the site under load: {n} entries, {seconds:.0f} s per run")
    server = Server(content, index, work / "site-stats.db", work / "serve.log").start()
    out: dict = {"entries": n, "seconds": seconds, "runs": []}
    try:

        def settle() -> None:
            """Let the previous run's queue drain, so each run starts from an idle server."""
            time.sleep(SETTLE_SECONDS)

        warm = run_load(server.port, queries, 1, max(5.0, seconds / 3))
        out["after_warmup_mb"] = server.peak_memory_mb()
        out["warmup"] = _load_dict(warm, "warm-up, 1 client")

        def measure(clients: int, reindex: bool, pace: float = 0.0) -> None:
            settle()
            label = (f"{clients} clients" if not pace else f"{clients} clients, each one search a second") + (
                f", re-indexing every {reindex_every:.0f} s" if reindex else ""
            )
            if reindex:
                with Reindexer(server, content, index, every=reindex_every) as rx:
                    result = run_load(server.port, queries, clients, seconds, pace=pace)
                row = _load_dict(result, label)
                row.update(
                    reindex_rounds=rx.rounds,
                    reindex_failures=rx.failures,
                    reindex_cli_runs=rx.cli_runs,
                    live_median=median(rx.seconds),
                    live_max=max(rx.seconds, default=float("nan")),
                )
            else:
                row = _load_dict(run_load(server.port, queries, clients, seconds, pace=pace), label)
            if pace:
                row["paced"] = True
            out["runs"].append(row)
            log(
                f"  {label}: {row['rps']:.0f} req/s, p50 {row['p50']:.0f} ms, p99 {row['p99']:.0f} ms, "
                f"errors {row['errors']}"
            )

        for reindex in (False, True):
            for clients in (10, 50):
                measure(clients, reindex)
        # the same 50 clients at a person's pace: each asks once a second (about 50 searches a
        # second offered, far more than a town's directory sees), so latency is not queueing
        for reindex in (False, True):
            measure(50, reindex, pace=1.0)
        if server.proc.poll() is not None:  # its figures would be empty: say why, not a traceback later
            raise SystemExit(
                f"the site's process ended during the load runs (exit code {server.proc.returncode}); "
                f"its log: {work / 'serve.log'} (run with --keep to keep it)"
            )
        out["peak_mb"] = server.peak_memory_mb()
        out["rss_mb"] = server.current_memory_mb()
    finally:
        server.stop()
    text = (work / "serve.log").read_text(encoding="utf-8", errors="replace")
    out["log_warnings"] = sum(1 for line in text.splitlines() if " WARNING " in line)
    out["log_queue"] = text.count("waitress.queue")
    out["log_locked"] = text.count("database is locked")
    out["log_busy"] = text.count("could not record a search")
    return out


def _load_dict(r, label: str) -> dict:
    return {
        "label": label,
        "clients": r.clients,
        "seconds": r.seconds,
        "requests": r.requests,
        "rps": r.rps,
        "p50": r.percentile(50),
        "p99": r.percentile(99),
        "errors": r.errors,
        "statuses": {str(k): v for k, v in r.statuses.items()},
        "error_kinds": r.error_kinds,
    }


def breakdown(content: Path, index: Path, queries: list[str]) -> dict:
    """Where one /search page's time goes, in-process (Flask test client, no network)."""
    import urllib.parse

    try:
        from directory import create_app
    except ImportError:
        return {}
    paths = ["/search?" + urllib.parse.urlencode({"q": q}) for q in queries]
    out = {}
    work = Path(tempfile.mkdtemp(prefix="signpost-page-"))
    try:
        for label, db in (("page, no statistics", None), ("page, with statistics", work / "stats.db")):
            app = create_app(
                {
                    "CONTENT_DIR": content,
                    "INDEX_DIR": index,
                    "DB_PATH": db,
                    "SECRET_KEY": "bench",
                    "WATCH_CONTENT": False,
                }
            )
            client = app.test_client()
            for p in paths[:30]:
                client.get(p)
            out[label] = statistics.fmean(time_queries(client.get, paths))
        idx = SearchIndex.open(index, content_dir=content)
        time_queries(idx.search, queries)
        out["search only (core)"] = statistics.fmean(time_queries(idx.search, queries))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return ""


def machine() -> dict:
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
        mem = f"{int(Path('/proc/meminfo').read_text().split()[1]) / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    import sqlite3
    from importlib.metadata import version

    return {
        "loadavg_start": _loadavg(),
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "whoosh": version("whoosh-reloaded"),
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 5k entries, 10 s load runs")
    parser.add_argument("--sizes", help="comma-separated directory sizes (default 1000,10000,50000)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats per measurement, medians reported")
    parser.add_argument("--load-seconds", type=float, help="seconds per load run (default 30, quick 10)")
    parser.add_argument("--no-load", action="store_true", help="skip the site under load")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line run at 5k")
    parser.add_argument(
        "--out", type=Path, help="report path (default docs/benchmarks.md; quick: bench/results/)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([1000, 5000] if args.quick else [1000, 10000, 50000])
    )
    load_seconds = args.load_seconds or (10.0 if args.quick else 30.0)
    out_md = args.out or (RESULTS / "benchmarks-quick.md" if args.quick else ROOT / "docs" / "benchmarks.md")
    repeat = max(1, args.repeat)
    queries = load_queries()
    RESULTS.mkdir(parents=True, exist_ok=True)

    work = Path(tempfile.mkdtemp(prefix="signpost-bench-"))
    log(f"working in {work}; {len(queries)} queries; sizes {sizes}; {repeat} repeats")
    data: dict = {
        "machine": machine(),
        "quick": args.quick,
        "repeat": repeat,
        "queries": len(queries),
        "sizes": [],
    }
    try:
        for n in sizes:
            data["sizes"].append(measure_size(n, work, queries, repeat))
        biggest = max(data["sizes"], key=lambda s: s["entries"])
        data["parse"] = measure_parse(Path(biggest["paths"]["content"]))
        data["relevance"] = measure_relevance()
        if not args.no_cli:
            data["cli"] = measure_cli(work, queries)
        site_size = 5000 if args.quick else 10000
        site = next((s for s in data["sizes"] if s["entries"] == site_size), None) or min(
            data["sizes"], key=lambda s: abs(s["entries"] - site_size)
        )
        content, index = Path(site["paths"]["content"]), Path(site["paths"]["index"])
        data["page"] = breakdown(content, index, queries)
        if not args.no_load:
            data["site"] = measure_site(content, index, work, queries, load_seconds, reindex_every=3.0)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    data["machine"]["loadavg_end"] = _loadavg()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    raw = RESULTS / f"{'quick' if args.quick else 'full'}-{stamp}.json"
    raw.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    if out_md.resolve() == (ROOT / "docs" / "benchmarks.md").resolve():  # published: numbers beside it
        raw = shutil.copyfile(raw, out_md.with_name("benchmarks-raw.json"))
    from .report import write_report

    write_report(data, out_md, raw)
    log(f"wrote {out_md} and {out_md.with_suffix('.png')} (raw numbers: {raw})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
