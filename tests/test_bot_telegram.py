"""The Telegram bot end to end: `signpost bot` against a stand-in Bot API server on loopback.

Updates are fed as Telegram would send them; the stub records what the bot sends back.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BOT_ENTRIES, free_port, make_content
from telegram_stub import TOKEN, TelegramStub

from signpost.cli import cli
from signpost.cmd_bot import TOKEN_MISSING

ROOT = Path(__file__).resolve().parent.parent
APOLOGY = "Sorry, something went wrong"


@pytest.fixture
def content(tmp_path) -> Path:
    return make_content(tmp_path / "content", BOT_ENTRIES)


@pytest.fixture
def stub():
    with TelegramStub() as tg:
        yield tg


def bot_env(stub: TelegramStub) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SIGNPOST_"))}
    env.update(
        TELEGRAM_BOT_TOKEN=stub.token,
        TELEGRAM_API_BASE_URL=stub.base_url,
        SIGNPOST_SECRET_KEY="test-secret-key",
        PYTHONUNBUFFERED="1",
    )
    return env


def start_bot(tmp_path: Path, content: Path, stub: TelegramStub, *extra: str) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-m",
        "signpost",
        "bot",
        "--content",
        str(content),
        "--index",
        str(tmp_path / "index"),
        "--db",
        str(tmp_path / "signpost.db"),
        *extra,
    ]
    with (tmp_path / "bot.log").open("w") as log:
        return subprocess.Popen(cmd, cwd=ROOT, env=bot_env(stub), stdout=log, stderr=subprocess.STDOUT)


def stop_bot(proc: subprocess.Popen, tmp_path: Path) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return (tmp_path / "bot.log").read_text()


def texts(stub: TelegramStub, chat_id: int) -> list[str]:
    return [m["text"] for m in stub.sent(chat_id)]


def inline_keyboard(message: dict) -> list[list[dict]]:
    return (message.get("reply_markup") or {}).get("inline_keyboard") or []


def callback_data(message: dict) -> list[str]:
    return [b["callback_data"] for row in inline_keyboard(message) for b in row if "callback_data" in b]


# --- the whole conversation through `signpost bot` ------------------------------------------------
def test_the_bot_answers_every_kind_of_update_over_real_http(tmp_path, content, stub):
    proc = start_bot(tmp_path, content, stub)
    try:
        assert stub.wait_until(lambda: "getUpdates" in stub.arrived, timeout=30), stop_bot(proc, tmp_path)
        stub.text(101, "/start")
        stub.text(102, "where can I get help with english classes")
        stub.sticker(103)
        stub.text(103, "food bank")
        stub.text(104, "I want to kill myself")
        stub.text(105, "a" * 4990 + " help")
        stub.text(105, "/help")
        stub.text(106, "food bank", lang="cy")
        stub.text(107, "food")
        stub.text(108, "english classes", edited=True)
        stub.text(-200, "food bank", chat_type="group")
        stub.channel_post(-1009, "food bank")
        stub.location(109)
        stub.text(110, "/categories")
        expected = {101: 1, 102: 1, 103: 2, 104: 2, 105: 2, 106: 1, 107: 1, 108: 1, -200: 1, 109: 1, 110: 1}
        answered = stub.wait_until(
            lambda: all(len(stub.sent(c)) >= n for c, n in expected.items()), timeout=30
        )
        assert answered, {c: texts(stub, c) for c in expected}

        assert texts(stub, 101)[0].startswith("Hello, I'm Signpost") and len(texts(stub, 101)[0]) < 400
        question = stub.sent(102)[0]
        assert question["text"].startswith(
            "Services that may help with “where can I get help with english classes”"
        )
        assert "d:english-classes" in callback_data(question) and "s" in callback_data(question)
        assert texts(stub, 103)[0].startswith("I can only read text messages")  # the sticker
        assert texts(stub, 103)[1].startswith("Services that may help with “food bank”")  # still answering
        crisis_first = texts(stub, 104)[0]
        assert "116 123" in crisis_first or "999" in crisis_first
        assert (
            "It sounds like you might be in danger" in crisis_first
            and inline_keyboard(stub.sent(104)[0]) == []
        )
        assert texts(stub, 104)[1].startswith("Services that can help:")
        assert texts(stub, 105)[1].startswith("How to use Signpost")  # still answering after 5,000 characters
        assert texts(stub, 106)[0].startswith(
            "Gwasanaethau a allai helpu gyda “food bank”"
        )  # language_code cy
        assert texts(stub, 108)[0].startswith("Services that may help with “english classes”")
        assert texts(stub, -200)[0].startswith("I answer questions in a private chat")
        assert stub.sent(-1009) == []
        assert texts(stub, 109)[0].startswith("Thanks. The services in this directory have no map positions")
        assert not any(APOLOGY in m["text"] for m in stub.sent())

        # button presses: details, more results, a topic (edited in place)
        details_id = stub.press(
            102, "d:english-classes", message_id=stub.calls_to("sendMessage")[1].result["message_id"]
        )
        assert "m" in callback_data(stub.sent(107)[0])
        more_id = stub.press(107, "m")
        topic_id = stub.press(110, "c:food", message_id=4242)
        assert stub.wait_until(
            lambda: len(stub.sent(102)) >= 2 and len(stub.sent(107)) >= 2 and stub.edits(110)
        )
        assert texts(stub, 102)[1].startswith("English classes (ESOL) at the hub")
        assert "Phone: +44 1632 960003" in texts(stub, 102)[1]
        assert texts(stub, 107)[1].startswith("More services for “food”")
        edit = stub.edits(110)[0]
        assert edit["message_id"] == 4242 and edit["text"].startswith("Food and essentials: 5 services.")
        answered_ids = {c.params.get("callback_query_id") for c in stub.calls_to("answerCallbackQuery")}
        assert {details_id, more_id, topic_id} <= answered_ids
        assert stub.calls_to("setMyCommands") and stub.calls_to("deleteWebhook")
    finally:
        log = stop_bot(proc, tmp_path)
    assert stub.pending() == [], "every update was confirmed to Telegram"
    assert TOKEN not in log and TOKEN.split(":")[1] not in log, "the token must never reach the log"
    assert "a" * 200 not in log and "kill myself" not in log, "messages must not be logged"


def test_a_missing_token_exits_2_with_one_line(tmp_path, content, monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)

    result = CliRunner().invoke(cli, ["bot", "--content", str(content), "--index", str(tmp_path / "i")])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {TOKEN_MISSING}\n"
    assert TOKEN_MISSING.startswith("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather")


def test_a_missing_token_exits_2_from_the_shell(tmp_path, content):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    proc = subprocess.run(
        [sys.executable, "-m", "signpost", "bot", "--content", str(content)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "Error: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot) "
        "and export the token it gives you"
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--webhook-url", "http://bot.example.org/tg"], "https://"),
        (
            ["--webhook-url", "https://bot.example.org/tg", "--webhook-secret", "has spaces"],
            "letters, digits",
        ),
    ],
)
def test_bad_webhook_options_are_explained(tmp_path, content, monkeypatch, args, message):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)

    result = CliRunner().invoke(cli, ["bot", "--content", str(content), *args])
    assert result.exit_code == 2 and message in result.output


def test_webhook_mode_checks_the_secret_token(tmp_path, content, stub):
    port = free_port()
    proc = start_bot(
        tmp_path,
        content,
        stub,
        "--webhook-url",
        "https://bot.example.org/telegram",
        "--webhook-port",
        str(port),
        "--webhook-listen",
        "127.0.0.1",
        "--webhook-secret",
        "s3cret-token_1",
    )
    try:
        assert stub.wait_until(lambda: stub.calls_to("setWebhook"), timeout=30), stop_bot(proc, tmp_path)
        assert stub.calls_to("setWebhook")[0].params["secret_token"] == "s3cret-token_1"
        assert stub.calls_to("setWebhook")[0].params["url"] == "https://bot.example.org/telegram"
        update = {
            "update_id": 1,
            "message": {
                "message_id": 5,
                "date": int(time.time()),
                "text": "food bank",
                "chat": {"id": 301, "type": "private", "first_name": "R"},
                "from": {"id": 301, "is_bot": False, "first_name": "R"},
            },
        }

        def post(secret: str | None) -> int:
            req = urllib.request.Request(
                f"http://127.0.0.1:{port}/telegram",
                data=json.dumps(update).encode(),
                headers={"Content-Type": "application/json"},
                method="POST",
            )
            if secret is not None:
                req.add_header("X-Telegram-Bot-Api-Secret-Token", secret)
            for _ in range(50):  # the server may still be starting
                try:
                    with urllib.request.urlopen(req, timeout=5) as resp:
                        return resp.status
                except urllib.error.HTTPError as exc:
                    return exc.code
                except OSError:
                    time.sleep(0.2)
            raise AssertionError("the webhook never listened")

        assert post("wrong") == 403
        assert post(None) == 403
        time.sleep(0.3)
        assert stub.sent(301) == []
        assert post("s3cret-token_1") == 200
        assert stub.wait_until(lambda: stub.sent(301))
        assert texts(stub, 301)[0].startswith("Services that may help with “food bank”")
    finally:
        stop_bot(proc, tmp_path)


# --- network trouble ---------------------------------------------------------------------------
@pytest.mark.slow
def test_polling_survives_500_429_hangs_and_dropped_connections(tmp_path, content, monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # as `signpost bot` does: no deprecation warning for retry_after
    from bot.telegram_app import Timeouts
    from search_index.live import LiveIndex

    core = LiveIndex(content, tmp_path / "index")
    core.ensure_index()
    polling_errors: list[Exception] = []

    def check() -> None:
        first = stub.wait_until(
            lambda: all(len(stub.sent(c)) >= n for c, n in {201: 1, 202: 1, 203: 2}.items()), 40
        )
        assert first, {c: texts(stub, c) for c in (201, 202, 203)}
        # more trouble while running: the bot keeps answering later messages
        stub.fault("getUpdates", "drop", "500")
        stub.fault("sendMessage", "hang", "500")
        later = [stub.text(204, "debt advice"), stub.text(205, "/help")]
        assert stub.wait_until(lambda: stub.sent(204) and stub.sent(205), 40)
        assert later

    with TelegramStub(hang_seconds=3) as stub:
        stub.fault("getUpdates", "500", "429", "hang", "drop")
        stub.fault("sendMessage", "500", "429", "hang", "drop")
        pushed = [
            stub.text(201, "food bank"),
            stub.text(202, "/start"),
            stub.text(203, "I want to kill myself"),
        ]
        run_bot(
            stub,
            core,
            check,
            timeouts=Timeouts(connect=1, read=1, write=1, pool=1, poll=1),
            polling_errors=polling_errors,
            first_pause=0.2,
            max_pause=1,
        )

        outcomes = [c.outcome for c in stub.calls_to("getUpdates", None)]
        assert [o for o in outcomes if o != "ok"][:4] == ["500", "429", "hang", "drop"]
        assert [c.outcome for c in stub.calls_to("sendMessage", None) if c.outcome != "ok"][:4] == [
            "500",
            "429",
            "hang",
            "drop",
        ]
        assert stub.faults_left("getUpdates") == stub.faults_left("sendMessage") == 0
        # the updates lost with the failed responses were served again, and each was answered once
        lost = {u for c in stub.calls_to("getUpdates", None) if c.outcome != "ok" for u in c.served}
        assert set(pushed) <= lost
        served_ok = {u for c in stub.calls_to("getUpdates") for u in c.served}
        assert set(pushed) <= served_ok
        assert len(stub.sent(201)) == 1 and len(stub.sent(202)) == 1 and len(stub.sent(203)) == 2
        assert texts(stub, 201)[0].startswith("Services that may help with “food bank”")
        assert "116 123" in texts(stub, 203)[0] and texts(stub, 203)[1].startswith("Services that can help")
        assert texts(stub, 204)[0].startswith("Services that may help") and texts(stub, 205)[0].startswith(
            "How to use"
        )
        assert not any(APOLOGY in m["text"] for m in stub.sent())
        assert polling_errors, "the updater reported the trouble and carried on"


def test_captions_voice_notes_follow_ups_and_feedback_over_real_http(tmp_path, content, stub):
    """A photo's caption is read as text, a voice note gets a note, "is it free?" is answered about
    the service shown, and "Yes" under the results is counted with no chat id or words."""
    proc = start_bot(tmp_path, content, stub)
    try:
        assert stub.wait_until(lambda: "getUpdates" in stub.arrived, timeout=30), stop_bot(proc, tmp_path)
        stub.photo(201, "is this the food bank?")
        stub.voice(202)
        stub.text(203, "food bank")
        assert stub.wait_until(lambda: all(stub.sent(c) for c in (201, 202, 203))), stop_bot(proc, tmp_path)
        assert texts(stub, 201)[0].startswith("Services that may help with “is this the food bank?”")
        assert texts(stub, 202)[0].startswith("I can only read text messages")
        assert "f:y" in callback_data(stub.sent(203)[0])
        stub.text(203, "is it free?")
        assert stub.wait_until(lambda: len(stub.sent(203)) >= 2), stop_bot(proc, tmp_path)
        assert texts(stub, 203)[1].startswith("Caia food bank: Free")
        stub.press(203, "f:y")
        assert stub.wait_until(lambda: len(stub.sent(203)) >= 3), stop_bot(proc, tmp_path)
        assert texts(stub, 203)[2].startswith("Thank you for telling me")
    finally:
        log = stop_bot(proc, tmp_path)
    assert "Traceback" not in log, log
    with sqlite3.connect(tmp_path / "signpost.db") as db:
        rows = db.execute("SELECT channel, helped, categories FROM feedback").fetchall()
    assert len(rows) == 1 and rows[0][:2] == ("bot", 1) and "food" in rows[0][2].split(",")


# --- crisis replies that always arrive ---------------------------------------------------------
FAST = {"first_pause": 0.01, "max_pause": 0.05}  # short backoff for tests; `signpost bot` uses the defaults
CRISIS_FULL = "It sounds like you might be in danger"


@pytest.fixture(scope="module")
def bot_core(tmp_path_factory):
    root = tmp_path_factory.mktemp("bot-core")
    core = BrokenSearch(make_content(root / "content", BOT_ENTRIES), root / "index")
    core.ensure_index()
    return core


class BrokenSearch:
    """The real core, except that a search for a message with "bank" in it fails (an internal error)."""

    def __new__(cls, content: Path, index: Path):
        from search_index.live import LiveIndex

        class Core(LiveIndex):
            def search(self, text, *args, **kwargs):
                if "bank" in text:
                    raise RuntimeError("the search failed")
                return super().search(text, *args, **kwargs)

        return Core(content, index)


def run_bot(
    stub: TelegramStub,
    core,
    check,
    *,
    read: float = 5.0,
    timeouts=None,
    polling_errors: list[Exception] | None = None,
    **retries,
) -> None:
    """Run the bot in this process against `stub` while `check()` (run in a thread) looks at what it
    sent; `timeouts` (by default 2 s, `read` to read) and `retries` (by default short pauses) as
    `signpost bot` takes them; the updater's errors go to `polling_errors` when it is given."""
    from bot.telegram_app import ALLOWED_UPDATES, Retries, Timeouts, build_application

    timeouts = timeouts or Timeouts(connect=2, read=read, write=2, pool=2, poll=1)
    on_error = polling_errors.append if polling_errors is not None else None

    async def run() -> None:
        app = build_application(
            stub.token,
            core,
            salt=b"s" * 32,
            base_url=stub.base_url,
            timeouts=timeouts,
            retries=Retries(**{**FAST, **retries}),
        )
        async with app:
            await app.updater.start_polling(
                timeout=timeouts.poll,
                bootstrap_retries=3,
                allowed_updates=ALLOWED_UPDATES,
                error_callback=on_error,
            )
            await app.start()
            try:
                await asyncio.to_thread(check)
            finally:
                stub.release()
                await app.updater.stop()
                await app.stop()

    asyncio.run(run())


