"""Docs as tests: every command has help and is in the README; the bundled directory is sound."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from search_index import load_directory
from signpost.cli import cli, main  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def all_commands():

    out = []
    for name, cmd in cli.commands.items():
        sub = getattr(cmd, "commands", None)
        out.append((name, cmd))
        out.extend((f"{name} {s}", c) for s, c in (sub or {}).items())
    return out


@pytest.mark.parametrize("name, cmd", all_commands(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_has_help_and_is_in_the_readme(name, cmd):
    assert cmd.help and len(cmd.help.strip()) > 10, f"`signpost {name}` needs help text"
    assert f"signpost {name}" in README, f"`signpost {name}` is not in README.md"
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0


def test_quick_start_has_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    assert [line.split()[0:2] for line in block.strip().splitlines()] == [["make", "run"], ["make", "test"]]


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_bundled_entry_validates():
    d = load_directory(ROOT / "content")
    assert d.errors == [] and d.warnings == [], [str(p) for p in d.problems]
    assert len(d.entries) >= 45
    assert [c.id for c in d.categories] == [
        "crisis",
        "food",
        "money",
        "housing",
        "parenting",
        "early-years",
        "young-people",
        "learning",
        "language",
        "health",
        "mental-health",
        "older-people",
        "disability",
        "domestic-abuse",
        "hate-crime",
        "migrants",
        "community",
        "advice",
    ]


def test_every_entry_is_bilingual_and_crisis_lines_exist():
    d = load_directory(ROOT / "content")
    assert all(e.title_cy and e.summary_cy for e in d.entries)
    crisis = {e.slug for e in d.entries if "crisis" in e.categories}
    assert {
        "samaritans",
        "emergency-999",
        "live-fear-free",
        "shout-85258",
        "nhs-111-wales-mental-health",
    } <= crisis


ALLOWED_NUMBERS = {"999", "116123", "111", "08088010800", "85258", "101"}


def test_every_contact_detail_is_stated_by_a_listed_source():
    """A phone, email, website, address or postcode is either a national helpline or named in the
    `states` of one of the entry's `sources`; the text residents read gives no other number, email
    or web address."""
    d = load_directory(ROOT / "content")
    for e in d.entries:
        stated = {s for src in e.sources for s in src.states}
        for key in ("phone", "email", "website", "address", "postcode"):
            value = getattr(e, key)
            if not value or key in stated:
                continue
            if key == "phone":
                digits = re.sub(r"\D", "", value.split("(")[0])
                assert digits in ALLOWED_NUMBERS, f"{e.slug}: phone {value!r} has no source that states it"
            elif key == "website":
                assert "wrexham.gov.uk" in value, f"{e.slug}: website {value!r} has no source that states it"
            else:
                raise AssertionError(f"{e.slug}: {key} {value!r} has no source that states it")
        own = re.sub(r"\D", "", e.phone)
        for text in (e.body, e.body_cy, e.summary, e.summary_cy):
            for m in re.finditer(r"\+?\d[\d ]{4,}\d", text):
                digits = m.group().replace(" ", "")
                if len(digits) >= 6:
                    assert digits in ALLOWED_NUMBERS | {own}, (
                        f"{e.slug}: {m.group()!r} looks like a phone number"
                    )
            for email in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text):
                assert email == e.email, f"{e.slug}: email {email} is not the entry's own"
            for url in re.findall(r"(?:https?://|www\.)[^\s)\"']+", text):
                assert "wrexham.gov.uk" in url or (e.website and url.startswith(e.website)), (
                    f"{e.slug}: web address {url} is not stated by a source"
                )


def test_the_core_and_the_back_office_import_neither_flask_nor_telegram():
    code = (
        "import sys, search_index, search_index.live, search_index.answers, backoffice.analytics;"
        "import backoffice.staff_accounts, backoffice.editing, backoffice.search_log;"
        "import search_index.lexicon, search_index.crisis, search_index.index, search_index.search;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'telegram', 'werkzeug')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_where_things_live_maps_every_folder_and_package():
    """The README's folder map names every top-level folder and every package inside the packages."""
    section = README.split("## Where things live", 1)[1].split("\n## ", 1)[0]
    mapped = set(re.findall(r"^ *([a-z_]+)/ ", section, re.M))
    folders = {p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")}
    folders -= {"node_modules", "build", "var", "instance"} | {p.name for p in ROOT.glob("*.egg-info")}
    subpackages = {
        init.parent.name
        for package in ("search_index", "backoffice", "directory", "bot", "signpost")
        for init in (ROOT / package).glob("*/__init__.py")
    }
    assert folders | subpackages <= mapped, sorted((folders | subpackages) - mapped)
