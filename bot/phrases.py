"""Everything the bot says to residents that the core does not already say, in English and Welsh.

Service details, the crisis lines and the "no results" wording come from `search_index.answers`, so
every front-end says the same thing there. Keep both languages in step: a test checks every key has
both, and that the Welsh differs from the English.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "Hello, I'm Signpost: I help you find community services in Wrexham.\n"
        "Tell me in a few words what you need, for example “food bank”, “help with debt” or “English "
        "classes”, and I'll suggest services and how to contact them. /categories shows every topic, "
        "/help explains more, and /cymraeg switches to Welsh.\n"
        "I am not an emergency service: if you or someone else is in danger, call 999.",
        "cy": "Helo, Signpost ydw i: dw i'n eich helpu i ddod o hyd i wasanaethau cymunedol yn Wrecsam.\n"
        "Dywedwch wrtha i mewn ychydig eiriau beth sydd ei angen arnoch chi, er enghraifft “banc bwyd”, "
        "“help gyda dyled” neu “gwersi Saesneg”, a bydda i'n awgrymu gwasanaethau a sut i gysylltu â nhw. "
        "Mae /categories yn dangos pob pwnc, mae /help yn esbonio mwy, ac mae /english yn newid i'r Saesneg.\n"
        "Nid gwasanaeth brys ydw i: os ydych chi neu rywun arall mewn perygl, ffoniwch 999.",
    },
    # One sentence each on what is kept, by channel (said in /start and /help).
    "privacy_bot": {
        "en": "No messages are kept with your chat id: I only hold your last search in memory for "
        "15 minutes, so that “More results” works.",
        "cy": "Does dim negeseuon yn cael eu cadw gyda dynodwr eich sgwrs: dim ond eich chwiliad diwethaf "
        "dw i'n ei gadw yn y cof, am 15 munud, fel bod “Rhagor o ganlyniadau” yn gweithio.",
    },
    "privacy_web": {
        "en": "Nothing you type is stored with your name or address: this page keeps your last 10 "
        "messages in your browser's session cookie only, so you can see the conversation.",
        "cy": "Does dim byd rydych chi'n ei deipio yn cael ei gadw gyda'ch enw na'ch cyfeiriad: mae'r "
        "dudalen hon yn cadw eich 10 neges ddiwethaf yng nghwci sesiwn eich porwr yn unig, er mwyn i chi "
        "weld y sgwrs.",
    },
    "privacy_cli": {
        "en": "Nothing you type here is kept after you close this window.",
        "cy": "Does dim byd rydych chi'n ei deipio yma yn cael ei gadw ar ôl i chi gau'r ffenestr hon.",
    },
    "help": {
        "en": "How to use Signpost:\n"
        "• Type what you need in your own words, for example “help paying rent”, “somewhere for my "
        "teenager to go” or “food bank”.\n"
        "• I show up to 3 services at a time, why each one fits and how to contact it. Press “Details” "
        "for more about one, or “More results” for the next ones.\n"
        "• /categories: browse services by topic\n"
        "• /cymraeg: replies in Welsh; /english: replies in English\n"
        "• /start: the welcome message again\n"
        "I can't contact services for you or send help. In an emergency call 999. To talk to someone "
        "now: Samaritans 116 123 (free, any time).",
        "cy": "Sut i ddefnyddio Signpost:\n"
        "• Teipiwch beth sydd ei angen arnoch yn eich geiriau eich hun, er enghraifft “help i dalu rhent”, "
        "“rhywle i fy arddegwr fynd” neu “banc bwyd”.\n"
        "• Dw i'n dangos hyd at 3 gwasanaeth ar y tro, pam mae pob un yn addas a sut i gysylltu ag ef. "
        "Pwyswch “Manylion” i gael mwy am un, neu “Rhagor o ganlyniadau” am y rhai nesaf.\n"
        "• /categories: pori gwasanaethau fesul pwnc\n"
        "• /cymraeg: atebion yn Gymraeg; /english: atebion yn Saesneg\n"
        "• /start: y neges groeso eto\n"
        "Ni alla i gysylltu â gwasanaethau ar eich rhan nac anfon help. Mewn argyfwng ffoniwch 999. I "
        "siarad â rhywun nawr: Samariaid 116 123 (am ddim, unrhyw bryd).",
    },
    "lang_set": {
        "en": "OK, I'll reply in English from now on. Type what you're looking for.",
        "cy": "Iawn, bydda i'n ateb yn Gymraeg o hyn ymlaen. Teipiwch beth rydych chi'n chwilio amdano.",
    },
    "results": {
        "en": "Services that may help with “{query}”:",
        "cy": "Gwasanaethau a allai helpu gyda “{query}”:",
    },
    "results_crisis": {
        "en": "Services that can help:",
        "cy": "Gwasanaethau a all helpu:",
    },
    "more_results": {
        "en": "More services for “{query}”:",
        "cy": "Rhagor o wasanaethau ar gyfer “{query}”:",
    },
    "no_more": {
        "en": "That is everything I found for that. Try other words, or /categories to browse by topic.",
        "cy": "Dyna'r cyfan a ddes i o hyd iddo. Rhowch gynnig ar eiriau eraill, neu /categories i bori "
        "fesul pwnc.",
    },
    "btn_safe_yes": {"en": "Yes, I'm safe", "cy": "Ydw, rwy'n ddiogel"},
    "btn_safe_no": {"en": "No", "cy": "Nac ydw"},
    "safe_yes": {
        "en": "I'm glad. The lines above are there any time, day or night, if that changes.",
        "cy": "Rwy'n falch. Mae'r llinellau uchod yno unrhyw bryd, ddydd neu nos, os bydd hynny'n newid.",
    },
    "crisis_cannot": {
        "en": "I am an automated directory: I cannot call anyone or send help to you. Please contact one "
        "of the lines above now.",
        "cy": "Cyfeiriadur awtomatig ydw i: ni alla i ffonio unrhyw un nac anfon help atoch chi. "
        "Cysylltwch ag un o'r llinellau uchod nawr, os gwelwch yn dda.",
    },
    "search_prompt": {
        "en": "What are you looking for? Type a few words, for example: {examples}.",
        "cy": "Am beth ydych chi'n chwilio? Teipiwch ychydig eiriau, er enghraifft: {examples}.",
    },
    "no_words": {
        "en": "I didn't catch any words there. Type what you're looking for, for example: {examples}.",
        "cy": "Wnes i ddim dal unrhyw eiriau yn hynny. Teipiwch beth rydych chi'n chwilio amdano, er "
        "enghraifft: {examples}.",
    },
    "not_text": {
        "en": "I can only read text messages. Type what you're looking for in a few words, for example: "
        "{examples}.",
        "cy": "Dim ond negeseuon testun y galla i eu darllen. Teipiwch beth rydych chi'n chwilio amdano "
        "mewn ychydig eiriau, er enghraifft: {examples}.",
    },
    "flood": {
        "en": "You're sending messages faster than I can answer them well. Please wait a minute, then "
        "send your question again. In an emergency call 999.",
        "cy": "Rydych chi'n anfon negeseuon yn gyflymach nag y galla i eu hateb yn iawn. Arhoswch funud, "
        "yna anfonwch eich cwestiwn eto. Mewn argyfwng ffoniwch 999.",
    },
    "group": {
        "en": "I answer questions in a private chat, so that what you ask stays between you and me. "
        "Send me a direct message to search Wrexham's community services.",
        "cy": "Dw i'n ateb cwestiynau mewn sgwrs breifat, fel bod yr hyn rydych chi'n ei ofyn yn aros "
        "rhyngoch chi a fi. Anfonwch neges uniongyrchol ata i i chwilio gwasanaethau cymunedol Wrecsam.",
    },
    "unknown_command": {
        "en": "I don't know that command. Type what you're looking for, or try /help.",
        "cy": "Dw i ddim yn adnabod y gorchymyn hwnnw. Teipiwch beth rydych chi'n chwilio amdano, neu "
        "rhowch gynnig ar /help.",
    },
    "expired": {
        "en": "That search has expired, so I can't continue it. Please type it again.",
        "cy": "Mae'r chwiliad hwnnw wedi dod i ben, felly alla i ddim parhau ag ef. Teipiwch ef eto, os "
        "gwelwch yn dda.",
    },
    "gone": {
        "en": "Sorry, that service is no longer listed. Type what you're looking for to search again.",
        "cy": "Mae'n ddrwg gen i, nid yw'r gwasanaeth hwnnw wedi'i restru mwyach. Teipiwch beth rydych "
        "chi'n chwilio amdano i chwilio eto.",
    },
    "topics": {
        "en": "Choose a topic:",
        "cy": "Dewiswch bwnc:",
    },
    "topic_entries": {
        "en": "{topic}: {count} services. Press one for details.",
        "cy": "{topic}: {count} gwasanaeth. Pwyswch un i gael y manylion.",
    },
    "topic_empty": {
        "en": "{topic}: there are no services listed here yet.",
        "cy": "{topic}: does dim gwasanaethau wedi'u rhestru yma eto.",
    },
    "apology": {
        "en": "Sorry, something went wrong on my side. Please try again in a moment. In an emergency "
        "call 999.",
        "cy": "Mae'n ddrwg gen i, aeth rhywbeth o'i le ar fy ochr i. Rhowch gynnig arall arni mewn munud. "
        "Mewn argyfwng ffoniwch 999.",
    },
    "checked": {
        "en": "Details last checked: {date}.",
        "cy": "Gwiriwyd y manylion ddiwethaf: {date}.",
    },
    "maybe_old": {
        "en": "These details may be out of date: please check with the service before you go.",
        "cy": "Gall y manylion hyn fod wedi dyddio: holwch y gwasanaeth cyn mynd, os gwelwch yn dda.",
    },
    "in_english": {
        "en": "",
        "cy": "(Yn Saesneg:)",
    },
    # Field labels the core's LABELS does not have.
    "label_referral": {"en": "How to get it", "cy": "Sut i'w gael"},
    "label_access": {"en": "Access", "cy": "Mynediad"},
    "label_ages": {"en": "Ages", "cy": "Oedran"},
    "label_languages": {"en": "Languages", "cy": "Ieithoedd"},
    "label_organisation": {"en": "Run by", "cy": "Yn cael ei redeg gan"},
    # Buttons.
    "btn_details": {"en": "Details {n}", "cy": "Manylion {n}"},
    "btn_website": {"en": "Website {n}", "cy": "Gwefan {n}"},
    "btn_site": {"en": "Website", "cy": "Gwefan"},
    "btn_more": {"en": "More results", "cy": "Rhagor o ganlyniadau"},
    "btn_again": {"en": "Search again", "cy": "Chwilio eto"},
    "btn_back": {"en": "Back to the results", "cy": "Yn ôl at y canlyniadau"},
    "btn_topics": {"en": "Browse by topic", "cy": "Pori fesul pwnc"},
    "btn_all_topics": {"en": "All topics", "cy": "Pob pwnc"},
    "btn_next": {"en": "Next", "cy": "Nesaf"},
    "btn_did_you_mean": {"en": "Did you mean: {text}?", "cy": "Oeddech chi'n golygu: {text}?"},
    "btn_welsh": {"en": "Cymraeg", "cy": "Cymraeg"},
    "btn_english": {"en": "English", "cy": "English"},
}


def say(key: str, lang: str, **values: object) -> str:
    """A phrase in `lang` ("en" or "cy"), with its {placeholders} filled in."""
    text = PHRASES[key].get(lang) or PHRASES[key]["en"]
    return text.format(**values) if values else text
