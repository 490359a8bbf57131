"""A stand-in for the Telegram Bot API over real HTTP on 127.0.0.1, for end-to-end bot tests.

Serves what the bot uses (getMe, getUpdates with long polling and update_id offsets, sendMessage,
editMessageText, answerCallbackQuery, deleteWebhook, setMyCommands, getWebhookInfo,
sendChatAction), records every call, and can misbehave on request: answer 500, answer 429 with
retry_after, hang past the client's timeout, drop the connection, or hold a request until released
(then answer it); faults can be aimed at one chat. Like Telegram, getUpdates
re-serves every update until a later call confirms it with a higher offset, so an update is only
lost if the bot confirms it without handling it.

    with TelegramStub() as tg:          # then TELEGRAM_API_BASE_URL=tg.base_url
        tg.text(chat_id=1, text="/start")
        tg.fault("sendMessage", "500", "429", "hang", "drop")
        tg.fault("sendMessage", "hold", chat_id=2)   # the next send to chat 2 waits for tg.release()
        tg.wait_until(lambda: tg.sent(1))
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

TOKEN = "123456789:TEST-token_for-the-stub"
BOT_USER = {
    "id": 123456789,
    "is_bot": True,
    "first_name": "Signpost",
    "username": "signpost_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
JSON_PARAMS = {"reply_markup", "allowed_updates", "commands", "link_preview_options", "entities"}
INT_PARAMS = {"chat_id", "offset", "timeout", "limit", "message_id"}
FAULTS = ("400", "500", "429", "hang", "drop", "hold")


def too_many(retry_after: int) -> dict:
    return {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {retry_after}",
        "parameters": {"retry_after": retry_after},
    }


@dataclass
class Call:
    method: str
    params: dict
    outcome: str  # "ok", or the fault served: "400", "500", "429", "hang", "drop", "unknown"
    at: float = field(default_factory=time.monotonic)  # when it was answered
    held: bool = False  # answered after a "hold"
    served: tuple[int, ...] = ()  # update ids a getUpdates answered (or would have, before a fault)
    result: object = None  # what an "ok" call returned


class TelegramStub:
    def __init__(
        self, token: str = TOKEN, hang_seconds: float = 3.0, hold_seconds: float = 20.0, retry_after: int = 1
    ):
        self.token = token
        self.hang_seconds = hang_seconds
        self.hold_seconds = hold_seconds  # a "hold" is answered after this, or on release()
        self.retry_after = retry_after  # seconds a 429 asks the client to wait
        self.calls: list[Call] = []  # recorded when answered
        self.arrived: list[str] = []  # methods, recorded when a request comes in (a long poll may wait)
        self.webhook: str | None = None
        self._updates: list[dict] = []
        self._faults: dict[tuple[str, int | None], deque[str]] = defaultdict(deque)
        self._cond = threading.Condition()
        self._stopping = threading.Event()
        self._released = threading.Event()
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- running -------------------------------------------------------------------------------
    def start(self) -> TelegramStub:
        stub = self

        class Handler(_Handler):
            pass

        Handler.stub = stub
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="telegram-stub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._released.set()
        with self._cond:
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> TelegramStub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL should be: python-telegram-bot appends the token to it."""
        return f"http://127.0.0.1:{self.port}/bot"

    # --- feeding updates, as Telegram would -----------------------------------------------------
    def push(self, kind: str, payload: dict) -> int:
        with self._cond:
            update_id = next(self._ids)
            self._updates.append({"update_id": update_id, kind: payload})
            self._cond.notify_all()
        return update_id

    def _message(self, chat_id: int, chat_type: str, lang: str | None, **fields) -> dict:
        chat = {"id": chat_id, "type": chat_type}
        chat.update({"first_name": "Resident"} if chat_type == "private" else {"title": "Caia Park parents"})
        user = {
            "id": abs(chat_id) if chat_type == "private" else 777,
            "is_bot": False,
            "first_name": "Resident",
        }
        if lang:
            user["language_code"] = lang
        msg = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat, "from": user}
        msg.update(fields)
        return msg

    def text(
        self,
        chat_id: int,
        text: str,
        *,
        chat_type: str = "private",
        lang: str | None = "en",
        edited: bool = False,
    ) -> int:
        fields: dict = {"text": text}
        if text.startswith("/"):
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if edited:
            fields["edit_date"] = int(time.time())
        return self.push(
            "edited_message" if edited else "message", self._message(chat_id, chat_type, lang, **fields)
        )

    def sticker(self, chat_id: int, lang: str | None = "en") -> int:
        sticker = {
            "file_id": "CAACAgIAAxkBAAE",
            "file_unique_id": "AgADBAAD",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
            "emoji": "👍",
        }
        return self.push("message", self._message(chat_id, "private", lang, sticker=sticker))

    def location(self, chat_id: int) -> int:
        return self.push(
            "message",
            self._message(chat_id, "private", "en", location={"latitude": 53.04, "longitude": -2.99}),
        )

    def photo(self, chat_id: int, caption: str) -> int:
        photo = [{"file_id": "AgACAgQAAxkBAAI", "file_unique_id": "AQADa", "width": 90, "height": 67}]
        return self.push("message", self._message(chat_id, "private", "en", photo=photo, caption=caption))

    def voice(self, chat_id: int) -> int:
        voice = {"file_id": "AwACAgQAAxkBAAI", "file_unique_id": "AgADb", "duration": 3}
        return self.push("message", self._message(chat_id, "private", "en", voice=voice))

    def channel_post(self, chat_id: int, text: str) -> int:
        post = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "channel", "title": "News"},
            "text": text,
        }
        return self.push("channel_post", post)

    def press(self, chat_id: int, data: str, message_id: int = 1, lang: str | None = "en") -> str:
        """A button press under message `message_id`; returns the callback query id."""
        query_id = f"cbq-{next(self._ids)}"
        user = {"id": chat_id, "is_bot": False, "first_name": "Resident"}
        if lang:
            user["language_code"] = lang
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "from": BOT_USER,
            "chat": {"id": chat_id, "type": "private", "first_name": "Resident"},
            "text": "…",
        }
        self.push(
            "callback_query",
            {"id": query_id, "from": user, "chat_instance": "42", "data": data, "message": message},
        )
        return query_id

    # --- misbehaving ---------------------------------------------------------------------------
    def fault(self, method: str, *modes: str, chat_id: int | None = None) -> None:
        """Serve these faults, in order, to the next calls of `method` (to `chat_id` only, if given):
        "400" (refused), "500", "429", "hang" (no answer for `hang_seconds`, then the connection is closed), "drop",
        or "hold" (answered normally, but only on `release()` or after `hold_seconds`)."""
        assert all(m in FAULTS for m in modes), modes
        with self._cond:
            self._faults[(method, chat_id)].extend(modes)

    def faults_left(self, method: str, chat_id: int | None = None) -> int:
        with self._cond:
            return len(self._faults[(method, chat_id)])

    def release(self) -> None:
        """Answer every held request now (and hold no later ones)."""
        self._released.set()

    # --- inspecting ----------------------------------------------------------------------------
    def calls_to(self, method: str, outcome: str | None = "ok") -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method and (outcome is None or c.outcome == outcome)]

    def sent(self, chat_id: int | None = None) -> list[dict]:
        """Parameters of every sendMessage that succeeded (to `chat_id`), in order."""
        return [
            c.params
            for c in self.calls_to("sendMessage")
            if chat_id is None or c.params.get("chat_id") == chat_id
        ]

    def edits(self, chat_id: int | None = None) -> list[dict]:
        return [
            c.params
            for c in self.calls_to("editMessageText")
            if chat_id is None or c.params.get("chat_id") == chat_id
        ]

    def pending(self) -> list[int]:
        """Update ids not yet confirmed by the bot."""
        with self._cond:
            return [u["update_id"] for u in self._updates]

    def wait_until(self, condition, timeout: float = 15.0, interval: float = 0.05) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(interval)
        return bool(condition())

    # --- the API -------------------------------------------------------------------------------
    def _next_fault(self, method: str, params: dict) -> str | None:
        chat_id = params.get("chat_id")
        with self._cond:
            for key in ((method, chat_id), (method, None)):
                queue = self._faults.get(key)
                if queue:
                    return queue.popleft()
            return None

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)

    def answer(self, method: str, params: dict) -> tuple[str, int, dict | None]:
        """(outcome, HTTP status, JSON body or None to drop the connection)."""
        with self._cond:
            self.arrived.append(method)
        fault = self._next_fault(method, params)
        held = fault == "hold"
        if held:
            self._released.wait(self.hold_seconds)
            fault = None
        if fault:
            served: tuple[int, ...] = ()
            if method == "getUpdates":  # the response carried updates, and was lost on the way
                _, served = self._api_getUpdates(params)
            self._record(Call(method, params, fault, served=served))
            if fault == "400":
                return fault, 400, {"ok": False, "error_code": 400, "description": "Bad Request: refused"}
            if fault == "500":
                return fault, 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            if fault == "429":
                return fault, 429, too_many(self.retry_after)
            if fault == "hang":
                self._stopping.wait(self.hang_seconds)
            return fault, 0, None
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            self._record(Call(method, params, "unknown"))
            return (
                "unknown",
                404,
                {"ok": False, "error_code": 404, "description": "Not Found: method not found"},
            )
        result, served = handler(params)
        self._record(Call(method, params, "ok", served=served, result=result, held=held))
        return "ok", 200, {"ok": True, "result": result}

    def _api_getMe(self, params):
        return BOT_USER, ()

    def _api_getUpdates(self, params):
        offset = params.get("offset") or 0
        limit = params.get("limit") or 100
        allowed = params.get("allowed_updates") or None
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        with self._cond:
            if offset:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]

            def ready():
                return [u for u in self._updates if not allowed or any(k in u for k in allowed)][:limit]

            while not ready() and not self._stopping.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            updates = ready()
        return updates, tuple(u["update_id"] for u in updates)

    def _message_result(self, params) -> dict:
        chat_id = params.get("chat_id")
        result = {
            "message_id": params.get("message_id") or next(self._message_ids),
            "date": int(time.time()),
            "chat": {
                "id": chat_id,
                "type": "private" if isinstance(chat_id, int) and chat_id > 0 else "group",
                "first_name": "Resident",
                "title": "Group",
            },
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if isinstance(params.get("reply_markup"), dict):
            result["reply_markup"] = params["reply_markup"]
        return result

    def _api_sendMessage(self, params):
        return self._message_result(params), ()

    def _api_editMessageText(self, params):
        return self._message_result(params), ()

    def _api_answerCallbackQuery(self, params):
        return True, ()

    def _api_deleteWebhook(self, params):
        return True, ()

    def _api_setWebhook(self, params):
        self.webhook = params.get("url")
        return True, ()

    def _api_setMyCommands(self, params):
        return True, ()

    def _api_sendChatAction(self, params):
        return True, ()

    def _api_getWebhookInfo(self, params):
        return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self.pending())}, ()


class _Handler(BaseHTTPRequestHandler):
    stub: TelegramStub

    def log_message(self, format, *args):  # keep test output quiet
        pass

    def do_GET(self):
        self._serve({})

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self._serve(_parse(body, self.headers.get("Content-Type", "")))

    def _serve(self, params: dict) -> None:
        prefix = f"/bot{self.stub.token}/"
        if not self.path.startswith(prefix):
            return self._send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = self.path[len(prefix) :].split("?", 1)[0]
        outcome, status, body = self.stub.answer(method, params)
        if body is None:  # hang (already waited) or drop: close without a response
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return None
        return self._send(status, body)

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (timed out) meanwhile
            pass


def _parse(body: bytes, content_type: str) -> dict:
    if not body:
        return {}
    if "json" in content_type:
        return json.loads(body)
    raw = {k: v[-1] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}
    params: dict = {}
    for key, value in raw.items():
        if key in JSON_PARAMS:
            try:
                params[key] = json.loads(value)
                continue
            except ValueError:
                pass
        if key in INT_PARAMS:
            try:
                params[key] = int(value)
                continue
            except ValueError:
                pass
        params[key] = value
    return params
