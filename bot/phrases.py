"""Everything the bot says to residents that the core does not already say, in English and Welsh.

Service details, the crisis lines and the "no results" wording come from `search_index.answers`, so
every front-end says the same thing there. Keep both languages in step: a test checks every key has
both, and that the Welsh differs from the English.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "welcome": {
        "en": "Hello, I'm Signpost. Tell me what you need, like “food bank” or “debt”, and I'll suggest "
        "services in Wrexham. Not an emergency service: if someone is in danger, call 999.",
        "cy": "Helo, Arwyddbost ydw i. Dywedwch beth sydd ei angen, fel “banc bwyd” neu “dyled”, ac fe "
        "awgrymaf wasanaethau yn Wrecsam. Nid gwasanaeth brys: os oes rhywun mewn perygl, ffoniwch 999.",
    },
    # One sentence each on what is kept, by channel (said in /start and /help).
    "privacy_bot": {
        "en": "I keep none of your messages: only your last search, in memory for 15 minutes, and for an "
        "hour whether you wrote about danger (not your words).",
        "cy": "Dw i ddim yn cadw eich negeseuon: dim ond eich chwiliad diwethaf, yn y cof am 15 munud, ac am "
        "awr a wnaethoch chi sôn am berygl (nid eich geiriau).",
    },
    "privacy_web": {
        "en": "This conversation is kept on our server, not in your browser, and deleted 30 minutes after "
        "your last message, or at once when you press “Start again” or “Exit this page”. Your "
        "browser only holds a random number that points to it.",
        "cy": "Mae'r sgwrs hon yn cael ei chadw ar ein gweinydd, nid yn eich porwr, ac yn cael ei dileu 30 "
        "munud ar ôl eich neges ddiwethaf, neu ar unwaith pan fyddwch chi'n pwyso “Dechrau eto” neu "
        "“Gadael y dudalen hon”. Dim ond rhif ar hap sy'n pwyntio ati sydd gan eich porwr.",
    },
    # What the staff reports keep of a search, on every channel (said after the sentence above).
    "privacy_kept": {
        "en": "Kept for staff reports: need words (like “rent”; never names, addresses, numbers or dates), "
        "topics, how many services were found, the language, and website, chat or Telegram. A message "
        "about danger is only counted.",
        "cy": "Cedwir ar gyfer adroddiadau staff: geiriau angen (fel “rhent”; byth enwau, cyfeiriadau, rhifau "
        "na dyddiadau), pynciau, nifer y gwasanaethau, yr iaith, a'r wefan, y sgwrs neu Telegram. Dim ond "
        "cyfrif neges am berygl.",
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
        "cy": "Sut i ddefnyddio Arwyddbost:\n"
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
    # The short crisis reply: sent when the full one cannot be (bot/delivery.py), and added to any
    # apology after a crisis message. `crisis_short` puts 999 and Samaritans with the line that fits.
    "crisis_short": {
        "en": "If you are in danger now, call 999. Samaritans: 116 123, free, any time.",
        "cy": "Os ydych chi mewn perygl nawr, ffoniwch 999. Samariaid: 116 123, am ddim, unrhyw bryd.",
    },
    "crisis_short_abuse": {
        "en": "Domestic abuse or sexual violence: Live Fear Free 0808 80 10 800, free, 24 hours.",
        "cy": "Cam-drin domestig neu drais rhywiol: Byw Heb Ofn 0808 80 10 800, am ddim, 24 awr.",
    },
    "crisis_short_health": {
        "en": "Urgent mental health help: call NHS 111 and press 2.",
        "cy": "Help brys gydag iechyd meddwl: ffoniwch GIG 111 a phwyso 2.",
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
    # Small talk.
    "hello": {
        "en": "Hello! Tell me what you're looking for in a few words, for example: {examples}.",
        "cy": "Helo! Dywedwch wrtha i beth rydych chi'n chwilio amdano mewn ychydig eiriau, er enghraifft: "
        "{examples}.",
    },
    "thanks": {
        "en": "You're welcome. Ask me anything else whenever you like.",
        "cy": "Croeso. Gofynnwch unrhyw beth arall pryd bynnag y mynnwch.",
    },
    "bye": {
        "en": "Take care. I'm here whenever you need me. In an emergency call 999.",
        "cy": "Cymerwch ofal. Dw i yma pryd bynnag y bydd fy angen arnoch. Mewn argyfwng ffoniwch 999.",
    },
    "abilities": {
        "en": "I find community services in Wrexham: tell me what you need and I show services that fit, "
        "why, and how to reach them. Then ask me “is it free?”, “when is it open?” or “where is it?”. "
        "I'm a directory, not a person: I can't contact anyone for you.",
        "cy": "Dw i'n dod o hyd i wasanaethau cymunedol yn Wrecsam: dywedwch beth sydd ei angen a bydda i'n "
        "dangos gwasanaethau addas, pam, a sut i'w cyrraedd. Yna gofynnwch “ydy e am ddim?”, “pryd mae ar "
        "agor?” neu “ble mae e?”. Cyfeiriadur ydw i, nid person: alla i ddim cysylltu ag unrhyw un ar eich "
        "rhan.",
    },
    "person": {
        "en": "To talk to someone in person, you can go to {hub}.",
        "cy": "I siarad â rhywun wyneb yn wyneb, gallwch fynd i {hub}.",
    },
    "person_no_hub": {
        "en": "I can't find a drop-in in this directory. You can ask the services I show by phone.",
        "cy": "Alla i ddim dod o hyd i le galw heibio yn y cyfeiriadur hwn. Gallwch holi'r gwasanaethau "
        "dw i'n eu dangos dros y ffôn.",
    },
    # Follow-up questions about the services shown.
    "which_service": {
        "en": "Which service do you mean? Tell me what you're looking for first, for example: {examples}.",
        "cy": "Pa wasanaeth sydd gennych chi mewn golwg? Dywedwch beth rydych chi'n chwilio amdano yn "
        "gyntaf, er enghraifft: {examples}.",
    },
    "unknown_cost": {
        "en": "{title}: I don't know if it costs anything. {ask}",
        "cy": "{title}: dw i ddim yn gwybod a oes cost. {ask}",
    },
    "unknown_hours": {
        "en": "{title}: I don't know their hours. {ask}",
        "cy": "{title}: dw i ddim yn gwybod eu horiau. {ask}",
    },
    "unknown_where": {
        "en": "{title}: I don't have an address for them. {ask}",
        "cy": "{title}: does gen i ddim cyfeiriad ar eu cyfer. {ask}",
    },
    "unknown_contact": {
        "en": "{title}: I have no phone, email or website for them. {ask}",
        "cy": "{title}: does gen i ddim rhif ffôn, e-bost na gwefan ar eu cyfer. {ask}",
    },
    "unknown_who": {
        "en": "{title}: I don't know of any limits on who can use it. {ask}",
        "cy": "{title}: dw i ddim yn gwybod am unrhyw gyfyngiad ar bwy all ei ddefnyddio. {ask}",
    },
    "ask_phone": {"en": "Ask them on {phone}.", "cy": "Holwch nhw ar {phone}."},
    "ask_email": {"en": "Ask them by email: {email}.", "cy": "Holwch nhw drwy e-bost: {email}."},
    "ask_website": {
        "en": "Their website may say: {website}.",
        "cy": "Efallai fod eu gwefan yn dweud: {website}.",
    },
    "ask_at": {"en": "Ask at {hub}.", "cy": "Holwch yn {hub}."},
    "ask_nobody": {
        "en": "Please check with the service before you go.",
        "cy": "Holwch y gwasanaeth cyn mynd, os gwelwch yn dda.",
    },
    "results_near": {
        "en": "Services for “{query}” in {area} first:",
        "cy": "Gwasanaethau ar gyfer “{query}” yn {area} yn gyntaf:",
    },
    "none_near": {
        "en": "I have nothing for “{query}” listed in {area}. These are the closest matches I have:",
        "cy": "Does gen i ddim ar gyfer “{query}” wedi'i restru yn {area}. Dyma'r rhai agosaf sydd gen i:",
    },
    "which_area": {
        "en": "Which area? Type its name, for example: {areas}.",
        "cy": "Pa ardal? Teipiwch ei henw, er enghraifft: {areas}.",
    },
    "area_set": {
        "en": "OK, I'll show services in {area} first. Tell me what you're looking for.",
        "cy": "Iawn, bydda i'n dangos gwasanaethau yn {area} yn gyntaf. Dywedwch beth rydych chi'n chwilio "
        "amdano.",
    },
    "no_areas": {
        "en": "The services in this directory don't say which area they are in, so I can't sort them by "
        "place. Everything I show covers the whole directory.",
        "cy": "Dyw'r gwasanaethau yn y cyfeiriadur hwn ddim yn dweud ym mha ardal maen nhw, felly alla i "
        "ddim eu trefnu fesul lle. Mae popeth dw i'n ei ddangos yn cwmpasu'r cyfeiriadur cyfan.",
    },
    "no_coordinates": {
        "en": "Thanks. The services in this directory have no map positions, so I can't use a shared "
        "location. Type the name of your area instead, for example: {areas}.",
        "cy": "Diolch. Does gan y gwasanaethau yn y cyfeiriadur hwn ddim safle ar fap, felly alla i ddim "
        "defnyddio lleoliad a rannwyd. Teipiwch enw eich ardal yn lle hynny, er enghraifft: {areas}.",
    },
    # Other languages.
    "other_language": {
        "en": "It looks like you wrote in {language}. I can only answer in English and Welsh, but these "
        "services can help, including interpreting and English classes:",
        "cy": "Mae'n edrych fel eich bod wedi ysgrifennu yn {language}. Dim ond yn Saesneg a Chymraeg y galla "
        "i ateb, ond gall y gwasanaethau hyn helpu, gan gynnwys cyfieithu ar y pryd a gwersi Saesneg:",
    },
    # Feedback.
    "did_it_help": {"en": "Did this help?", "cy": "Oedd hyn o help?"},
    "feedback_yes": {
        "en": "Thank you for telling me. I'm glad it helped.",
        "cy": "Diolch am ddweud wrtha i. Dw i'n falch ei fod wedi helpu.",
    },
    "feedback_no": {
        "en": "Thank you for telling me, and sorry. Try other words, browse the topics, or talk to a person.",
        "cy": "Diolch am ddweud wrtha i, ac mae'n ddrwg gen i. Rhowch gynnig ar eiriau eraill, porwch y "
        "pynciau, neu siaradwch â pherson.",
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
    "btn_yes": {"en": "Yes", "cy": "Do"},
    "btn_no": {"en": "No", "cy": "Naddo"},
    "btn_person": {"en": "Talk to a person", "cy": "Siarad â pherson"},
    "btn_welsh": {"en": "Cymraeg", "cy": "Cymraeg"},
    "btn_english": {"en": "English", "cy": "English"},
}


def say(key: str, lang: str, **values: object) -> str:
    """A phrase in `lang` ("en" or "cy"), with its {placeholders} filled in."""
    text = PHRASES[key].get(lang) or PHRASES[key]["en"]
    return text.format(**values) if values else text


# Which extra line the short crisis reply carries for each kind of crisis (others: the abuse line,
# as for "danger" in the full crisis message).
CRISIS_SHORT_LINE = {"suicide": "crisis_short_health", "self-harm": "crisis_short_health"}


def crisis_short(kind: str | None, lang: str) -> str:
    """999, Samaritans 116 123 and the line that fits `kind`, in two short lines."""
    return (
        say("crisis_short", lang) + "\n" + say(CRISIS_SHORT_LINE.get(kind or "", "crisis_short_abuse"), lang)
    )
