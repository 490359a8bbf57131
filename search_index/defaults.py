"""Where Signpost keeps things when nobody says otherwise, and the check on whole-number settings.

Shared by the command line (options and SIGNPOST_* variables, in `signpost/config.py`) and the
website (its Flask config, in `directory/settings.py`), which each read their settings their own way.
Nothing here reads the environment.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CONTENT = PROJECT_ROOT / "content"


def var_dir() -> Path:
    """./var beside the project when it is writable, else the user's cache folder."""
    var = PROJECT_ROOT / "var"
    try:
        var.mkdir(exist_ok=True)
        if os.access(var, os.W_OK):
            return var
    except OSError:
        pass
    return Path(platformdirs.user_cache_dir("signpost"))


def default_index_dir(content: Path) -> Path:
    """var/index for the bundled directory; var/index-<hash of the folder> for any other."""
    if Path(content).resolve() == BUNDLED_CONTENT.resolve():
        return var_dir() / "index"
    key = hashlib.sha1(str(Path(content).resolve()).encode()).hexdigest()[:12]
    return var_dir() / f"index-{key}"


def default_db_path() -> Path:
    """The analytics database: var/signpost.db."""
    return var_dir() / "signpost.db"


def whole_number(raw: str, name: str) -> int:
    """`raw` as a whole number of 0 or more; a ValueError naming the setting `name` otherwise."""
    try:
        number = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None
    if number < 0:
        raise ValueError(f"{name} must not be negative")
    return number
