"""Freshness: stale entries (`signpost stale`, the staff area), and what closures do to residents."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from click.testing import CliRunner

from backoffice.freshness import months_before, months_between, stale_entries
from search_index import Entry
from search_index.live import LiveIndex
from search_index.search import CLOSED_PENALTY
from signpost.cli import cli

TODAY = dt.date(2026, 11, 23)


def entry(slug: str, verified: dt.date | None, status: str = "active") -> Entry:
    return Entry(
        slug,
        slug.title(),
        "s",
        ("community",),
        verified=verified,
        status=status,
        path=f"content/services/{slug}.md",
    )


@pytest.mark.parametrize(
    "earlier, later, months",
    [
        (dt.date(2025, 11, 23), TODAY, 12),
        (dt.date(2025, 11, 24), TODAY, 11),
        (dt.date(2026, 10, 31), dt.date(2026, 11, 30), 0),
        (dt.date(2007, 3, 1), TODAY, 236),
        (TODAY, dt.date(2020, 1, 1), 0),
    ],
)
def test_months_between(earlier, later, months):
    assert months_between(earlier, later) == months


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(TODAY, 12) == dt.date(2025, 11, 23)
    assert months_before(dt.date(2026, 1, 15), 13) == dt.date(2024, 12, 15)


def test_stale_entries_never_checked_first_then_oldest():
    entries = [
        entry("fresh", dt.date(2026, 6, 1)),
        entry("exactly-a-year", dt.date(2025, 11, 23)),
        entry("a-day-over", dt.date(2025, 11, 22)),
        entry("ancient", dt.date(2007, 3, 1)),
        entry("never", None),
        entry("closed-old", dt.date(2001, 1, 1), status="closed"),
        entry("paused-old", dt.date(2010, 1, 1), status="temporarily-closed"),
    ]
    found = stale_entries(entries, 12, today=TODAY)
    assert [s.entry.slug for s in found] == ["never", "ancient", "paused-old", "a-day-over"]
    assert found[0].line() == "content/services/never.md: Never — never checked"
    assert (
        found[1].line() == "content/services/ancient.md: Ancient — last checked 2007-03-01 (236 months ago)"
    )
    assert found[3].months_ago == 12
    assert [s.entry.slug for s in stale_entries(entries, 0, today=TODAY)][-1] == "fresh"


def write(content_dir, slug: str, verified: str | None, title: str | None = None) -> None:
    lines = [
        f"title: {title or slug.replace('-', ' ').title()}",
        "summary: Something.",
        "categories: [community]",
    ]
    if verified:
        lines.append(f"verified: {verified}")
    (content_dir / "services" / f"{slug}.md").write_text(
        "---\n" + "\n".join(lines) + "\n---\n", encoding="utf-8"
    )


def test_stale_command(content_dir, monkeypatch):
    today = dt.date.today()
    write(content_dir, "checked-last-month", months_before(today, 1).isoformat())
    write(content_dir, "checked-two-years-ago", months_before(today, 24).isoformat())
    result = CliRunner().invoke(cli, ["stale", "--content", str(content_dir)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    two = months_before(today, 24).isoformat()
    assert (
        f"{content_dir}/services/checked-two-years-ago.md: Checked Two Years Ago — last checked {two} (24 months ago)"
        in lines
    )
    assert f"{content_dir}/services/samaritans.md: Samaritans, call 116 123 — never checked" in lines
    assert not any("checked-last-month" in line for line in lines)
    assert not any("closed-service" in line for line in lines)  # closed: residents never see it
    assert "not checked for 12 months or more" in lines[-1]
    result = CliRunner().invoke(cli, ["stale", "--content", str(content_dir), "--months", "36"])
    assert "checked-two-years-ago" not in result.output
    monkeypatch.setenv("SIGNPOST_STALE_MONTHS", "0")
    result = CliRunner().invoke(cli, ["stale", "--content", str(content_dir)])
    assert "checked-last-month" in result.output
    monkeypatch.setenv("SIGNPOST_STALE_MONTHS", "soon")
    result = CliRunner().invoke(cli, ["stale", "--content", str(content_dir)])
    assert result.exit_code == 1 and "Error: SIGNPOST_STALE_MONTHS must be a whole number" in result.output


def test_stale_command_on_a_missing_folder(tmp_path):
    result = CliRunner().invoke(cli, ["stale", "--content", str(tmp_path / "nope")])
    assert result.exit_code == 1 and result.output.startswith("Error: ")


# --- what closures do to residents ---------------------------------------------------------------
TWINS = {
    "homework-club-a": "active",
    "homework-club-b": "temporarily-closed",
    "homework-club-c": "closed",
}


@pytest.fixture
def twins(content_dir, index_dir):
    for slug, status in TWINS.items():
        (content_dir / "services" / f"{slug}.md").write_text(
            textwrap.dedent(f"""\
                ---
                title: Homework club
                summary: Help with homework after school, with squash and biscuits.
                categories: [young-people]
                tags: [homework, after school]
                status: {status}
                ---
                """),
            encoding="utf-8",
        )
    core = LiveIndex(content_dir, index_dir)
    core.ensure_index()
    return core


def test_temporarily_closed_ranks_below_an_identical_open_entry(twins):
    hits = twins.search("homework club", channel="cli").hits
    by_slug = {h.slug: h for h in hits}
    slugs = [h.slug for h in hits]
    assert slugs[0] == "homework-club-a"
    assert slugs.index("homework-club-b") > 0
    open_, paused = by_slug["homework-club-a"].score, by_slug["homework-club-b"].score
    assert paused == pytest.approx(open_ * CLOSED_PENALTY, rel=0.01)


def test_closed_entries_are_not_shown_to_residents(twins, content_dir):
    assert "homework-club-c" not in [h.slug for h in twins.search("homework club", channel="cli").hits]
    assert "homework-club-c" not in [e.slug for e in twins.index.visible()]
    assert "homework-club-c" not in [e.slug for e in twins.index.in_category("young-people")]
    from directory import create_app

    app = create_app(
        {"TESTING": True, "CONTENT_DIR": content_dir, "INDEX_DIR": twins.index_dir, "SECRET_KEY": "x"}
    )
    client = app.test_client()
    assert "homework-club-c" not in client.get("/search?q=homework+club").get_data(as_text=True)
    assert client.get("/services/homework-club-c").status_code == 410
