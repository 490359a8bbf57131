"""The baseline: SQLite FTS5 over the same Markdown files, as a careful engineer would write it.

Each file is read and its YAML front matter parsed (PyYAML's safe loader, the C one when present),
the same text fields as Signpost's index go into one FTS5 table (porter unicode61 tokenizer), and a
message is searched as its words OR-ed together, ranked by bm25 with the same column weights as
Signpost's field boosts.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import yaml

from search_index.engine.analysis import FIELD_BOOSTS

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader

# Column weights: the same as Signpost's field boosts.
COLUMNS = dict(FIELD_BOOSTS)
_WORD = re.compile(r"\w+", re.UNICODE)


def load_categories(content_dir: Path) -> dict[str, dict]:
    data = yaml.load((content_dir / "categories.yml").read_text(encoding="utf-8"), Loader=_Loader) or []
    return {str(c["id"]): c for c in data if isinstance(c, dict) and "id" in c}


def parse_file(path: Path) -> tuple[dict, str] | None:
    """(front matter, body) of one entry file, or None when it has no readable front matter."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return None
    try:
        _, front, body = text.split("---", 2)
        data = yaml.load(front, Loader=_Loader)
    except (ValueError, yaml.YAMLError):
        return None
    return (data, body.strip()) if isinstance(data, dict) else None


def _row(slug: str, data: dict, body: str, cats: dict[str, dict]) -> tuple:
    def text(key: str) -> str:
        value = data.get(key)
        return "" if value is None else str(value)

    def items(key: str) -> list[str]:
        value = data.get(key) or []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    entry_cats = [cats[c] for c in items("categories") if c in cats]
    return (
        slug,
        text("title"),
        " . ".join(items("tags")),
        " . ".join(items("questions")),
        text("summary"),
        " . ".join(f"{c.get('name', '')} {c.get('description', '')}" for c in entry_cats),
        text("organisation"),
        body,
        " . ".join([text("title_cy"), text("summary_cy")] + [str(c.get("name_cy", "")) for c in entry_cats]),
        json.dumps({"title": text("title"), "summary": text("summary"), "status": text("status")}),
    )


class FtsIndex:
    """An FTS5 index of a content folder in one SQLite file."""

    def __init__(self, db_path: Path | str):
        self.db_path = str(db_path)
        self.conn = sqlite3.connect(self.db_path, check_same_thread=False)
        self.cats: dict[str, dict] = {}

    def build(self, content_dir: Path) -> int:
        """Parse every file and (re)create the table. Returns the number of entries indexed."""
        self.cats = load_categories(content_dir)
        c = self.conn
        c.execute("DROP TABLE IF EXISTS entries")
        cols = ", ".join(COLUMNS)
        c.execute(
            f"CREATE VIRTUAL TABLE entries USING fts5(slug UNINDEXED, {cols}, data UNINDEXED, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        rows = []
        for path in sorted((content_dir / "services").glob("*.md")):
            parsed = parse_file(path)
            if parsed:
                rows.append(_row(path.stem, *parsed, self.cats))
        with c:
            c.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * (len(COLUMNS) + 2))})", rows)
        return len(rows)

    def update_file(self, path: Path) -> None:
        """Re-index one changed file: delete its row, insert it again."""
        parsed = parse_file(path)
        with self.conn as c:
            c.execute("DELETE FROM entries WHERE slug = ?", (path.stem,))
            if parsed:
                c.execute(
                    f"INSERT INTO entries VALUES ({', '.join('?' * (len(COLUMNS) + 2))})",
                    _row(path.stem, *parsed, self.cats),
                )

    def search(self, message: str, limit: int = 10) -> list[str]:
        """Slugs of the best `limit` entries for the message's words OR-ed together."""
        words = list(dict.fromkeys(w.lower() for w in _WORD.findall(message)))[:40]
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', "") + '"' for w in words)
        weights = ", ".join(str(w) for w in COLUMNS.values())
        rows = self.conn.execute(
            f"SELECT slug, data FROM entries WHERE entries MATCH ? ORDER BY bm25(entries, 0, {weights}) "
            "LIMIT ?",
            (match, limit),
        ).fetchall()
        return [slug for slug, _ in rows]

    def close(self) -> None:
        self.conn.close()


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.fts build CONTENT DB` or `python -m bench.fts ask DB < messages` (one JSON
    line per message): the baseline as command-line steps, to time beside `signpost index/ask`."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) == 3 and args[0] == "build":
        index = FtsIndex(args[2])
        print(f"{index.build(Path(args[1]))} entries")
        index.close()
        return 0
    if len(args) == 2 and args[0] == "ask":
        index = FtsIndex(args[1])
        for line in sys.stdin:
            print(json.dumps({"results": [{"slug": s} for s in index.search(line.rstrip("\r\n"))]}))
        index.close()
        return 0
    print(main.__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
