"""Directory entries: read `content/`, validate every field, report problems a volunteer can act on.

One Markdown file per service (`content/services/<slug>.md`) with YAML front matter between `---`
lines. YAML 1.1's surprises (``hours: 9:30`` read as 570, ``languages: [no]`` read as False) cannot
bite: every value is taken from the text exactly as written, and a value YAML would have turned into
something else gets a warning that says how to quote it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

STATUSES = ("active", "temporarily-closed", "closed")
REQUIRED = ("title", "summary", "categories")
TEXT_FIELDS = (
    "title",
    "summary",
    "organisation",
    "ages",
    "area",
    "address",
    "postcode",
    "phone",
    "email",
    "website",
    "hours",
    "cost",
    "referral",
    "access",
    "status",
    "verified",
    "title_cy",
    "summary_cy",
    "organisation_website",
    "organisation_email",
    "latitude",
    "longitude",
    "contact_via",
    "hours_cy",
    "cost_cy",
    "referral_cy",
    "access_cy",
    "organisation_cy",
    "area_cy",
)
LIST_FIELDS = ("categories", "tags", "questions", "languages")
# Lists of 'key: value' records, each with these keys (see content/README.md).
RECORD_FIELDS = {
    "locations": ("name", "address", "city", "postcode", "latitude", "longitude"),
    "opening_times": ("days", "opens", "closes"),
}
# `sources:` is a list of mappings (where each detail was read, and when); see `parse_sources`.
STRUCTURED_FIELDS = ("sources",)
KNOWN_FIELDS = TEXT_FIELDS + LIST_FIELDS + tuple(RECORD_FIELDS) + STRUCTURED_FIELDS
# The fields a Welsh page takes from `<field>_cy` when it is given (title and summary included).
WELSH_FIELDS = ("title", "summary", "hours", "cost", "referral", "access", "organisation", "area")
# The details by which a resident can get in touch; an entry without any needs `contact_via`.
CONTACT_FIELDS = ("phone", "email", "website", "address")
# What a source may be recorded as stating (`states: [phone, address]`).
SOURCE_STATES = (
    "phone",
    "email",
    "website",
    "address",
    "postcode",
    "hours",
    "cost",
    "referral",
    "access",
    "languages",
    "organisation",
    "area",
    "ages",
    "status",
    "description",
)
# The line that separates the English body from the Welsh one.
WELSH_BODY_RE = re.compile(r"^[ \t]*<!--\s*cy\s*-->[ \t]*$", re.M | re.I)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^[0-9+() ]{3,}")
LANG_RE = re.compile(r"^[a-z]{2}$")
_YAML_TYPE_WORD = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:timestamp": "a date",
}


@dataclass(frozen=True)
class Category:
    id: str
    name: str
    name_cy: str
    description: str = ""
    open_eligibility: tuple[str, ...] = ()  # ids of Open Eligibility terms this category maps to

    def __post_init__(self) -> None:  # read back from the index's JSON as a list
        object.__setattr__(self, "open_eligibility", tuple(self.open_eligibility))

    def label(self, lang: str = "en") -> str:
        return self.name_cy if lang == "cy" and self.name_cy else self.name


@dataclass(frozen=True)
class Ages:
    """An age range in years; `high` is None for "60+"."""

    low: int
    high: int | None
    text: str

    def includes(self, age: int) -> bool:
        return self.low <= age and (self.high is None or age <= self.high)


@dataclass(frozen=True)
class Location:
    """One more place where the service is offered (besides the entry's own `address`)."""

    name: str = ""
    address: str = ""
    city: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None


DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class OpeningTime:
    """Open on `days` (0 = Monday) from `opens` to `closes`, both "HH:MM" on a 24-hour clock."""

    days: tuple[int, ...]
    opens: str
    closes: str

    @property
    def byday(self) -> str:
        return ",".join(DAY_CODES[d] for d in self.days)


@dataclass(frozen=True)
class Source:
    """Where the details of an entry were read: a web page (`url`) or a named `document`, the
    date it was `checked`, and optionally which details it `states`. Shown to staff, never to residents."""

    url: str = ""
    document: str = ""
    checked: dt.date | None = None
    states: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        data: dict = {"url": self.url} if self.url else {"document": self.document}
        data["checked"] = self.checked.isoformat() if self.checked else None
        if self.states:
            data["states"] = list(self.states)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Source:
        checked = data.get("checked")
        return cls(
            url=str(data.get("url") or ""),
            document=str(data.get("document") or ""),
            checked=dt.date.fromisoformat(checked) if checked else None,
            states=tuple(data.get("states") or ()),
        )


# slots: an entry has 40 fields, too many for instances to share their dictionary's keys; as slots
# each of the 10,000 entries of a large directory takes 350 bytes instead of 1,650
@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    title: str
    summary: str
    categories: tuple[str, ...]
    body: str = ""
    organisation: str = ""
    tags: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    ages: str = ""
    area: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    hours: str = ""
    cost: str = ""
    languages: tuple[str, ...] = ()
    referral: str = ""
    access: str = ""
    status: str = "active"
    verified: dt.date | None = None
    title_cy: str = ""
    summary_cy: str = ""
    organisation_website: str = ""
    organisation_email: str = ""
    latitude: str = ""
    longitude: str = ""
    locations: tuple[Location, ...] = ()
    opening_times: tuple[OpeningTime, ...] = ()
    contact_via: str = ""
    hours_cy: str = ""
    cost_cy: str = ""
    referral_cy: str = ""
    access_cy: str = ""
    organisation_cy: str = ""
    area_cy: str = ""
    body_cy: str = ""
    sources: tuple[Source, ...] = ()
    path: str = ""  # the file inside the content folder, e.g. services/food-bank.md

    @property
    def is_free(self) -> bool:
        return self.cost.strip().lower().startswith("free")

    @property
    def age_range(self) -> Ages | None:
        return parse_ages(self.ages)

    def title_in(self, lang: str) -> str:
        return self.title_cy if lang == "cy" and self.title_cy else self.title

    def summary_in(self, lang: str) -> str:
        return self.summary_cy if lang == "cy" and self.summary_cy else self.summary

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """(latitude, longitude) of the entry's own address, when the entry states them."""
        if self.latitude and self.longitude:
            return float(self.latitude), float(self.longitude)
        return None

    def field_in(self, name: str, lang: str) -> str:
        """A field as a page in `lang` shows it: `<name>_cy` on Welsh pages when given. A plain
        "Free" or "Free of charge" cost reads "Am ddim" in Welsh without a `cost_cy`."""
        value = getattr(self, name)
        if lang != "cy":
            return value
        welsh = getattr(self, f"{name}_cy", "")
        if welsh:
            return welsh
        if name == "cost" and value.strip().lower().rstrip(".") in ("free", "free of charge"):
            return "Am ddim"
        return value

    def body_in(self, lang: str) -> str:
        return self.body_cy if lang == "cy" and self.body_cy else self.body

    @property
    def full_body(self) -> str:
        """The body as written in the file: English, then the Welsh after a `<!-- cy -->` line."""
        return join_body(self.body, self.body_cy)

    @property
    def has_contact(self) -> bool:
        """It gives a resident its own way to get in touch (not counting `contact_via`)."""
        return any(getattr(self, k) for k in CONTACT_FIELDS)

    def to_dict(self) -> dict:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for k in LIST_FIELDS:
            data[k] = list(data[k])
        data["verified"] = self.verified.isoformat() if self.verified else None
        data["locations"] = [vars(loc).copy() for loc in self.locations]
        data["opening_times"] = [
            {"days": list(t.days), "opens": t.opens, "closes": t.closes} for t in self.opening_times
        ]
        data["sources"] = [s.to_dict() for s in self.sources]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Entry:
        data = dict(data)
        for k in LIST_FIELDS:
            data[k] = tuple(data.get(k) or ())
        verified = data.get("verified")
        data["verified"] = dt.date.fromisoformat(verified) if verified else None
        data["locations"] = tuple(Location(**loc) for loc in data.get("locations") or ())
        data["opening_times"] = tuple(
            OpeningTime(tuple(t["days"]), t["opens"], t["closes"]) for t in data.get("opening_times") or ()
        )
        data["sources"] = tuple(
            s if isinstance(s, Source) else Source.from_dict(s) for s in data.get("sources") or ()
        )
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def split_body(body: str) -> tuple[str, str]:
    """(English, Welsh) parts of an entry body: the Welsh follows a line `<!-- cy -->`."""
    parts = WELSH_BODY_RE.split(body, maxsplit=1)
    if len(parts) == 1:
        return body.strip(), ""
    return parts[0].strip(), parts[1].strip()


def join_body(body: str, body_cy: str) -> str:
    """The body text of a file from its English and Welsh parts (the reverse of `split_body`)."""
    if not body_cy:
        return body
    return f"{body}\n\n<!-- cy -->\n\n{body_cy}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a line, with what to do about it."""

    path: str
    line: int
    message: str
    severity: str = "error"  # or "warning"

    def __post_init__(self):
        # many files share a message ("no way to get in touch: ..."): one copy of its text for all
        if type(self.message) is str:
            object.__setattr__(self, "message", sys.intern(self.message))

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@dataclass
class LoadResult:
    """What `load_directory` found: the good entries, the categories, and every problem."""

    entries: list[Entry] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


class ContentError(Exception):
    """The content folder cannot be used at all (missing, or no categories file)."""


_AGES_PATTERNS = (
    (re.compile(r"^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})(?:\s*(?:years?|yrs?))?$"), "range"),
    (re.compile(r"^(\d{1,3})\s*\+$|^(\d{1,3})\s*(?:and over|and older|or over|plus)$"), "plus"),
    (re.compile(r"^(?:under|below|up to)\s*(\d{1,3})(?:s)?$"), "under"),
    (re.compile(r"^(?:all ages|any age|everyone|all)$"), "all"),
)


def parse_ages(text: str) -> Ages | None:
    """Read "8-18", "60+", "under 5", "16 to 24", "all ages"; None if it cannot be read."""
    t = (text or "").strip().lower()
    for pattern, kind in _AGES_PATTERNS:
        m = pattern.match(t)
        if not m:
            continue
        if kind == "range":
            low, high = int(m.group(1)), int(m.group(2))
            return Ages(min(low, high), max(low, high), text)
        if kind == "plus":
            return Ages(int(m.group(1) or m.group(2)), None, text)
        if kind == "under":
            return Ages(0, max(int(m.group(1)) - 1, 0), text)
        return Ages(0, None, text)
    return None


def load_categories(path: Path) -> tuple[list[Category], list[Problem]]:
    problems: list[Problem] = []
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(
            f"{shown}: no categories file; create it with a list of {{id, name, name_cy}}"
        ) from None
    try:
        root = _compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ContentError(f"{shown}:{line}: the YAML cannot be read ({_yaml_reason(exc)})") from None
    if not isinstance(root, yaml.SequenceNode):
        raise ContentError(f"{shown}:1: must be a list of categories, each '- id: food' ...")
    cats: list[Category] = []
    seen: set[str] = set()
    for item in root.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            problems.append(Problem(shown, line, "each category must be 'id:', 'name:', 'name_cy:'"))
            continue
        data = {k.value: v.value for k, v in item.value if isinstance(v, yaml.ScalarNode)}
        terms = _open_eligibility_ids(item, shown, problems)
        cid = str(data.get("id", "")).strip()
        if not cid or not data.get("name"):
            problems.append(Problem(shown, line, "a category needs 'id' and 'name'"))
            continue
        if cid in seen:
            problems.append(Problem(shown, line, f"category id '{cid}' appears twice"))
            continue
        if not data.get("name_cy"):
            problems.append(
                Problem(shown, line, f"category '{cid}' has no 'name_cy' (Welsh name)", "warning")
            )
        seen.add(cid)
        cats.append(Category(cid, data["name"], data.get("name_cy", ""), data.get("description", ""), terms))
    return cats, problems


def _open_eligibility_ids(item: yaml.MappingNode, shown: str, problems: list[Problem]) -> tuple[str, ...]:
    """The category's `open_eligibility: [...]` ids; unknown ones are reported and left out."""
    from .taxonomy import open_eligibility

    known = open_eligibility()
    ids: list[str] = []
    for knode, vnode in item.value:
        if knode.value != "open_eligibility":
            continue
        line = knode.start_mark.line + 1
        if not isinstance(vnode, yaml.SequenceNode):
            problems.append(Problem(shown, line, "'open_eligibility' must be a list of ids, e.g. [\"1102\"]"))
            continue
        for node in vnode.value:
            term = str(getattr(node, "value", "")).strip()
            if term in known:
                ids.append(term)
            else:
                problems.append(
                    Problem(
                        shown,
                        node.start_mark.line + 1,
                        f"'{term}' is not an Open Eligibility term id; "
                        "see search_index/open_eligibility.yml for the ids",
                    )
                )
    return tuple(ids)


def _yaml_reason(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    if "quoted scalar" in context:
        return "a quote is opened here but never closed; close it or remove it"
    if "flow sequence" in context:
        return "a '[' is opened here but never closed with ']'"
    return f"{problem}; check the indentation, and put quotes around values that contain ':' or '#'"


# libyaml reads front matter about ten times faster than PyYAML's pure-Python parser. Its composer
# recurses in C, so text long enough to nest tens of thousands of levels goes to the pure parser
# (which raises RecursionError instead), and so does any text libyaml rejects: PyYAML's messages
# are the ones `_yaml_reason` turns into advice.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
_FAST_MAX_CHARS = 16_000


def _compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None and len(text) <= _FAST_MAX_CHARS:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _plain(node: yaml.Node) -> bool:
    """A plain (unquoted) scalar: PyYAML marks it None, libyaml ''."""
    return node.style in (None, "")


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter, body, line where the body starts) or None when there is none."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None


def _quote_hint(key: str, raw: str) -> str:
    return f'quote it so it stays as written: {key}: "{raw}"'


def parse_entry(
    path: Path, category_ids: set[str], shown: str | None = None, slugs: set[str] | None = None
) -> tuple[Entry | None, list[Problem]]:
    """Read one entry file. Returns (entry or None, problems). `slugs`, the entries of the
    directory, lets `contact_via` be checked against them."""
    shown = shown or str(path)
    if not SLUG_RE.match(path.stem):
        return None, [Problem(shown, 1, _bad_file_name(path.name))]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, f"the file is not UTF-8 text (byte {exc.start}); save it as UTF-8")]
    return parse_entry_text(text, path.stem, category_ids, shown=shown, slugs=slugs)


