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


def test_no_invented_phone_numbers_or_emails_in_content():
    """Only the national helplines may be given as phone numbers; nothing that looks like another
    phone number, no email addresses, and the only web address is the council's, which the source
    documents state."""
    d = load_directory(ROOT / "content")
    for e in d.entries:
        if e.phone:
            digits = re.sub(r"\D", "", e.phone.split("(")[0])
            assert digits in ALLOWED_NUMBERS, f"{e.slug}: phone {e.phone!r} is not a known national line"
    for path in sorted((ROOT / "content" / "services").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\+?\d[\d ]{4,}\d", text):
            digits = m.group().replace(" ", "")
            if len(digits) >= 6:
                assert digits in ALLOWED_NUMBERS, f"{path.name}: {m.group()!r} looks like a phone number"
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), f"{path.name}: contains an email address"
        for url in re.findall(r"(?:https?://|www\.)[^\s)\"']+", text):
            assert "wrexham.gov.uk" in url, f"{path.name}: web address {url} is not stated by a source"


def test_the_core_imports_neither_flask_nor_telegram():
    code = (
        "import sys, search_index, search_index.service, search_index.answers, search_index.analytics;"
        "import search_index.lexicon, search_index.crisis, search_index.index, search_index.search;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'telegram', 'werkzeug')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
