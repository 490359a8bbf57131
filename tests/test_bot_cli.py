"""`signpost chat`: the conversation in a terminal, with buttons as numbered choices."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BOT_ENTRIES, make_content

from bot.chats import ChatState
from bot.conversation import Conversation
from bot.terminal import render, run
from search_index.live import LiveIndex
from signpost.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path / "content", BOT_ENTRIES)


@pytest.fixture
def chat(content, tmp_path):

    def invoke(stdin: str, *args: str):
        result = CliRunner().invoke(
            cli, ["chat", "--content", str(content), "--index", str(tmp_path / "index"), *args], input=stdin
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    return invoke


def test_buttons_are_numbered_choices(content, tmp_path):
    core = LiveIndex(content, tmp_path / "index")
    core.ensure_index()
    reply = Conversation(core).reply(ChatState(), "food bank")
    text, choices = render(reply)
    assert "  [1] Details 1" in text and "  [2] Website 1: https://example.org/food" in text
    assert [c.data or c.url for c in choices][:2] == ["d:caia-food-bank", "https://example.org/food"]


def test_typing_a_number_presses_the_button(chat):
    out = chat("food bank\n1\n1\n")
    assert out.index("Services that may help with “food bank”") < out.index("Run by: Caia Park Partnership")
    assert "Website 1: https://example.org/food" in out
    assert out.rstrip().endswith("\nhttps://example.org/food")  # [1] under the details is the website link


def test_welsh_and_a_crisis_in_the_terminal(chat):
    out = chat("dw i eisiau lladd fy hun\n", "--lang", "cy")
    assert out.startswith("Helo, Arwyddbost ydw i")
    assert out.index("Samariaid: ffoniwch 116 123") < out.index("Gwasanaethau a all helpu:")


def test_numbers_that_are_not_choices(chat):
    out = chat("food bank\n42\n999\n")
    assert "There is no button 42: type a number from 1 to" in out
    assert "Emergency, call 999" in out.split("There is no button 42")[1]  # "999" is searched, not a choice


def test_many_piped_lines_are_all_answered(chat):
    out = chat("food bank\n" * 30)
    assert out.count("Services that may help with “food bank”") == 30  # no flood limit in the terminal


def test_chat_works_with_piped_input_from_the_shell(content, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "signpost",
            "chat",
            "--content",
            str(content),
            "--index",
            str(tmp_path / "index"),
        ],
        input="/categories\n2\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Choose a topic:" in proc.stdout and "Food and essentials: 5 services." in proc.stdout
    assert "> " not in proc.stdout  # no prompts when the input is not a terminal


def test_run_greets_even_with_no_input(content, tmp_path):
    core = LiveIndex(content, tmp_path / "index")
    core.ensure_index()
    written: list[str] = []
    run(Conversation(core, channel="cli", flood_limit=None), "en", [], written.append)
    assert written and "Nothing you type here is kept" in written[0]
