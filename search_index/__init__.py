"""Signpost's core: entries and validation, the resident vocabulary, languages, crisis detection, the
index, search and answers, behind `LiveIndex` (the live index one process shares).

Imports neither Flask, Werkzeug, telegram nor the back office; the website, the bot and the CLI are thin
layers over this API and import nothing deeper than `search_index` (tests/test_imports.py).
"""

from .answers import (
    EXAMPLES,
    LABELS,
    contact_lines,
    crisis_message,
    entry_text,
    no_good_match,
    place_text,
    results_text,
)
from .areas import AreaNames, area_key
from .crisis import KIND_CATEGORIES, CrisisSignal, detect_crisis
from .defaults import BUNDLED_CONTENT, default_db_path, default_index_dir, var_dir, whole_number
from .entries import (
    DAY_CODES,
    EMAIL_RE,
    KNOWN_FIELDS,
    LANG_RE,
    SLUG_RE,
    STATUSES,
    Category,
    ContentError,
    Entry,
    LoadResult,
    Location,
    Problem,
    load_categories,
    load_directory,
    parse_ages,
    parse_clock,
    parse_days,
    parse_entry,
    parse_entry_text,
    slugify,
    split_front_matter,
)
from .history import last_modified
from .index import BuildReport, build_index, index_exists
from .installed import notes as setup_notes
from .language import OTHER_LANGUAGES, identify_language, language_name
from .lexicon import (
    MUTATION_TRIGGERS,
    clean_text,
    is_mutated_form,
    load_vocabulary,
    mutations,
    radicals,
    stem,
    tokenize,
)
from .live import LiveIndex, SearchMade, generation_problem, open_index
from .search import MAX_QUERY_CHARS, Filters, Hit, Results, SearchIndex
from .taxonomy import (
    OPEN_ELIGIBILITY_LIST_URI,
    OPEN_ELIGIBILITY_URI,
    OPEN_ELIGIBILITY_VERSION,
    ancestors,
    open_eligibility,
)

__all__ = [
    # the live index and search
    "LiveIndex",
    "SearchMade",
    "SearchIndex",
    "Filters",
    "Results",
    "Hit",
    "MAX_QUERY_CHARS",
    "open_index",
    "generation_problem",
    "build_index",
    "index_exists",
    "BuildReport",
    "area_key",
    "setup_notes",
    # entries and categories
    "Entry",
    "Category",
    "LoadResult",
    "Location",
    "Problem",
    "ContentError",
    "load_directory",
    "load_categories",
    "parse_entry",
    "parse_entry_text",
    "split_front_matter",
    "parse_ages",
    "parse_clock",
    "parse_days",
    "slugify",
    "DAY_CODES",
    "EMAIL_RE",
    "KNOWN_FIELDS",
    "LANG_RE",
    "SLUG_RE",
    "STATUSES",
    "last_modified",
    # crisis, answers, words and languages
    "CrisisSignal",
    "detect_crisis",
    "KIND_CATEGORIES",
    "crisis_message",
    "results_text",
    "entry_text",
    "contact_lines",
    "place_text",
    "AreaNames",
    "no_good_match",
    "EXAMPLES",
    "LABELS",
    "identify_language",
    "language_name",
    "clean_text",
    "OTHER_LANGUAGES",
    "load_vocabulary",
    "tokenize",
    "stem",
    "mutations",
    "radicals",
    "is_mutated_form",
    "MUTATION_TRIGGERS",
    # the Open Eligibility taxonomy
    "open_eligibility",
    "ancestors",
    "OPEN_ELIGIBILITY_URI",
    "OPEN_ELIGIBILITY_LIST_URI",
    "OPEN_ELIGIBILITY_VERSION",
    # defaults the front-ends share
    "BUNDLED_CONTENT",
    "default_db_path",
    "default_index_dir",
    "var_dir",
    "whole_number",
]
