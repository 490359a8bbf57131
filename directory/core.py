"""The app's one `LiveIndex` core object, and the lookups every view needs."""

from __future__ import annotations

from flask import abort, current_app

from search_index import AreaNames, Category, Entry, LiveIndex


def get_core() -> LiveIndex:
    return current_app.extensions["signpost"]


def area_names() -> AreaNames:
    """The Welsh names the entries give their areas, for `AreaNames.name` and `AreaNames.of`."""
    return get_core().index.area_names()


def category_or_404(category_id: str) -> Category:
    category = get_core().index.category_by_id.get(category_id)
    if category is None:
        abort(404, "No such category")
    return category


def entry_or_404(slug: str) -> Entry:
    entry = get_core().index.get(slug)
    if entry is None:
        abort(404, "No such service")
    return entry