@pytest.fixture
def ptb_timedelta(monkeypatch):
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # as `signpost bot` does: retry_after as a timedelta


def test_a_crisis_reply_gets_through_consecutive_server_errors(stub, bot_core, ptb_timedelta):
    stub.fault("sendMessage", *["500"] * 6, chat_id=401)  # more than the four tries ordinary sends had

    def check():
        stub.text(401, "I want to kill myself")
        assert stub.wait_until(lambda: len(stub.sent(401)) >= 2), texts(stub, 401)

    run_bot(stub, bot_core, check)
    assert [c.outcome for c in stub.calls_to("sendMessage", None) if c.params["chat_id"] == 401][:7] == [
        *["500"] * 6,
        "ok",
    ]
    first, services = texts(stub, 401)
    assert first.startswith(CRISIS_FULL) and "116 123" in first and "111" in first
    assert services.startswith("Services that can help")


def test_a_crisis_reply_waits_out_every_429_for_as_long_as_telegram_asks(bot_core, ptb_timedelta):
    with TelegramStub(retry_after=1) as stub:
        stub.fault("sendMessage", "429", "429", "429", "429", chat_id=402)  # flood control four times

        def check():
            stub.text(402, "he hits me")
            assert stub.wait_until(lambda: len(stub.sent(402)) >= 2), texts(stub, 402)

        run_bot(stub, bot_core, check)
        tries = [c for c in stub.calls_to("sendMessage", None) if c.params["chat_id"] == 402]
    assert [c.outcome for c in tries[:5]] == ["429", "429", "429", "429", "ok"]
    gaps = [later.at - earlier.at for earlier, later in zip(tries[:4], tries[1:5], strict=True)]
    assert min(gaps) >= 0.95, f"retry_after (1 s) must be waited out each time, not {gaps}"
    assert texts(stub, 402)[0].startswith(CRISIS_FULL) and "0808 80 10 800" in texts(stub, 402)[0]


