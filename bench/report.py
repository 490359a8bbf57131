"""The benchmark report: Markdown tables and a chart (matplotlib, Agg) from the raw numbers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from signpost.cmd_serve import THREADS as SERVE_THREADS

NOTES = Path(__file__).with_name("notes.md")


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "–"


def _k(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _ms(x: float) -> str:
    return f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def _table(header: Sequence[str], align: str, rows: Iterable[Sequence[object]]) -> list[str]:
    """A Markdown table, then a blank line: `align` has "l" (left) or "r" (right) for each column."""
    rule = {"l": "---", "r": "---:"}
    lines = [_row(header), "|" + "|".join(rule[a] for a in align) + "|"]
    return lines + [_row(row) for row in rows] + [""]


def _row(cells: Sequence[object]) -> str:
    """One table row, "| a | b |"; an empty cell is written "| |"."""
    return "|" + "|".join(f" {cell} " if cell != "" else " " for cell in cells) + "|"


def _section(title: str, intro: str = "") -> list[str]:
    """A "## title" heading and its introduction, each followed by a blank line."""
    return [f"## {title}", ""] + ([intro, ""] if intro else [])


def _size_table(data: dict, header: list[str], cells: Callable[[dict], list]) -> list[str]:
    """A table of numbers with a row per directory size: its number of entries, then `cells(size)`."""
    rows = ([_k(s["entries"]), *cells(s)] for s in data["sizes"])
    return _table(["entries", *header], "r" * (len(header) + 1), rows)


def _build_cells(size: dict) -> list:
    b = size["build"]
    return [
        f"{b['signpost']:.2f} s",
        f"{b['fts5']:.2f} s",
        _ratio(b["signpost"], b["fts5"]),
        f"{size['index_mb']:.1f} MB / {size['fts5_mb']:.1f} MB",
    ]


def _update_cells(size: dict) -> list:
    u = size["update"]
    return [
        f"{u['signpost']:.3f} s",
        f"{u['signpost_live']:.3f} s",
        f"{u['signpost_service_live']:.3f} s",
        f"{u['fts5'] * 1000:.1f} ms",
        _ratio(u["signpost"], u["fts5"]),
    ]


def _query_cells(size: dict) -> list:
    a, b = size["query"]["signpost"], size["query"]["fts5"]
    return [
        *(f"{_ms(x)} ms" for x in (a["p50"], a["p99"], b["p50"], b["p99"])),
        _ratio(a["p50"], b["p50"]),
        _ratio(a["p99"], b["p99"]),
        f"{_ms(a['cold_p50'])} / {_ms(a['cold_p99'])} ms",
        f"{_ms(b['cold_p50'])} / {_ms(b['cold_p99'])} ms",
    ]


def _summary(data: dict) -> list[str]:
    """The targets at 10,000 entries (or the size nearest it), met or not."""
    if not data["sizes"]:
        return []
    s = min(data["sizes"], key=lambda x: abs(x["entries"] - 10000))
    q, b, u = s["query"], s["build"], s["update"]
    sp, ft = q["signpost"], q["fts5"]
    ok = {True: "met", False: "**missed**"}
    rows = [
        [
            "query p50 / p99",
            f"{_ms(sp['p50'])} / {_ms(sp['p99'])} ms",
            f"{_ms(ft['p50'])} / {_ms(ft['p99'])} ms",
            f"{_ratio(sp['p50'], ft['p50'])} / {_ratio(sp['p99'], ft['p99'])}",
            "≤ 2× FTS5 (aim: match)",
            ok[sp["p50"] <= 2 * ft["p50"] and sp["p99"] <= 2 * ft["p99"]],
        ],
        [
            "query p50 / p99, first pass after opening",
            f"{_ms(sp['cold_p50'])} / {_ms(sp['cold_p99'])} ms",
            f"{_ms(ft['cold_p50'])} / {_ms(ft['cold_p99'])} ms",
            f"{_ratio(sp['cold_p50'], ft['cold_p50'])} / {_ratio(sp['cold_p99'], ft['cold_p99'])}",
            "",
            "",
        ],
        [
            "full build",
            f"{b['signpost']:.1f} s",
            f"{b['fts5']:.1f} s",
            _ratio(b["signpost"], b["fts5"]),
            "≤ 1.5× FTS5",
            ok[b["signpost"] <= 1.5 * b["fts5"]],
        ],
        [
            "one edited file live (update + reopen + search)",
            f"{u['signpost_live']:.2f} s (through `LiveIndex`: {u['signpost_service_live']:.2f} s)",
            f"{u['fts5'] * 1000:.0f} ms",
            _ratio(u["signpost_live"], u["fts5"]),
            "≤ 0.3 s, not a full rebuild",
            ok[u["signpost_live"] <= 0.3],
        ],
    ]
    site = data.get("site")
    if site and "runs" in site:
        worst = max(
            (r for r in site["runs"] if r["clients"] == 50 and not r.get("paced")),
            key=lambda r: r["p99"],
            default=None,
        )
        paced = max((r for r in site["runs"] if r.get("paced")), key=lambda r: r["p99"], default=None)
        if worst:
            errors = sum(r["errors"] for r in site["runs"])
            rows.append(
                [
                    "search page, 50 clients (worst run)",
                    f"p99 {worst['p99']:.0f} ms, {worst['rps']:.0f} req/s",
                    "",
                    "",
                    "p99 ≤ 100 ms",
                    ok[worst["p99"] <= 100],
                ]
            )
            if paced:
                rows.append(
                    [
                        "search page, 50 clients at one search a second each (worst run)",
                        f"p99 {paced['p99']:.0f} ms, {paced['rps']:.0f} req/s",
                        "",
                        "",
                        "",
                        "",
                    ]
                )
            rows.append(["errors in all load runs, re-indexing included", errors, "", "", 0, ok[errors == 0]])
        rows.append(
            [
                "`signpost serve` peak memory (VmHWM)",
                f"{site['peak_mb']:.0f} MB after all runs ({site['after_warmup_mb']:.0f} MB after warm-up)",
                "",
                "",
                "< 150 MB",
                ok[site["peak_mb"] < 150],
            ]
        )
    rel = data.get("relevance")
    if rel:
        r, f = rel["signpost"], rel["fts5"]
        rows.append(
            [
                "hit@3 / MRR@10, bundled questions",
                f"{r['hit_at_3']:.2f} / {r['mrr_at_10']:.2f}",
                f"{f['hit_at_3']:.2f} / {f['mrr_at_10']:.2f}",
                "",
                "hit@3 no lower than before (0.99)",
                ok[r["hit_at_3"] >= 0.99 - 1e-9],
            ]
        )
    table = _table(["", "Signpost", "FTS5", "ratio", "target", ""], "lrrrll", rows)
    return _section(f"Summary at {_k(s['entries'])} entries") + table


def write_chart(data: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [s["entries"] for s in data["sizes"]]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    for key, label, style in (("signpost", "Signpost (Whoosh)", "o-"), ("fts5", "SQLite FTS5", "s--")):
        ax1.plot(sizes, [s["build"][key] for s in data["sizes"]], style, label=label)
        ax2.plot(sizes, [s["query"][key]["p50"] for s in data["sizes"]], style, label=f"{label}, p50")
        ax2.plot(
            sizes, [s["query"][key]["p99"] for s in data["sizes"]], style, alpha=0.4, label=f"{label}, p99"
        )
    ax1.set(title="Full index build", xlabel="entries", ylabel="seconds", xscale="log", yscale="log")
    ax2.set(title="Query latency (warm)", xlabel="entries", ylabel="milliseconds", xscale="log", yscale="log")
    for ax in (ax1, ax2):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def render(data: dict, raw: Path, chart: Path) -> str:
    m = data["machine"]
    lines: list[str] = []
    add = lines.append
    mode = "quick run (`--quick`)" if data.get("quick") else "full run"
    add("# Benchmarks")
    add("")
    add(
        f"Signpost beside SQLite FTS5 on the same Markdown files, in the same run ({mode}, "
        f"{data['repeat']} repeats per measurement, medians)."
    )
    add("")
    add(
        f"Machine: {m['nproc']} CPUs ({m['cpu'] or 'unknown CPU'}), {m['memory']} RAM; Python {m['python']}, "
        f"SQLite {m['sqlite']}, Whoosh {m['whoosh']}; {m['platform']}; {m['date']}. Load average "
        f"(other work on the machine) at the start: {m.get('loadavg_start', '?')}, at the end: "
        f"{m.get('loadavg_end', '?')}."
    )
    add("")
    summary = _summary(data)
    if summary:
        lines.extend(summary)
    if NOTES.is_file():
        add(NOTES.read_text(encoding="utf-8").strip())
        add("")
    lines += _section("How to reproduce")
    add("```sh")
    add("pip install -e '.[bench]'     # matplotlib, for the chart")
    add("python -m bench               # or bench/run; 1k, 10k and 50k entries and the site under load")
    add("python -m bench --quick       # 1k and 5k entries, 10 s load runs; report in bench/results/")
    add("```")
    add("")
    add(
        "Options: `--sizes 1000,20000`, `--repeat 5`, `--load-seconds 60`, `--no-load`, `--no-cli`, "
        "`--out FILE`, `--keep` (keep the generated directories). The directories are made from the "
        "bundled entries by deterministic mutation (fixed seed): other areas, titles, tags, summaries "
        "and body sentences, some entries paused or closed; see `bench/synth.py`. The messages are "
        f"`bench/queries.txt` ({data['queries']} lines: plain words, questions, everyday needs, typos, "
        "Welsh, crisis, harmless alarming words)."
    )
    add("")
    add(f"![Build time and query latency against directory size]({chart.name})")
    add("")

    lines += _section("Index build (full)")
    lines += _size_table(
        data, ["Signpost", "FTS5", "Signpost / FTS5", "index size (Signpost / FTS5)"], _build_cells
    )
    p = data.get("parse")
    if p and "libyaml" in p:
        add(
            f"Reading and validating one entry (`parse_entry`) takes {p['pure']:.2f} ms with PyYAML's pure-Python "
            f"parser and {p['libyaml']:.2f} ms with libyaml ({p['files']} files). Both builds parse with "
            "libyaml when PyYAML has it; FTS5's does not validate."
        )
        add("")

    lines += _section(
        "One edited file",
        "Edit one entry's summary in a built index, then `build_index` again (it must update that file "
        "alone). *Live* adds opening the new index and one search; *through LiveIndex* is "
        "`LiveIndex.rebuild()` then `LiveIndex.index` (what the website and the bot use).",
    )
    header = ["Signpost update", "live (core API)", "live (through LiveIndex)", "FTS5 delete+insert"]
    lines += _size_table(data, [*header, "Signpost / FTS5"], _update_cells)

    lines += _section(
        "Query latency",
        "Every message of `bench/queries.txt`, in-process (`SearchIndex.search` against FTS5's "
        "`MATCH … ORDER BY bm25(…)` with the message's words OR-ed). *Cold* is the first pass just after "
        "opening the index; the other columns are the median over the repeated passes.",
    )
    header = ["Signpost p50", "Signpost p99", "FTS5 p50", "FTS5 p99", "p50 ratio", "p99 ratio"]
    lines += _size_table(data, [*header, "Signpost cold p50 / p99", "FTS5 cold p50 / p99"], _query_cells)
    opened = ", ".join(f"{s['open_seconds']:.2f} s at {_k(s['entries'])}" for s in data["sizes"])
    add(
        f"Opening the newest index (`SearchIndex.open`) while the previous one is open, as a running process does: {opened}."
    )
    add("")

    rel = data.get("relevance")
    if rel:
        lines += _section(
            "Relevance on the bundled questions",
            "`tests/relevance_questions.yml` against the bundled directory: hit@3 (a right service in the top 3) "
            "and MRR@10, over every question that expects a service (Welsh included).",
        )
        rows = []
        for key, label in (("signpost", "Signpost"), ("fts5", "FTS5")):
            r = rel[key]
            kinds = ", ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(r["by_kind"].items()))
            rows.append(
                [label, f"{r['hits']}/{r['scored']} = {r['hit_at_3']:.2f}", f"{r['mrr_at_10']:.2f}", kinds]
            )
        lines += _table(["engine", "hit@3", "MRR@10", "by kind (hits/questions)"], "lrrl", rows)

    cli = data.get("cli")
    if cli:
        lines += _section(
            f"The command line at {_k(cli['entries'])} entries",
            "What the outside check does: `signpost index`, then `signpost ask --json` with every message on "
            "standard input, then one edited file and `signpost index` again; beside the same steps for FTS5 "
            "(`python -m bench.fts build|ask`). Wall time, process start included.",
        )
        rows = [
            ["build", f"{cli['index_s']:.2f} s", f"{cli['fts5_index_s']:.2f} s"]
            + [_ratio(cli["index_s"], cli["fts5_index_s"])],
            [f"{cli['queries']} messages", f"{cli['ask_s']:.2f} s", f"{cli['fts5_ask_s']:.2f} s"]
            + [_ratio(cli["ask_s"], cli["fts5_ask_s"])],
            ["one edited file", f"{cli['update_s']:.2f} s", "–", "–"],
        ]
        lines += _table(["step", "Signpost", "FTS5", "ratio"], "lrrr", rows)
        add(f"`signpost index` after the edit printed: `{cli['update_summary']}`")
        add("")

    page = data.get("page")
    if page:
        lines += _section(
            "Where a search page's time goes",
            "Mean per message, in-process (Flask's test client, no network), at the size the site is loaded with.",
        )
        lines += _table(["", "ms"], "lr", ([k, f"{v:.1f}"] for k, v in page.items()))

    site = data.get("site")
    if site:
        lines += _section("The site under load")
        if "skipped" in site:
            add(f"Skipped: {site['skipped']}.")
        else:
            add(
                f"`signpost serve` (waitress, {SERVE_THREADS} threads) with {_k(site['entries'])} entries and its statistics "
                f"database; each client a keep-alive connection asking `/search?q=…` in turn for the messages, "
                f"{site['seconds']:.0f} s per run, on loopback. Re-indexing: every 3 s one entry is "
                "edited; the site's watcher updates the index and the benchmark asks the site for a word "
                "only that edit has until it is found (`signpost index` is run if the site does not "
                "pick it up within 5 s). The first runs are closed-loop (each client asks again the moment it "
                "has an answer: the most the site can serve, and the queue that forms in front of it); the "
                "runs marked *one search a second* give each client a person's pace, about 50 searches a "
                "second in all."
            )
            add("")
            rows = []
            for r in [site["warmup"], *site["runs"]]:
                rx = (
                    f"{r['reindex_rounds']} edits, live in {r['live_median']:.2f} s median "
                    f"({r['live_max']:.2f} s max), {r['reindex_failures']} never live"
                    + (f", {r['reindex_cli_runs']} needed `signpost index`" if r["reindex_cli_runs"] else "")
                    if "reindex_rounds" in r
                    else "–"
                )
                rows.append(
                    [
                        r["label"],
                        f"{r['rps']:.0f}",
                        f"{r['p50']:.0f} ms",
                        f"{r['p99']:.0f} ms",
                        r["errors"],
                        rx,
                    ]
                )
            header = ["run", "requests/s", "p50", "p99", "errors", "edits (save → found on the site)"]
            lines += _table(header, "lrrrrr", rows)
            add(
                f"Peak memory of `signpost serve` (VmHWM): {site['after_warmup_mb']:.0f} MB after warm-up, "
                f"{site['peak_mb']:.0f} MB after all runs (resident at the end: {site['rss_mb']:.0f} MB). "
                f"Server log: {site['log_warnings']} warnings: {site.get('log_queue', 0)} from waitress "
                f"(requests waiting for a free thread), {site.get('log_busy', 0)} searches not counted in the "
                "statistics because the database was busy (each of those searches was still answered)."
            )
            add("")
    root = Path(__file__).resolve().parent.parent
    shown = raw.resolve().relative_to(root) if raw.resolve().is_relative_to(root) else raw
    add(f"Raw numbers: `{shown}`.")
    add("")
    return "\n".join(lines)


def write_report(data: dict, out_md: Path, raw: Path) -> None:
    out_md.parent.mkdir(parents=True, exist_ok=True)
    chart = out_md.with_suffix(".png")
    write_chart(data, chart)
    out_md.write_text(render(data, raw, chart), encoding="utf-8")
