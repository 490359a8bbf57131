"""Signpost's core: entries, validation, the resident vocabulary, crisis detection, the index, search.

Imports neither Flask nor telegram; the website, the bot and the CLI are thin layers over this API.
"""

from .crisis import CrisisSignal, detect_crisis
from .engine.meaning import status as meaning_status
from .entries import Category, ContentError, Directory, Entry, Problem, load_directory, parse_ages
from .index import BuildReport, build_index, index_exists
from .search import Filters, Hit, Results, SearchIndex

__all__ = [
    "BuildReport",
    "Category",
    "ContentError",
    "CrisisSignal",
    "Directory",
    "Entry",
    "Filters",
    "Hit",
    "Problem",
    "Results",
    "SearchIndex",
    "build_index",
    "detect_crisis",
    "index_exists",
    "load_directory",
    "meaning_status",
    "parse_ages",
]
