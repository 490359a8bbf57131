"""What the bot says to a message in a language it does not answer in: a line from content/languages.yml.

The directory's own `languages.yml` is read when it has one; otherwise the bundled directory's copy
(so a new directory still greets Polish, Portuguese, Kurdish and Arabic speakers). A missing or broken
file means no line, never an error: the services and the helplines are still shown.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

log = logging.getLogger(__name__)
FILE_NAME = "languages.yml"
BUNDLED = Path(__file__).resolve().parents[1] / "content" / FILE_NAME
DEFAULT_SEARCHES = ("interpreter interpreting translation", "English classes ESOL")


@dataclass(frozen=True)
class LanguageHelp:
    lines: dict[str, str]  # language code -> the line in that language
    searches: tuple[str, ...]  # searches that find interpreting and English classes


def language_help(content_dir: Path | str | None) -> LanguageHelp:
    """The lines and searches for a content folder (its own file, else the bundled one)."""
    own = Path(content_dir) / FILE_NAME if content_dir else None
    path = own if own is not None and own.is_file() else BUNDLED
    try:
        return _load(path, path.stat().st_mtime_ns)
    except OSError:
        return LanguageHelp({}, DEFAULT_SEARCHES)


@lru_cache(maxsize=8)
def _load(path: Path, _mtime: int) -> LanguageHelp:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lines = {
            str(code): str(item["text"]).strip()
            for code, item in (data.get("lines") or {}).items()
            if isinstance(item, dict) and item.get("text")
        }
        searches = tuple(str(s) for s in data.get("searches") or () if str(s).strip())
        return LanguageHelp(lines, searches or DEFAULT_SEARCHES)
    except (yaml.YAMLError, AttributeError, TypeError) as exc:
        log.warning("%s: could not read the other-language lines: %s", path, exc)
        return LanguageHelp({}, DEFAULT_SEARCHES)