def _bad_file_name(name: str) -> str:
    return f"the file name '{name}' must be lowercase words joined by '-', e.g. parent-group.md"


def parse_entry_text(
    text: str, slug: str, category_ids: set[str], shown: str | None = None, slugs: set[str] | None = None
) -> tuple[Entry | None, list[Problem]]:
    """Check the text of entry `slug` (a file's, or a form's before it is saved) as `parse_entry`
    does, with the same messages; problems name `shown` (default: SLUG.md)."""
    shown = shown or f"{slug}.md"
    problems: list[Problem] = []

    def err(line: int, msg: str) -> None:
        problems.append(Problem(shown, line, msg))

    def warn(line: int, msg: str) -> None:
        problems.append(Problem(shown, line, msg, "warning"))

    if not SLUG_RE.match(slug):
        err(1, _bad_file_name(f"{slug}.md"))
        return None, problems
    parts = split_front_matter(text)
    if parts is None:
        err(
            1,
            "no front matter: the file must start with a line '---', then 'title: ...', "
            "'summary: ...', 'categories: [...]', then another '---'",
        )
        return None, problems
    front, body, body_line = parts
    try:
        root = _compose(front)
    except RecursionError:
        err(2, "the front matter is nested too deeply to read; each field is one 'key: value' line")
        return None, problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if "end of stream" in str(getattr(exc, "problem", "")) and getattr(exc, "context_mark", None):
            mark = exc.context_mark  # an unclosed quote or bracket: point at where it opened
        err((mark.line + 2) if mark else 2, f"the front matter cannot be read: {_yaml_reason(exc)}")
        return None, problems
    if root is None:
        err(2, "the front matter is empty: add 'title:', 'summary:' and 'categories:'")
        return None, problems
    if not isinstance(root, yaml.MappingNode):
        err(root.start_mark.line + 2, "the front matter must be 'key: value' lines, e.g. title: Parent group")
        return None, problems

    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    resolver = yaml.resolver.Resolver()
    for knode, vnode in root.value:
        line = knode.start_mark.line + 2  # +1 for 1-based, +1 for the opening '---'
        key = str(knode.value)
        if key in lines:
            err(line, f"'{key}' appears twice; keep one")
            continue
        lines[key] = line
        if key not in KNOWN_FIELDS:
            close = difflib.get_close_matches(key, KNOWN_FIELDS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else "; it will be ignored"
            warn(line, f"unknown field '{key}'{hint}")
            continue
        if key == "sources":
            values[key] = _parse_sources(vnode, err, warn)
            continue
        if key in RECORD_FIELDS:
            records = _read_records(key, vnode, line, err, warn)
            if records is not None:
                values[key] = records
            continue
        if key in LIST_FIELDS:
            if isinstance(vnode, yaml.ScalarNode) and vnode.value == "" and _plain(vnode):
                values[key] = []
                continue
            if not isinstance(vnode, yaml.SequenceNode):
                example = {
                    "categories": "categories: [parenting, food]",
                    "tags": "tags: [food bank, skint]",
                    "questions": 'questions: ["Where can I get a food parcel?"]',
                    "languages": "languages: [en, cy]",
                }[key]
                err(line, f"'{key}' must be a list, e.g. {example}")
                continue
            items = []
            for item in vnode.value:
                iline = item.start_mark.line + 2
                if not isinstance(item, yaml.ScalarNode):
                    err(iline, f"each item of '{key}' must be plain text, not a list or 'key: value'")
                    continue
                if _plain(item) and item.value:
                    tag = resolver.resolve(yaml.ScalarNode, item.value, (True, False))
                    if tag in _YAML_TYPE_WORD:
                        warn(
                            iline,
                            f"'{item.value}' in '{key}' reads as {_YAML_TYPE_WORD[tag]} to "
                            f'other YAML tools; quote it: "{item.value}"',
                        )
                if item.value.strip():
                    items.append(item.value.strip())
            values[key] = items
        else:
            if not isinstance(vnode, yaml.ScalarNode):
                kind = "a list" if isinstance(vnode, yaml.SequenceNode) else "'key: value' pairs"
                err(
                    line,
                    f"'{key}' must be plain text, not {kind}; write it on one line, in quotes if it has ':'",
                )
                continue
            raw = vnode.value
            if _plain(vnode) and raw and key not in ("verified", "latitude", "longitude"):
                tag = resolver.resolve(yaml.ScalarNode, raw, (True, False))
                if tag in _YAML_TYPE_WORD:
                    warn(
                        line,
                        f"'{key}: {raw}' reads as {_YAML_TYPE_WORD[tag]} to other YAML tools; "
                        + _quote_hint(key, raw),
                    )
            values[key] = raw.strip() if isinstance(raw, str) else raw

    start_line = 2
    for key in REQUIRED:
        if key not in values or values[key] in ("", []):
            if key in lines:
                continue  # already reported as the wrong type, or empty below
            example = {
                "title": "title: Parent group",
                "summary": "summary: One or two sentences.",
                "categories": "categories: [parenting]",
            }[key]
            err(start_line, f"'{key}' is required, e.g. {example}")
    for key in ("title", "summary"):
        if key in lines and not values.get(key):
            err(lines[key], f"'{key}' is empty; write it out")
    if "categories" in values:
        cats = values["categories"]
        if not cats:
            err(lines["categories"], "'categories' is empty; give at least one, e.g. categories: [food]")
        for c in cats:  # type: ignore[union-attr]
            if c not in category_ids:
                close = difflib.get_close_matches(c, sorted(category_ids), n=1)
                hint = f"did you mean '{close[0]}'?" if close else "see content/categories.yml for the ids"
                err(lines["categories"], f"unknown category '{c}': {hint}")
    status = values.get("status") or "active"
    if status not in STATUSES:
        err(lines.get("status", start_line), f"'status' must be one of {', '.join(STATUSES)}, not '{status}'")
    verified: dt.date | None = None
    if values.get("verified"):
        raw = str(values["verified"])
        verified = _read_date("verified", raw, lines["verified"], "verified: 2025-04-11", err, warn)
    if values.get("ages") and parse_ages(str(values["ages"])) is None:
        err(
            lines["ages"],
            f'\'ages\' cannot be read: \'{values["ages"]}\'; write e.g. "8-18", "60+" or "under 5"',
        )
    if values.get("email") and not EMAIL_RE.match(str(values["email"])):
        err(lines["email"], f"'email' does not look like an email address: '{values['email']}'")
    if values.get("website") and not re.match(r"^(https?://|www\.)", str(values["website"])):
        err(
            lines["website"],
            f"'website' must start with https:// (e.g. https://www.wrexham.gov.uk), not '{values['website']}'",
        )
    if values.get("phone") and not PHONE_RE.match(str(values["phone"])):
        warn(lines["phone"], f"'phone' does not start with a number: '{values['phone']}'")
    via = str(values.get("contact_via") or "")
    if via:
        if not SLUG_RE.match(via):
            err(
                lines["contact_via"],
                f"'contact_via' takes the file name of an entry without '.md', not '{via}'",
            )
        elif via == slug:
            err(
                lines["contact_via"],
                "'contact_via' names this entry itself; name the entry that can put people in touch",
            )
        elif slugs is not None and via not in slugs:
            close = difflib.get_close_matches(via, sorted(slugs), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else "it must be the file name of an entry, without '.md'"
            )
            err(lines["contact_via"], f"'contact_via: {via}' names no entry: {hint}")
    if not via and not any(values.get(k) for k in CONTACT_FIELDS):
        warn(
            start_line,
            "no way to get in touch: add a phone, email, website or address that a source states "
            "(and list it under 'sources:'), or 'contact_via: <entry>' naming the entry that can put "
            "people in touch, e.g. contact_via: caia-park-partnership-hub",
        )
    for code in values.get("languages") or []:  # type: ignore[union-attr]
        if not LANG_RE.match(str(code)):
            err(
                lines["languages"],
                f"'languages' takes two-letter codes like en, cy, pl, pt, ar, ku; not '{code}'",
            )
    if values.get("organisation_email") and not EMAIL_RE.match(str(values["organisation_email"])):
        err(
            lines["organisation_email"],
            f"'organisation_email' does not look like an email address: '{values['organisation_email']}'",
        )
    if values.get("organisation_website") and not re.match(
        r"^https?://", str(values["organisation_website"])
    ):
        err(
            lines["organisation_website"],
            f"'organisation_website' must start with https://, not '{values['organisation_website']}'",
        )
    _check_coordinates(values.get("latitude"), values.get("longitude"), lines, start_line, err)
    locations = tuple(_location(rec, rline, err) for rline, rec in values.get("locations") or [])
    opening_times = tuple(_opening_time(rec, rline, err) for rline, rec in values.get("opening_times") or [])
    if any(p.severity == "error" for p in problems):
        return None, problems
    body, body_cy = split_body(body)
    if WELSH_BODY_RE.search(body_cy):
        warn(body_line, "the body has more than one '<!-- cy -->' line; keep one, before the Welsh text")
    website = str(values.get("website", ""))
    if website.startswith("www."):
        website = "https://" + website
    entry = Entry(
        slug=slug,
        title=str(values["title"]),
        summary=str(values["summary"]),
        categories=tuple(values["categories"]),  # type: ignore[arg-type]
        body=body,
        body_cy=body_cy,
        sources=tuple(values.get("sources") or ()),  # type: ignore[arg-type]
        tags=tuple(values.get("tags") or ()),  # type: ignore[arg-type]
        questions=tuple(values.get("questions") or ()),  # type: ignore[arg-type]
        languages=tuple(values.get("languages") or ()),  # type: ignore[arg-type]
        status=status,
        verified=verified,
        website=website,
        locations=locations,  # type: ignore[arg-type]
        opening_times=opening_times,  # type: ignore[arg-type]
        path=f"services/{slug}.md",
        **{
            k: str(values.get(k, ""))
            for k in TEXT_FIELDS
            if k not in ("title", "summary", "status", "verified", "website")
        },
    )
    return entry, problems


def _read_date(key: str, raw: str, line: int, example: str, err, warn) -> dt.date | None:
    """`raw` as a date written YYYY-MM-DD, or None (reported) when it is not one; a date after
    tomorrow is taken but warned about."""
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        err(line, f"'{key}' must be a date written YYYY-MM-DD, e.g. {example} (not '{raw}')")
        return None
    if day > dt.date.today() + dt.timedelta(days=1):
        warn(line, f"'{key}' date {raw} is in the future")
    return day


_RECORD_EXAMPLES = {
    "locations": 'locations:\n  - name: Caia Park hub\n    address: "1 Example Road, Wrexham"',
    "opening_times": 'opening_times:\n  - days: [monday, tuesday]\n    opens: "09:30"\n    closes: "12:00"',
}
_RECORD_LISTS = ("days",)


def _read_records(key: str, vnode: yaml.Node, line: int, err, warn) -> list[tuple[int, dict]] | None:
    """A list of 'key: value' records, each value plain text (or a list of it for days/states)."""
    if isinstance(vnode, yaml.ScalarNode) and vnode.value == "" and _plain(vnode):
        return []
    if not isinstance(vnode, yaml.SequenceNode):
        err(
            line, f"'{key}' must be a list of records, each starting with '- ', e.g.\n{_RECORD_EXAMPLES[key]}"
        )
        return None
    records: list[tuple[int, dict]] = []
    for item in vnode.value:
        iline = item.start_mark.line + 2
        if not isinstance(item, yaml.MappingNode):
            err(iline, f"each item of '{key}' must be 'key: value' lines, e.g.\n{_RECORD_EXAMPLES[key]}")
            continue
        record: dict = {}
        for knode, node in item.value:
            name, kline = str(knode.value), knode.start_mark.line + 2
            if name not in RECORD_FIELDS[key]:
                err(kline, f"'{name}' is not known in '{key}'; use {', '.join(RECORD_FIELDS[key])}")
            elif name in _RECORD_LISTS and isinstance(node, yaml.SequenceNode):
                record[name] = [str(n.value).strip() for n in node.value if isinstance(n, yaml.ScalarNode)]
            elif isinstance(node, yaml.ScalarNode):
                record[name] = str(node.value).strip()
            else:
                err(kline, f"'{name}' in '{key}' must be plain text")
        records.append((iline, record))
    return records


def _number(text: object, low: float, high: float) -> float | None:
    try:
        value = float(str(text))
    except ValueError:
        return None
    return value if low <= value <= high and value == value else None


def _check_coordinates(lat, lon, lines: dict, line: int, err) -> tuple[float, float] | None:
    if not lat and not lon:
        return None
    where = lines.get("latitude", lines.get("longitude", line)) if isinstance(lines, dict) else line
    if not (lat and lon):
        err(where, "give both 'latitude' and 'longitude' (from a source, e.g. a map link), or neither")
        return None
    la, lo = _number(lat, -90, 90), _number(lon, -180, 180)
    if la is None or lo is None:
        err(
            where,
            f"'latitude' must be a number from -90 to 90 and 'longitude' from -180 to 180, not {lat}, {lon}",
        )
        return None
    return la, lo


def _location(rec: dict, line: int, err) -> Location:
    if not any(rec.get(k) for k in ("name", "address", "postcode")):
        err(line, "a location needs at least a 'name', an 'address' or a 'postcode'")
    point = _check_coordinates(rec.get("latitude"), rec.get("longitude"), {}, line, err)
    return Location(
        name=rec.get("name", ""),
        address=rec.get("address", ""),
        city=rec.get("city", ""),
        postcode=rec.get("postcode", ""),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )


_DAY_WORDS = {
    **{
        name: i
        for i, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
    **{name: i for i, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{code.lower(): i for i, code in enumerate(DAY_CODES)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
_DAY_GROUPS = {"weekdays": range(5), "weekends": range(5, 7), "daily": range(7), "every day": range(7)}
TIME_RE = re.compile(r"^([01]?\d|2[0-4])[:.]([0-5]\d)$")


def parse_days(words: list[str] | str) -> tuple[int, ...] | None:
    """["monday", "tue"], "weekdays", "monday to friday", "MO,TU": day numbers (0 = Monday), or None."""
    if isinstance(words, str):
        words = [w for w in re.split(r"\s*,\s*|\s+and\s+", words) if w]
    days: set[int] = set()
    for word in words:
        w = " ".join(word.lower().split())
        if w.endswith("days") and w[:-1] in _DAY_WORDS:
            w = w[:-1]
        span = re.fullmatch(r"(\w+)\s*(?:-|to|–)\s*(\w+)", w)
        if w in _DAY_GROUPS:
            days.update(_DAY_GROUPS[w])
        elif w in _DAY_WORDS:
            days.add(_DAY_WORDS[w])
        elif span and span.group(1) in _DAY_WORDS and span.group(2) in _DAY_WORDS:
            a, b = _DAY_WORDS[span.group(1)], _DAY_WORDS[span.group(2)]
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            return None
    return tuple(sorted(days)) or None


def parse_clock(text: str) -> str | None:
    """ "9:30", "09:30", "17.00", "10:00:00" as "HH:MM"; None when it is not a time of day."""
    text = str(text).strip()
    if re.fullmatch(r"\d\d:\d\d:\d\d(?:Z|[+-]\d\d:?\d\d)?", text) or re.fullmatch(
        r"\d\d:\d\d(?:Z|[+-]\d\d:?\d\d)", text
    ):
        text = text[:5]
    m = TIME_RE.match(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour == 24 and minute:
        return None
    return f"{hour:02d}:{minute:02d}"


def _opening_time(rec: dict, line: int, err) -> OpeningTime:
    days = parse_days(rec.get("days") or [])
    if days is None:
        err(
            line,
            f"'days' cannot be read: {rec.get('days')!r}; write e.g. days: [monday, wednesday] or days: weekdays",
        )
    opens, closes = parse_clock(rec.get("opens", "")), parse_clock(rec.get("closes", ""))
    if opens is None or closes is None:
        err(
            line,
            "give 'opens' and 'closes' as times on a 24-hour clock, in quotes, e.g. opens: \"09:30\", closes: \"17:00\"",
        )
    elif opens >= closes:
        err(line, f"'opens' ({opens}) must be before 'closes' ({closes})")
    return OpeningTime(days or (), opens or "", closes or "")


def _parse_sources(node: yaml.Node, err, warn) -> list[Source]:
    """Read `sources:`, a list of {url or document, checked, states}; report each problem at its line."""
    example = (
        "e.g.\nsources:\n  - url: https://www.example.org/contact\n    checked: 2025-04-11\n"
        "    states: [phone, address]"
    )
    line = node.start_mark.line + 2
    if isinstance(node, yaml.ScalarNode) and node.value == "" and _plain(node):
        return []
    if not isinstance(node, yaml.SequenceNode):
        err(line, f"'sources' must be a list, each item starting '- url:' or '- document:', {example}")
        return []
    out: list[Source] = []
    for item in node.value:
        iline = item.start_mark.line + 2
        if not isinstance(item, yaml.MappingNode):
            err(iline, "each source must be 'url:' (or 'document:') and 'checked:' lines, not plain text")
            continue
        data: dict[str, object] = {}
        klines: dict[str, int] = {}
        for k, v in item.value:
            kname, kline = str(k.value), k.start_mark.line + 2
            klines[kname] = kline
            if kname == "states":
                if not isinstance(v, yaml.SequenceNode) or not all(
                    isinstance(x, yaml.ScalarNode) for x in v.value
                ):
                    err(kline, "'states' must be a list, e.g. states: [phone, address]")
                    continue
                data[kname] = [str(x.value).strip() for x in v.value if str(x.value).strip()]
            elif kname in ("url", "document", "checked"):
                if not isinstance(v, yaml.ScalarNode):
                    err(kline, f"'{kname}' of a source must be plain text on one line")
                    continue
                data[kname] = str(v.value).strip()
            else:
                warn(kline, f"unknown key '{kname}' in a source; use url or document, checked and states")
        url, document = str(data.get("url") or ""), str(data.get("document") or "")
        if not url and not document:
            err(iline, "a source needs 'url: https://...' or 'document: \"what it is\"'")
            continue
        if url and document:
            err(iline, "a source has either 'url' or 'document', not both; make them two sources")
            continue
        if url and not re.match(r"^https?://\S+$", url):
            err(klines["url"], f"a source 'url' must start with https:// and have no spaces, not '{url}'")
            continue
        raw = str(data.get("checked") or "")
        if not raw:
            err(iline, "a source needs 'checked: YYYY-MM-DD', the date it was looked at")
            continue
        checked = _read_date("checked", raw, klines["checked"], "2025-04-11", err, warn)
        if checked is None:
            continue
        states = data.get("states") or []
        bad = [x for x in states if x not in SOURCE_STATES]  # type: ignore[union-attr]
        if bad:
            err(
                klines["states"],
                f"unknown detail '{bad[0]}' in 'states'; use any of {', '.join(SOURCE_STATES)}",
            )
            continue
        out.append(Source(url=url, document=document, checked=checked, states=tuple(states)))  # type: ignore[arg-type]
    return out


def load_directory(content_dir: Path | str) -> LoadResult:
    """Load every entry under `content_dir`; broken ones become problems, the rest still load."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        raise ContentError(f"{content_dir}: no such content folder")
    cats, problems = load_categories(content_dir / "categories.yml")
    ids = {c.id for c in cats}
    result = LoadResult(categories=cats, problems=problems)
    services = content_dir / "services"
    paths = sorted(services.glob("*.md")) if services.is_dir() else []
    slugs = {p.stem for p in paths}
    for path in paths:
        entry, probs = parse_entry(path, ids, slugs=slugs)
        result.problems.extend(probs)
        if entry:
            result.entries.append(entry)
    return result


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’]", "", title.lower())).strip("-")
    return slug[:60].strip("-") or "entry"
