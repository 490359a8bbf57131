"""The conversation in a terminal (`signpost chat`), so a volunteer can try the bot without Telegram.

Buttons are printed as numbered choices; typing the number presses the button. Reads lines from
standard input, so it also works with piped input: `printf 'food bank\n1\n' | signpost chat`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .chats import ChatState
from .conversation import Button, Conversation, Reply

HINT = {
    "en": "(Type a number to press a button, or type a question. Ctrl+D to leave.)",
    "cy": "(Teipiwch rif i bwyso botwm, neu teipiwch gwestiwn. Ctrl+D i adael.)",
}
NO_SUCH_CHOICE = {
    "en": "There is no button {n}: type a number from 1 to {last}, or a question.",
    "cy": "Does dim botwm {n}: teipiwch rif o 1 i {last}, neu gwestiwn.",
}


def render(reply: Reply) -> tuple[str, list[Button]]:
    """The reply as terminal text, with its buttons numbered from 1; returns the text and the buttons."""
    parts: list[str] = []
    choices: list[Button] = []
    for part in reply.messages:
        lines = [part.text]
        for row in part.buttons:
            for b in row:
                choices.append(b)
                lines.append(f"  [{len(choices)}] {b.label}" + (f": {b.url}" if b.url else ""))
        parts.append("\n".join(lines))
    return "\n\n".join(parts), choices


def run(
    conversation: Conversation,
    lang: str,
    lines: Iterable[str],
    write: Callable[[str], None],
    prompt: Callable[[], None] = lambda: None,
) -> None:
    """Greet, then answer each line until the input ends."""
    state = ChatState(lang=lang, lang_set=True)
    text, choices = render(conversation.reply(state, text="/start"))
    write(text + "\n" + HINT[state.lang] + "\n")
    prompt()
    for line in lines:
        typed = line.strip()
        if not typed:
            prompt()
            continue
        number = int(typed) if typed.isdigit() and len(typed) <= 2 else None  # "999" is a question
        if number is not None and choices and not 1 <= number <= len(choices):
            write(NO_SUCH_CHOICE[state.lang].format(n=number, last=len(choices)) + "\n")
            prompt()
            continue
        if number is not None and choices and choices[number - 1].data:
            reply = conversation.reply(state, button=choices[number - 1].data)
        elif number is not None and choices:
            write(f"{choices[number - 1].url}\n")
            prompt()
            continue
        else:
            reply = conversation.reply(state, text=typed)
        if reply is not None:
            text, choices = render(reply)
            write(text + "\n")
        prompt()
