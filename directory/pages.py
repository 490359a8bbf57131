"""The home page and the category pages."""

from __future__ import annotations

import math
import re

from flask import Blueprint, current_app, render_template, request

from search_index import KIND_CATEGORIES

from .core import category_or_404, get_core

bp = Blueprint("pages", __name__)

# Categories whose pages, services and search results show "Exit this page": the ones the crisis
# detector gives for abuse (domestic abuse), and sexual violence where a directory has it.
EXIT_CATEGORIES = set(KIND_CATEGORIES["abuse"]) | {"domestic-abuse", "sexual-violence"}
EXIT_TOP_RESULTS = 5  # a search shows the button when any of its first results is in one of them


def needs_exit(crisis, entries) -> bool:
    """Exit this page when the words signal a crisis, or the first results are about abuse."""
    if crisis is not None:
        return True
    return any(EXIT_CATEGORIES & set(e.categories) for e in list(entries)[:EXIT_TOP_RESULTS])


_PAGE = re.compile(r"^[0-9]{1,6}$")


@bp.get("/")
def home():
    """Search box, every category, and the helplines."""
    index = get_core().index
    counts = {c.id: len(index.in_category(c.id)) for c in index.categories}
    return render_template("home.html", categories=index.categories, counts=counts)


@bp.get("/categories/<category_id>")
def category(category_id: str):
    """Every service in one category, a page of them at a time."""
    cat = category_or_404(category_id)
    entries = get_core().index.in_category(cat.id)
    size = current_app.config["CATEGORY_PAGE_SIZE"]
    pages = max(1, math.ceil(len(entries) / size))
    page = min(max(1, int(request.args["page"])), pages) if _PAGE.match(request.args.get("page", "")) else 1
    return render_template(
        "category.html",
        category=cat,
        entries=entries[(page - 1) * size : page * size],
        total=len(entries),
        page=page,
        pages=pages,
        show_exit=cat.id in EXIT_CATEGORIES,
    )
