"""Synthetic directories: N real Markdown entries made from the bundled ones by deterministic mutation.

The first entries are the bundled ones unchanged (so their slugs still exist); every other entry is a
bundled entry moved to another part of the county, retitled, with its tags, summary and body varied.
The same seed and size always give the same files, byte for byte.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

from backoffice.editing import fields_of, render_entry
from search_index.entries import Entry, load_directory

BUNDLED = Path(__file__).resolve().parent.parent / "content"
SEED = 20250411

AREAS = [
    "Acton",
    "Borras",
    "Bradley",
    "Brymbo",
    "Bwlchgwyn",
    "Caia Park",
    "Cefn Mawr",
    "Chirk",
    "Coedpoeth",
    "Erddig",
    "Ffrith",
    "Garden Village",
    "Gresford",
    "Gwersyllt",
    "Hightown",
    "Holt",
    "Johnstown",
    "Llay",
    "Maesydre",
    "Marchwiel",
    "Marford",
    "Minera",
    "New Broughton",
    "Offa",
    "Overton",
    "Pandy",
    "Penycae",
    "Queensway",
    "Rhosddu",
    "Rhosllannerchrugog",
    "Rhostyllen",
    "Rossett",
    "Ruabon",
    "Smithfield",
    "Southsea",
    "Summerhill",
    "Tanyfron",
    "Bangor-on-Dee",
    "Glyn Ceiriog",
    "Llangollen Road",
]
VENUES = [
    "community centre",
    "library",
    "church hall",
    "chapel vestry",
    "miners institute",
    "leisure centre",
    "primary school",
    "family centre",
    "youth centre",
    "village hall",
    "health centre",
    "scout hut",
]
TITLE_FORMS = [
    "{title} ({area})",
    "{area} {title_lc}",
    "{title}: {area} branch",
    "{title} at {area} {venue}",
    "{title}, {area}",
    "Saturday {title_lc} in {area}",
    "{area} evening {title_lc}",
]
EXTRA_TAGS = [
    "drop-in",
    "free",
    "families",
    "local",
    "weekly",
    "volunteers",
    "advice",
    "support",
    "friendly",
    "cuppa",
    "welcome",
    "young people",
    "older people",
    "carers",
    "newcomers",
    "walk-in",
    "confidential",
    "bus route",
    "step-free",
    "evenings",
    "weekends",
    "term time",
    "half term",
    "skills",
    "confidence",
    "wellbeing",
    "isolation",
    "budget",
    "bills",
    "warm space",
    "coffee morning",
    "signposting",
]
STATUS_CHOICES = ["active"] * 46 + ["temporarily-closed"] * 3 + ["closed"]


def entry_markdown(entry: Entry) -> str:
    """The Markdown file for an entry, written the way the staff area's form writes one."""
    return render_entry(fields_of(entry), entry.full_body)


def _sentences(text: str) -> list[str]:
    out, cur = [], []
    for word in text.split():
        cur.append(word)
        if word.endswith((".", "!", "?")):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def mutate(base: Entry, n: int, rng: random.Random) -> Entry:
    """Entry number `n` made from `base`: another area, title, tags, summary and body."""
    area = rng.choice(AREAS)
    venue = rng.choice(VENUES)
    title = base.title.split(",")[0]
    form = rng.choice(TITLE_FORMS)
    new_title = form.format(
        title=title,
        title_lc=title if title[1:2].isupper() else title[0].lower() + title[1:],
        area=area,
        venue=venue,
    )
    slug = f"{base.slug}-{area.lower().replace(' ', '-')}-{n}"
    tags = list(base.tags)
    rng.shuffle(tags)
    tags = tags[: max(1, int(len(tags) * rng.uniform(0.5, 1.0)))]
    tags += rng.sample(EXTRA_TAGS, rng.randint(1, 4))
    summary = base.summary.rstrip(".") + f", for people in and around {area}."
    paragraphs = [p for p in base.body.split("\n\n") if p.strip()]
    body_sents = [s for p in paragraphs for s in _sentences(p)]
    rng.shuffle(body_sents)
    keep = body_sents[: max(2, int(len(body_sents) * rng.uniform(0.6, 1.0)))]
    body = (
        " ".join(keep[: len(keep) // 2])
        + "\n\n"
        + " ".join(keep[len(keep) // 2 :])
        + f"\n\nSessions take place at the {area} {venue}. "
        + rng.choice(
            [
                "Ring ahead if you need step-free access.",
                "The number 4 bus stops close by.",
                "There is free parking behind the building.",
                "Tea and coffee are on the house.",
                "Bring a friend if it helps.",
            ]
        )
    )
    crisis = "crisis" in base.categories
    status = "active" if crisis else rng.choice(STATUS_CHOICES)
    return Entry(
        slug=slug,
        title=new_title,
        summary=summary,
        categories=base.categories,
        body=body,
        organisation=base.organisation,
        tags=tuple(dict.fromkeys(tags)),
        questions=base.questions[: rng.randint(0, len(base.questions))],
        ages=base.ages,
        area=f"{area}, Wrexham",
        phone=base.phone,
        website=base.website,
        hours=base.hours,
        cost=base.cost,
        languages=base.languages,
        referral=base.referral,
        access=base.access,
        status=status,
        verified=base.verified,
        title_cy=base.title_cy and f"{base.title_cy} ({area})",
        summary_cy=base.summary_cy,
    )


def make_directory(target: Path | str, size: int, seed: int = SEED, source: Path = BUNDLED) -> Path:
    """Write a content folder of `size` entries to `target` (emptied first). Returns `target`."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    services = target / "services"
    services.mkdir(parents=True)
    shutil.copy(source / "categories.yml", target / "categories.yml")
    if (source / "vocabulary.yml").is_file():
        shutil.copy(source / "vocabulary.yml", target / "vocabulary.yml")
    bundled = load_directory(source).entries
    rng = random.Random(seed)
    for entry in bundled[:size]:
        (services / f"{entry.slug}.md").write_text(entry_markdown(entry), encoding="utf-8")
    for n in range(len(bundled), size):
        entry = mutate(bundled[n % len(bundled)], n, rng)
        (services / f"{entry.slug}.md").write_text(entry_markdown(entry), encoding="utf-8")
    return target


def edit_code(n: int) -> str:
    """A word found only in edit number `n`: search for it to see that edit live."""
    return f"zq{n}edit"


def edit_one(content_dir: Path, n: int = 0) -> Path:
    """Change one entry's summary in place, as a volunteer would; returns the file changed."""
    files = sorted((content_dir / "services").glob("*.md"))
    # the first open service from the middle on: a closed one is rightly never found by a search
    for path in files[len(files) // 2 :] + files[: len(files) // 2]:
        lines = path.read_text(encoding="utf-8").split("\n")
        if not any(line.startswith("status:") and "closed" in line for line in lines):
            break
    for i, line in enumerate(lines):
        if line.startswith("summary:"):
            summary = f"Now also on Thursdays (edit {n}, code {edit_code(n)})."
            lines[i] = f"summary: {json.dumps(summary, ensure_ascii=False)}"
            break
    before = path.stat().st_mtime_ns
    path.write_text("\n".join(lines), encoding="utf-8")
    if path.stat().st_mtime_ns <= before:  # a coarse clock: make sure the change shows
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))
    return path
