"""A directory nobody tuned the Open Referral UK code on: random entries from a seed, every optional
field in many forms (quotes, colons, Welsh letters, odd spacing, hours that do and don't parse)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from conftest import make_content

from search_index.entries import load_categories

WORDS = (
    "caia park hub café Wrecsam grŵp cymorth \"the\" club: #1 advice & help 'quoted' food young older".split()
)
HOURS = [
    "Mon-Fri 9:00-17:30",
    "Tuesdays 6pm to 8pm",
    "24 hours",
    "Ask at reception: times vary",
    "Monday, Wednesday and Friday 10am-2pm; Saturday 10am-1pm",
    "9am-5pm weekdays",
    "Thursdays 1-3pm",
]
AGES = ["8-18", "60+", "under 5", "all ages", "16 to 24", "18+", "0-4", "11 - 19"]
COSTS = ["Free", "£2 a session", "Free for under 16s, £1 otherwise"]
LANGUAGES = ["en", "cy", "pl", "ar", "ro"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _q(text) -> str:
    return json.dumps(text, ensure_ascii=False)


def _coordinates(rng: random.Random, indent: str = "") -> list[str]:
    return [
        f"{indent}latitude: {round(rng.uniform(52.9, 53.2), 4)}",
        f"{indent}longitude: {round(rng.uniform(-3.2, -2.8), 4)}",
    ]


def _address(rng: random.Random, n: int, orgs: list[str]) -> list[str]:
    lines = [
        f"address: {_q(str(rng.randint(1, 99)) + ' ' + _words(rng, 2) + ' Street')}",
        f"postcode: {_q(rng.choice(['LL11 1AA', 'LL13 7YP', 'LL14 2BB', 'CH1 1ZZ']))}",
    ]
    return lines + (_coordinates(rng) if rng.random() < 0.5 else [])


def _opening_times(rng: random.Random, n: int, orgs: list[str]) -> list[str]:
    lines = ["opening_times:"]
    for _ in range(rng.randint(1, 2)):
        opens = rng.randint(6, 14)
        lines.append(f"  - days: [{', '.join(sorted(rng.sample(DAYS, rng.randint(1, 4)), key=DAYS.index))}]")
        lines.append(f'    opens: "{opens:02d}:{rng.choice(["00", "30"])}"')
        lines.append(f'    closes: "{opens + rng.randint(1, 8):02d}:00"')
    return lines


def _locations(rng: random.Random, n: int, orgs: list[str]) -> list[str]:
    lines = ["locations:"]
    for _ in range(rng.randint(1, 2)):
        lines.append(f"  - name: {_q(_words(rng, 2) + ' hall')}")
        if rng.random() < 0.7:
            lines += [f"    address: {_q(str(rng.randint(1, 99)) + ' Example Road')}", "    city: Wrexham"]
        if rng.random() < 0.7:
            lines.append(f"    postcode: {_q(rng.choice(['LL11 2CC', 'LL12 8DD']))}")
        if rng.random() < 0.5:
            lines += _coordinates(rng, "    ")
    return lines


# The optional fields in file order: how often each appears, and its lines for entry n (drawn from
# the generator only when it appears).
OPTIONAL_FIELDS = [
    (0.6, lambda rng, n, orgs: [f"organisation: {_q(rng.choice(orgs))}"]),
    (
        0.2,
        lambda rng, n, orgs: [
            f"organisation_website: https://example.org/org{n}",
            f"organisation_email: org{n}@example.org",
        ],
    ),
    (0.6, lambda rng, n, orgs: [f"ages: {_q(rng.choice(AGES))}"]),
    (0.5, lambda rng, n, orgs: [f"area: {_q(_words(rng, 2))}"]),
    (0.4, _address),
    (0.4, lambda rng, n, orgs: [f"phone: {_q('01632 96' + str(rng.randint(1000, 9999)))}"]),
    (0.3, lambda rng, n, orgs: [f"email: hello{n}@example.org"]),
    (0.3, lambda rng, n, orgs: [f"website: https://example.org/s/{n}"]),
    (0.7, lambda rng, n, orgs: [f"hours: {_q(rng.choice(HOURS))}"]),
    (0.3, _opening_times),
    (0.3, _locations),
    (0.5, lambda rng, n, orgs: [f"cost: {_q(rng.choice(COSTS))}"]),
    (0.5, lambda rng, n, orgs: [f"languages: [{', '.join(rng.sample(LANGUAGES, rng.randint(1, 3)))}]"]),
    (0.3, lambda rng, n, orgs: [f"referral: {_q(_words(rng, 4))}"]),
    (0.2, lambda rng, n, orgs: [f"access: {_q(_words(rng, 3))}"]),
]


def generated_entries(seed: int, count: int = 40) -> dict[str, str]:
    rng = random.Random(seed)
    category_ids = [
        c.id
        for c in load_categories(Path(__file__).resolve().parent.parent / "content" / "categories.yml")[0]
    ]
    orgs = [_words(rng, 2).title() for _ in range(5)]
    out: dict[str, str] = {}
    for n in range(count):
        lines = ["---", f"title: {_q(_words(rng, rng.randint(1, 5)) + f' {n}')}"]
        lines.append(f"summary: {_q(_words(rng, rng.randint(3, 15)))}")
        lines.append(f"categories: [{', '.join(rng.sample(category_ids, rng.randint(1, 3)))}]")
        for chance, field_lines in OPTIONAL_FIELDS:
            if rng.random() < chance:
                lines += field_lines(rng, n, orgs)
        lines.append(f"status: {rng.choice(['active'] * 6 + ['temporarily-closed', 'closed'])}")
        if rng.random() < 0.7:
            lines.append(f"verified: 20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
        lines.append("---")
        body = "\n\n".join(_words(rng, rng.randint(4, 20)) for _ in range(rng.randint(0, 3)))
        out[f"generated-{seed}-{n}"] = "\n".join(lines) + "\n\n" + body + "\n"
    return out


def generated_content(root: Path, seed: int) -> Path:
    return make_content(root, generated_entries(seed))
