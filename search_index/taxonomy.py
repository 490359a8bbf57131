"""Open Eligibility, the published taxonomy that Signpost's categories map onto for other directories.

The terms (ids, names, parents) are a copy of Open Eligibility 2.0's human services in
`open_eligibility.yml`; each category in `content/categories.yml` lists the ids it maps to under
`open_eligibility:`. Open Referral UK consumers filter on these ids.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

OPEN_ELIGIBILITY_FILE = Path(__file__).with_name("open_eligibility.yml")
OPEN_ELIGIBILITY_URI = "https://github.com/auntbertha/openeligibility"
# Open Eligibility gives its terms no web address of their own: a term's URI is the published list
# that defines its id.
OPEN_ELIGIBILITY_LIST_URI = "https://github.com/auntbertha/openeligibility/blob/master/taxonomy"
OPEN_ELIGIBILITY_VERSION = "2.0"


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    parent: str = ""


@functools.cache
def open_eligibility() -> dict[str, Term]:
    """Every Open Eligibility human services term by id, in the published order."""
    rows = yaml.safe_load(OPEN_ELIGIBILITY_FILE.read_text(encoding="utf-8"))
    return {str(r["id"]): Term(str(r["id"]), str(r["name"]), str(r.get("parent") or "")) for r in rows}


def ancestors(term_id: str) -> list[str]:
    """The term and its parents up to the top level, nearest first."""
    terms = open_eligibility()
    out: list[str] = []
    while term_id in terms and term_id not in out:
        out.append(term_id)
        term_id = terms[term_id].parent
    return out
