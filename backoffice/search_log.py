"""The core's `on_search` callback that records each search in the analytics database.

`LiveIndex(..., on_search=SearchLog(analytics))` hands every search to this object; it keeps the
need words of the message (see `need_words`), never the message, and whether a search that found
nothing found nothing only because of its filters.
"""

from __future__ import annotations

from pathlib import Path

from search_index.lexicon import tokenize
from search_index.live import SearchMade
from search_index.search import Filters, SearchIndex

from .analytics import Analytics
from .need_words import NeedWords


class SearchLog:
    """Records searches in `analytics` (an `Analytics`); pass it to `LiveIndex` as `on_search`."""

    def __init__(self, analytics: Analytics):
        self.analytics = analytics
        self._need_words: tuple[tuple, NeedWords] | None = None  # (what it was made from, it)

    def __call__(self, search: SearchMade) -> None:
        results, index = search.results, search.index
        words = [] if results.is_crisis else self.need_words(index).extract(search.text, search.lang)
        filtered = False
        if not results.found and not results.is_crisis and search.filters and search.filters != Filters():
            # found nothing: an unmet need, or only the filters (an unknown area, a language)?
            filtered = bool(index.search(search.text, lang=search.lang).found)
        self.analytics.record(
            channel=search.channel,
            lang=search.lang,
            words=words,
            results=results,
            categories=[c for h in results.found[:3] for c in h.entry.categories],
            filtered=filtered,
        )

    def need_words(self, index: SearchIndex) -> NeedWords:
        """The need-word picker for this index's vocabulary and categories (made again only when
        they change, not for every new generation of the index)."""
        vocab = index.vocabulary
        cats = tuple((c.id, c.name, c.name_cy) for c in index.categories)
        made = self._need_words
        if made is None or made[0][0] is not vocab or made[0][1] != cats:
            known = set(vocab.known_words())
            for c in index.categories:
                known.update(tokenize(f"{c.id.replace('-', ' ')} {c.name} {c.name_cy}"))
            # the wrapping of a request ("where can I get help with") says nothing about the need
            quiet = set(vocab.stopwords).union(*vocab.filler)
            self._need_words = ((vocab, cats), NeedWords(known - quiet, quiet))
        return self._need_words[1]


def open_search_log(db_path: Path | str, retention_days: int | None = None) -> SearchLog:
    """The analytics database at `db_path`, made when missing and pruned to `retention_days` (now,
    then daily while the process runs), wrapped as the core's `on_search` callback."""
    analytics = Analytics(db_path, retention_days=retention_days)
    analytics.start()
    return SearchLog(analytics)
