"""Signpost's chat bot: a transport-free conversation and its adapters (Telegram, terminal, web chat).

`bot.conversation.Conversation` turns text or a button press into a `Reply` (text plus buttons);
`bot.telegram_app` runs it on Telegram, `bot.terminal` in a terminal, `directory.chat` on the website.
"""
