"""The staff overview and the report: unmet needs, stale and broken entries, the correction queue,
searches by week and channel, and the answers to "Did this help?" (from `backoffice.analytics`)."""

from __future__ import annotations

import datetime as dt
import logging

from flask import Response, abort, current_app, render_template, request
from flask_babel import gettext as _

from backoffice.analytics import NOT_RECORDED
from backoffice.freshness import stale_entries

from ..core import get_core
from .blueprint import bp
from .charts import bar_chart, stacked_chart
from .corrections import queue

log = logging.getLogger(__name__)


@bp.get("/")
def dashboard():
    """Unmet needs, stale entries, broken entries and the correction queue, on one page."""
    core = get_core()
    months = int(current_app.config.get("STALE_MONTHS") or 12)
    store = queue()
    return render_template(
        "staff/dashboard.html",
        report=_read("report", limit=10),
        months=months,
        stale=stale_entries(core.index.entries.values(), months),
        problems=core.problems(),
        open_items=store.list(status="open") if store else [],
        entries=core.index.entries,
        watching=core.watching,
    )


@bp.get("/report")
def report():
    """The full report with bar charts; ?since=YYYY-MM-DD."""
    since = _parse_day(request.args.get("since"))
    rep = _read("report", since=since, limit=30)
    charts = None
    if rep is not None:
        charts = {
            "weeks": stacked_chart(rep.weeks, rep.channels, _("Searches by week and channel")),
            "needs": bar_chart(_category_labels(rep.needs), _("Top needs by category")),
            "unmet": bar_chart(rep.unmet, _("Unmet needs")),
            "entries": bar_chart(_entry_labels(rep.entries), _("Entries most often shown first")),
        }
    feedback = _read("feedback", since=since)
    return render_template(
        "staff/report.html",
        report=rep,
        charts=charts,
        since=since,
        feedback=feedback,
        not_recorded=_(NOT_RECORDED),  # the back office's wording, translated (babel.cfg)
    )


@bp.get("/report.csv")
def report_csv():
    rep = _read("report", since=_parse_day(request.args.get("since")), limit=1000)
    if rep is None:
        abort(404, "No analytics database yet")
    name = f"signpost-report-{dt.date.today().isoformat()}.csv"
    return Response(
        rep.to_csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _read(what: str, **kwargs):
    """The analytics' `report(...)` or `feedback(...)`, or None without a database (or when it
    cannot be read: logged)."""
    analytics = current_app.extensions["analytics"]
    if analytics is None or not analytics.path.is_file():
        return None
    try:
        return getattr(analytics, what)(**kwargs)
    except Exception:
        log.warning("could not read the %s from %s", what, analytics.path, exc_info=True)
        return None


def _parse_day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _category_labels(rows):
    cats = get_core().index.category_by_id
    return [(cats[c].name if c in cats else c, n) for c, n in rows]


def _entry_labels(rows):
    entries = get_core().index.entries
    return [(entries[s].title if s in entries else s, n) for s, n in rows]