def test_flood_control_on_one_chat_holds_up_no_other_chats_crisis_reply(bot_core, ptb_timedelta):
    with TelegramStub(retry_after=2) as stub:
        stub.fault("sendMessage", "429", chat_id=411)

        def check():
            stub.text(411, "food bank")
            assert stub.wait_until(lambda: stub.calls_to("sendMessage", "429"))
            stub.text(412, "he hits me")
            assert stub.wait_until(lambda: stub.sent(411) and len(stub.sent(412)) >= 2)

        run_bot(stub, bot_core, check)
        answered = [c.params["chat_id"] for c in stub.calls_to("sendMessage")]
    # the 429 paused chat 411's reply only (no pause for the whole bot while it waited)
    assert answered[:3] == [412, 412, 411], answered


def test_when_the_full_crisis_reply_cannot_go_the_short_one_goes_as_soon_as_a_send_works(
    stub, bot_core, ptb_timedelta
):
    from bot.phrases import crisis_short

    # Each chat's sends fail for longer than the full reply is tried (window=0.3 s), then work again.
    stub.fault("sendMessage", *["500"] * 40, chat_id=403)
    stub.fault("sendMessage", *["500"] * 40, chat_id=404)

    def check():
        stub.text(403, "he hits me")
        stub.text(404, "I want to kill myself")
        assert stub.wait_until(lambda: len(stub.sent(403)) >= 2 and len(stub.sent(404)) >= 2)

    run_bot(stub, bot_core, check, window=0.3)
    assert stub.faults_left("sendMessage", 403) == stub.faults_left("sendMessage", 404) == 0
    abuse, suicide = texts(stub, 403), texts(stub, 404)
    assert abuse[0] == crisis_short("abuse", "en")
    assert "999" in abuse[0] and "116 123" in abuse[0] and "Live Fear Free 0808 80 10 800" in abuse[0]
    assert suicide[0] == crisis_short("suicide", "en") and "NHS 111 and press 2" in suicide[0]
    assert "0808 80 10 800" not in suicide[0]
    assert abuse[1].startswith("Services that can help") and suicide[1].startswith("Services that can help")
    assert not any(CRISIS_FULL in t for t in abuse + suicide), "the full reply never got through"


