"""The home page and the category pages."""

from __future__ import annotations

import math
import re

from flask import Blueprint, current_app, render_template, request

from .core import category_or_404, get_core

bp = Blueprint("pages", __name__)

EXIT_CATEGORIES = {"domestic-abuse"}  # pages that show "Leave this page quickly"
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