def test_a_crisis_reply_telegram_refuses_is_followed_at_once_by_the_short_one(stub, bot_core, ptb_timedelta):
    from bot.phrases import crisis_short

    stub.fault("sendMessage", "400", chat_id=410)  # the full reply is refused, not lost: no retrying it

    def check():
        stub.text(410, "mae e wedi fy nharo i eto", lang="cy")
        assert stub.wait_until(lambda: len(stub.sent(410)) >= 2)

    run_bot(stub, bot_core, check)
    assert [c.outcome for c in stub.calls_to("sendMessage", None) if c.params["chat_id"] == 410][:2] == [
        "400",
        "ok",
    ]
    assert (
        texts(stub, 410)[0] == crisis_short("abuse", "cy")
        and "Byw Heb Ofn 0808 80 10 800" in texts(stub, 410)[0]
    )
    assert texts(stub, 410)[1].startswith("Gwasanaethau a all helpu")


def test_every_apology_after_a_crisis_message_carries_the_helplines(stub, bot_core, ptb_timedelta):
    from bot.phrases import crisis_short, say

    def check():
        stub.text(405, "he hits me")
        assert stub.wait_until(lambda: len(stub.sent(405)) >= 2)
        stub.text(405, "food bank")  # fails inside: the apology comes with the helplines
        stub.text(406, "food bank")  # fails too, but no crisis was mentioned: a plain apology
        stub.text(407, "I want to kill myself, where is the food bank")  # the crisis message itself fails
        assert stub.wait_until(lambda: len(stub.sent(405)) >= 3 and stub.sent(406) and stub.sent(407))

    run_bot(stub, bot_core, check)
    apology = say("apology", "en")
    assert texts(stub, 405)[2] == apology + "\n\n" + crisis_short("abuse", "en")
    assert texts(stub, 406) == [apology]
    assert texts(stub, 407) == [apology + "\n\n" + crisis_short("suicide", "en")]


def test_a_chat_whose_sends_hang_holds_up_no_other_chat_and_keeps_its_own_order(
    stub, bot_core, ptb_timedelta
):
    stub.fault("sendMessage", "hold", chat_id=408)  # the first send to chat 408 waits until released

    def check():
        stub.text(408, "english classes")
        assert stub.wait_until(lambda: "sendMessage" in stub.arrived)  # that send is now being held
        stub.text(408, "/help")  # must wait for the held reply: answers in order
        stub.text(409, "he hits me")
        assert stub.wait_until(lambda: len(stub.sent(409)) >= 2, timeout=10), texts(stub, 409)
        assert stub.sent(408) == [], "nothing may reach chat 408 before its held first reply"
        stub.release()
        assert stub.wait_until(lambda: len(stub.sent(408)) >= 2)

    run_bot(stub, bot_core, check, read=30)
    assert texts(stub, 409)[0].startswith(CRISIS_FULL)
    first, second = texts(stub, 408)
    assert first.startswith("Services that may help with “english classes”") and second.startswith(
        "How to use"
    )
    assert [c.held for c in stub.calls_to("sendMessage") if c.params["chat_id"] == 408] == [True, False]
