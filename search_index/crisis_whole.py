"""Crisis detection, what a whole message says across its clauses that no one clause says: a
question and its answer over two sentences, affairs settled, a means sought or taken, menace, control
and exploitation, a home or a body in danger. Used by `crisis._detect` when the clause rules find
nothing, or only a concern."""

from __future__ import annotations

import logging
import re

from .crisis_reading import (
    _ABSENT,
    _ADDRESS,
    _ADULT_ROLES,
    _AFTER_A_MEANS,
    _AFTER_TAKING,
    _ARRANGING,
    _ASKED_IN_GENERAL,
    _BARE_ANCHORS,
    _BARE_MAX,
    _BEREAVED,
    _BLADES,
    _CHILD_WORDS,
    _CHILDREN,
    _COLOURS_OF_DANGER,
    _DAYS_ON_END,
    _DEADLY,
    _DETERMINERS,
    _DID_IT,
    _DOWN_WITH_ME,
    _ERRANDS,
    _EVENTS,
    _FLAME,
    _FOR_WHEN_GONE,
    _FOUND_OUT,
    _FUNCTION_WORDS,
    _GAMING,
    _GIVEN,
    _GIVING_WAY,
    _GONE_AFTER,
    _GONE_MISSING,
    _GROWN_MEN,
    _HER,
    _INHALED,
    _INSTITUTIONS,
    _JOKING,
    _LEISURE,
    _LIFELINES,
    _LIPS,
    _MADE_TO_PAY,
    _MEANS,
    _MEANS_NAMED,
    _METHODS,
    _MINOR_AGES,
    _NO_OBJECT,
    _NO_WEAPON,
    _NOTES,
    _NOWHERE_TO_SLEEP,
    _NUMBER_WORDS,
    _OLDER,
    _PARTNERS,
    _PEACEFUL,
    _PESTS,
    _PETS,
    _PREPOSITIONS,
    _SECRET,
    _SERIOUS_SIGNS,
    _SKIN_PARTS,
    _SMOKE_SOURCES,
    _SPARING_OTHERS,
    _SPORT,
    _STARVING,
    _STAYS_AWAY,
    _SWALLOWED,
    _TEENS,
    _THRILLS,
    _TOOK_SOMETHING,
    _TOPIC_FRAME,
    _TREATMENTS,
    _TREATS,
    _TRIPS,
    _UNFREE,
    _UNSEEN_SIGNS,
    _UNWELL,
    _WARNING_SIGNS,
    _WONT_NEED,
    _WROTE,
    _YOUNG,
    CrisisSignal,
    _ages,
    _Clause,
    _could_hurt_at,
    _dusky_near,
    _for_a_thing,
    _has,
    _plain,
    _Token,
)
from .wordnet import is_a_person

log = logging.getLogger(__name__)


def _a_short_message(toks: list[_Token]) -> CrisisSignal | None:
    """A message of a few words that puts a means beside when, how much or where: "bridge tonight",
    "pills. all of them", "took the lot", "rope is in the garage", "goodbye everyone", "he forced me"."""
    words = [t.text for t in toks]
    if not 2 <= len(words) <= 6 or any(t.tags & {"negation", "read"} for t in toks):
        return None
    # a means named as a thing, not a word that names another thing ("bridge club", "pill organiser")
    means = [
        k
        for k, t in enumerate(toks)
        if (t.tags & (_MEANS - {"hang", "shoot"}) or t.text in _MEANS_NAMED)
        and (k + 1 == len(toks) or toks[k + 1].tags & {"now", "amount"} or toks[k + 1].text in _AFTER_A_MEANS)
    ]
    when = any(t.tags & {"now"} or t.text in ("tonight", "today", "heno", "rwan", "nawr") for t in toks)
    lots = any(t.tags & {"amount"} for t in toks) or _has(words, (("the", "lot"), ("all", "of", "them")))
    kept = any(toks[k].text in _MEANS_NAMED for k in means) and any(t.tags & {"home_place"} for t in toks)
    if means and (when or lots or kept):
        return CrisisSignal("suicide", " ".join(words), tier="urgent" if when else "crisis", about="self")
    if any("take" in t.tags for t in toks) and _has(words, (("the", "lot"), ("all", "of", "them"))):
        return CrisisSignal("suicide", " ".join(words), tier="crisis", about="self")
    later = set(words) & {
        "see",
        "monday",
        "tomorrow",
        "later",
        "soon",
        "weekend",
        "next",
        "xmas",
        "christmas",
    }
    parting = any("goodbye" in t.tags or t.text in ("bye", "byeee", "tara") for t in toks)
    if parting and set(words) & {"everyone", "all", "everybody", "bawb"} and not later:
        return CrisisSignal("suicide", " ".join(words), tier="crisis", about="self")
    if set(words) & {"sorry", "sori"} and _has(words, (("love", "you"), ("love", "u"), ("caru", "ti"))):
        return CrisisSignal(
            "suicide", " ".join(words), tier="crisis", about="self"
        )  # "sorry mum. love you x"
    if words[-2:] == ["forced", "me"] or words[-2:] == ["raped", "me"]:
        return CrisisSignal("sexual-violence", " ".join(words), tier="crisis", about="self")
    if words in (["help", "me"], ["please", "help", "me"], ["helpu", "fi"]) or words[:2] == [
        "refuge",
        "please",
    ]:
        return CrisisSignal("danger", " ".join(words), tier="concern", about="self")
    return None


def _whole_message(clauses: list[list[_Token]]) -> CrisisSignal | None:
    """What only the whole message says: a short message that is nothing but words of risk ("OD",
    "killing me", "domestic violence", "stop living"): a concern, ask; and a child's age with sexual
    contact ("he keeps asking for nudes and i'm 14"): a crisis."""
    toks = [t for cl in clauses for t in cl]
    text = [t.text for t in toks]
    age = next(
        (
            int(text[k + 1 + (text[k + 1] in ("only", "just"))])
            for k in range(len(text) - 2)
            if text[k] == "am"
            and k
            and text[k - 1] == "i"
            and text[k + 1 + (text[k + 1] in ("only", "just"))].isdigit()
        ),
        None,
    )
    if age in _MINOR_AGES and any(t.tags & {"sex_word", "sexual", "touch"} for t in toks):
        return CrisisSignal("sexual-violence", " ".join(text[:12]), tier="crisis", about="self")
    short = _a_short_message(toks)
    if short is not None:
        return short
    named = {"abuse_term", "sexual"}  # "child abuse": the person is part of the name
    content = [t for t in toks if t.text not in _FUNCTION_WORDS]
    if (
        len(content) > _BARE_MAX
        or len(toks) > 2 * _BARE_MAX
        or any(t.tags & {"negation", "read"} or "third" in t.tags and not t.tags & named for t in toks)
    ):
        return None
    if any(t.text in _DETERMINERS - {"my", "fy"} and not t.tags & {"death", "kill"} for t in toks):
        return None  # "this traffic is murder": said of a thing
    if any(t.text in _WELSH_MARKERS for t in toks):
        return None  # "mae'n od" is Welsh for "it's odd"
    if any(t.text in _YOUNG for t in toks) and not any(
        t.tags & {"overdose", "poison", "substance"} for t in toks
    ):
        return None  # "my toddler bit me" (but "baby poisoned")
    anchor = next(
        (
            tag
            for t in toks
            for tag in sorted(t.tags & _BARE_ANCHORS.keys())
            if tag != "death"
            and (tag != "harm" or any("victim" in u.tags or "reflexive_self" in u.tags for u in toks))
        ),
        None,
    )
    death = any(
        "death" in t.tags and (t.start.get("death", 0) > toks.index(t) + 1 or t.text == "die") for t in toks
    )
    if anchor is None and not death:
        return None
    if not all(t.tags for t in content):
        return None  # a word that is no concept: "kill bill", "death certificate"
    kind = _BARE_ANCHORS.get(anchor, "suicide") if anchor else "suicide"
    return CrisisSignal(kind, " ".join(text), tier="concern", about="self")


_WELSH_MARKERS = frozenset("mae yn n wedi dw dwi rwy ei ac roedd oedd".split())
_LOVE_YOU = frozenset("them her him you everyone all".split())
_FAMILY = frozenset(
    "family kids children mum mam dad wife husband partner son daughter sister brother".split()
)


_PREGNANCY = frozenset("pregnant pregnancy baby contractions labour due midwife beichiog babi waters".split())
_BREATHLESS_SPEECH = (("cant", "finish", "a", "sentence"), ("cant", "finish", "sentences"), ("cant", "talk"))
_FITTING_NOW = frozenset("is s still started keeps been was".split())
_NO_THING = ([], ["and"], ["for"], ["again"], ["now"], ["on"], ["at"])
# an emergency over, or cared for: its signs are no alarm
_DOING_WELL = (
    ("doing", "great"),
    ("doing", "well"),
    ("both", "fine"),
    ("both", "doing"),
    ("healing",),
    ("helped",),
    ("well", "controlled"),
    ("febrile",),
)
# a sense that something is badly wrong (one of the signs of sepsis): a sign, never serious alone
_SOMETHING_WRONG = (
    ("something", "is", "really", "wrong"),
    ("something", "is", "seriously", "wrong"),
    ("something", "is", "very", "wrong"),
    ("something", "really", "wrong"),
)


def _across_clauses(clauses: list[list[_Token]]) -> CrisisSignal | None:
    """What two clauses of one message say together: "going down to the river, i can't swim and that's
    the point"; "he gave away his playstation and said thanks for everything"; "left notes for my
    family"; "tell my kids i love them"; "screaming at her for an hour ... then a massive bang"."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    has = set(words)

    def at(k: int) -> str:
        return words[k] if 0 <= k < len(words) else ""

    if any("water" in t.tags for t in toks) and any(
        words[k] == "swim" and "negation" in toks[k - 1].tags for k in range(1, len(words))
    ):
        return CrisisSignal("suicide", "cannot swim", tier="crisis", about="self")
    for k, w in enumerate(words[:-1]):  # "since my wife passed ... i might join her soon"
        if w == "join" and words[k + 1] in ("her", "him", "them") and has & _BEREAVED:
            return CrisisSignal("suicide", " ".join(words[k : k + 2]), tier="crisis", about="self")
    relapsed = has & {"relapsed", "relapse", "relapsing"} or _has(
        words, (("did", "it", "again"), ("done", "it", "again"), ("started", "again"), ("slipped", "up"))
    )
    harm = [
        t
        for k, t in enumerate(toks)
        if t.tags & {"cut", "self_harm", "overdose"}
        and at(k + 1) not in ("down", "back", "out", "off", "my", "the")
    ]
    habits = {
        "drinking",
        "drink",
        "booze",
        "alcohol",
        "smoking",
        "gambling",
        "vaping",
        "diet",
        "weed",
        "cigarette",
        "cigarettes",
        "fag",
        "fags",
        "smoke",
        "vape",
        "chocolate",
        "crisps",
        "sugar",
    }
    if relapsed and "sh" in has and not has & habits:  # "relapsed on sh after 8 months clean"
        return CrisisSignal("self-harm", "sh ... again", tier="crisis", about="self")
    if relapsed and harm and not has & habits:
        return CrisisSignal("self-harm", harm[0].text + " ... again", tier="crisis", about="self")
    # two warning signs of the body, one of them serious: "fallen and my hip's gone ... i feel woozy",
    # "confused and hot and shivery", "her words are coming out wrong and she can't lift her arm"
    signs = {name for name, said in _WARNING_SIGNS.items() if _has(words, said)}
    if any(
        w in _SKIN_PARTS and set(words[max(0, k - 3) : k + 6]) & _COLOURS_OF_DANGER
        for k, w in enumerate(words)
    ):
        signs.add("grey")  # "her lips look blue", "blue round the lips"
    if any(
        w in ("oxygen", "sats", "o2", "saturation")
        and any(x.isdigit() and 50 <= int(x) < 92 for x in words[k + 1 : k + 5])
        for k, w in enumerate(words)
    ):
        signs.add("low oxygen")  # "his oxygen reading is 79"
    high_temperature = any(
        w in ("temperature", "temp", "fever", "tymheredd")
        and any(x.isdigit() and 38 <= int(x) <= 43 for x in words[k + 1 : k + 4])
        for k, w in enumerate(words)
    )
    if high_temperature:
        signs.add("hot")
    if _has(words, _SOMETHING_WRONG):
        signs.add("something wrong")
    for k, w in enumerate(words):
        if (
            w == "fitting"
            and words[k - 1 : k]
            and words[k - 1] in _FITTING_NOW
            and words[k + 1 : k + 2] in _NO_THING
        ):
            signs.add("a fit")  # "he's been fitting for 10 minutes" (not "fitting kitchens for 20 years")
        if (
            w.isdigit()
            and words[k + 1 : k + 2] in (["minutes"], ["mins"])
            and int(w) >= 5
            and "a fit" in signs
        ):
            signs.add("not stopping")  # a fit "for 6 minutes"
        if w.isdigit() and words[k + 1 : k + 2] == ["weeks"] and int(w) < 37:
            signs.add("early")  # "32 weeks pregnant and my waters have gone"
    if not has & _PREGNANCY and "labour" not in signs:
        signs -= {"early"}  # "3 weeks" parked
    if not has & _PREGNANCY and not has & {"just", "broken", "broke"}:
        signs -= {"labour"}  # "the flood waters have gone at last"
    if not has & {"rash", "rashes", "spots", "brech", "frech", "smotiau"}:
        signs -= {"a rash"}  # "tomatoes under glass"
    if has & {"asthma", "inhaler", "wheezing", "breathe", "breathing"} and _has(words, _BREATHLESS_SPEECH):
        signs.add("speech")  # "his inhaler isn't doing anything and he can't finish a sentence"
    if _has(words, (("seizure", "of"), ("fitting", "in"), ("ffitio", "i", "mewn"))):
        signs -= {"a fit"}  # "a seizure of goods", "fitting in at his new school"
    if _has(words, _DOING_WELL):
        signs = set()  # "the scald cream helped, it's healing", "both doing great"
    if len(signs) >= 2 and signs & _SERIOUS_SIGNS or len(signs) >= 3 and "something wrong" in signs:
        return CrisisSignal("danger", " ... ".join(sorted(signs)), tier="urgent", about="other")
    # a fever during cancer treatment (sepsis): "had chemo on tuesday and now he's shivering"
    fever = signs & {"hot", "shivery"}
    if fever and has & _TREATMENTS and not _has(words, _ASKED_IN_GENERAL):
        return CrisisSignal("danger", "treatment ... fever", tier="urgent", about="other")
    # starving, and the body giving way: "haven't eaten in 5 days and my heart's doing a weird thing",
    # "purging after every meal, there's blood in it now", "300 cals a day and i fainted"
    starving = (
        _has(words, _STARVING)
        or any(w.isdigit() and at(k + 1) in ("cals", "calories", "kcal") for k, w in enumerate(words))
        or _has(words, (("without", "eating"), ("without", "food")))
        and has & {"days", "weeks"}
    )  # "it's been 9 days without food" (not "how long without eating before a blood test")
    if starving and (signs or has & _GIVING_WAY):
        return CrisisSignal(
            "self-harm",
            "not eating ... " + " ".join(sorted(signs or has & _GIVING_WAY)),
            tier="crisis",
            about="self",
        )
    # a debt to people who threaten: "i owe these lads £800 and they know where my mum lives", "work off
    # the debt or they'll do my little brother", "mewn dyled iddyn nhw, ma nhw'n gwbod lle dwi'n byw"
    owing = has & {"owe", "owes", "owed", "debt", "dyled"}
    if owing and (
        _has(words, _MADE_TO_PAY) or has & {"packets", "pacedi", "parcels", "liverpool", "lerpwl", "county"}
    ):
        if not has & {"council", "bank", "catalogue", "loan", "credit", "bailiffs", "energy", "rent", "tax"}:
            return CrisisSignal("abuse", "a debt ... threatened", tier="crisis", about="self")
    # more than one's dose, or someone else's medicines besides: "took double my dose plus my mum's tramadol"
    if (
        (
            has & {"double", "triple", "twice"}
            and has & {"dose", "dos"}
            or has & {"double", "triple"}
            and any("substance" in t.tags for t in toks)
            and not has & {"mistake", "accident", "accidentally"}
        )
        and has & {"took", "taken", "had", "taking"}
    ) and not (has & {"missed", "forgot", "forgotten"}):
        return CrisisSignal("suicide", "more than a dose", tier="concern", about="self")
    # medicines taken with a lot of drink: "two bottles of wine and taken my sleeping tablets"
    taken = has & {"taken", "took", "swallowed", "had", "necked", "downed"}
    drink = has & {"wine", "vodka", "whisky", "gin", "beer", "cider", "rum", "lager"}
    plenty = has & {"bottle", "bottles", "load", "loads", "lots", "litre", "cans", "half"}
    if taken and drink and plenty and any(t.tags & {"substance"} for t in toks):
        return CrisisSignal("suicide", "medicines with a lot of drink", tier="crisis", about="self")
    # papers held and work unpaid, or a threat to report: "boss keep my passport, no pay 2 month", "he say
    # if I go he call immigration", "they take all the documents and half the salary"
    papers = has & {"passport", "passports", "documents", "papers", "id", "pasbort", "mhasbort", "dogfennau"}
    held = has & {
        "keep",
        "keeps",
        "kept",
        "take",
        "takes",
        "took",
        "taken",
        "hold",
        "holds",
        "hidden",
        "cadw",
        "cuddio",
    }
    unpaid = _has(words, _UNFREE)
    threat = has & {"immigration", "visa", "deport", "deported", "prison", "owe", "hurt", "police"}
    if papers and held and (unpaid or threat) or unpaid and threat:
        return CrisisSignal("abuse", "papers held or work unpaid", tier="crisis", about="self")
    # a young person out with older people who give things: "my teenager goes missing overnight, comes back
    # with new phones and money, older men keep ringing her"
    ages = [a for cl in clauses for a in _ages(cl)]
    young = any(a < 18 for a in ages) or has & _TEENS
    gone_out = _has(words, _STAYS_AWAY) or any("missing" in t.tags for t in toks)
    older = any(w in _OLDER and at(k + 1) in _GROWN_MEN for k, w in enumerate(words))
    if young and (gone_out and older or _has(words, _GONE_MISSING)) and has & _GIVEN:
        return CrisisSignal("sexual-violence", "young ... older ... gifts", tier="crisis", about="other")
    # affairs put in order for a time the writer will not see: "can you get my cat rehomed quickly? i won't
    # be around after friday", "cancelling my contracts, tidying up so nobody has to deal with it after"
    arranging = has & (_ARRANGING | _PETS) or _has(
        words, (("sort", "out"), ("who", "gets"), ("give", "away"))
    )
    not_there = (
        any(  # "i won't be around after friday" (not "i won't be around next week")
            "presence" in t.tags
            and "negation" in cl[k - 1].tags
            and (cl[t.start["presence"]].text if t.start.get("presence", len(cl)) < len(cl) else "")
            in _GONE_AFTER
            for cl in clauses
            for k, t in enumerate(cl)
            if k
        )
        or _has(words, _SPARING_OTHERS)
        and any(cl and cl[-1].text in ("after", "afterwards") for cl in clauses)
    )
    if arranging and not_there and any(t.text in ("i", "my", "me") for t in toks):
        return CrisisSignal("suicide", "affairs in order", tier="concern", about="self")
    # harm to someone else, asked how: "how do i poison someone so it doesn't show up"
    if at(0) in ("how", "hw") or _has(words, (("best", "way", "to"), ("easiest", "way", "to"))):
        for k, t in enumerate(toks):
            if t.tags & {"kill", "poison"} or t.text in ("strangle", "smother", "suffocate"):
                target = words[k + 1 : k + 4]
                person = any(u.tags & {"third", "victim"} for u in toks[k + 1 : k + 4]) and not set(
                    target
                ) & {
                    "me",
                    "myself",
                    "yourself",
                }
                if person and not has & (_SPORT | _PESTS | _GAMING):
                    return CrisisSignal("danger", " ".join(words[k : k + 3]), tier="crisis", about="other")
    # cold and confused: "minus four, he's not making sense and his hands are white"
    cold = has & {"freezing", "minus", "hypothermia", "hypothermic"} and not has & _SPORT
    puzzled = any(
        w in ("confused", "muddled") and at(k + 1) in ("about", "by", "with") for k, w in enumerate(words)
    )
    lost = (
        has & {"confused", "muddled", "drowsy"} and not puzzled or _has(words, (("not", "making", "sense"),))
    )
    if cold and lost:
        return CrisisSignal("danger", "cold ... confused", tier="urgent", about="other")
    # a diabetic's lows over and over: "three hypos today ... on my own and very muddled"
    if has & {"hypo", "hypos", "hypoing"} and has & {"muddled", "confused", "drowsy", "shaking", "collapsed"}:
        return CrisisSignal("danger", "hypos ... muddled", tier="urgent", about="self")
    # someone who has found out where the writer lives: "my ex found out where i live, coming round tonight"
    for k, w in enumerate(words):
        if w in _FOUND_OUT and _has(words[k + 1 : k + 6], (("where", "i", "live"), ("where", "we", "live"))):
            if any("third" in t.tags for t in toks[:k]) and not has & {"courier", "delivery", "postman"}:
                return CrisisSignal("danger", " ".join(words[k : k + 5]), tier="crisis", about="self")
    # children left alone for days, said over several clauses: "no food for days, their mum leaves them on
    # their own"
    if has & (_CHILDREN | {"plant", "children"}) and has & _DAYS_ON_END:
        if any(
            w in ("own", "hun", "hunain") and at(k - 1) in ("their", "eu", "his", "her", "ei")
            for k, w in enumerate(words)
        ) and (has & {"food", "bwyd", "fwyd", "eaten", "fed"}):
            return CrisisSignal("danger", "children alone ... days", tier="crisis", about="other")
    # dying and taking someone too: "if she leaves me i'll take her down with me"
    if _has(words, _DOWN_WITH_ME):
        return CrisisSignal("danger", "take ... down with me", tier="crisis", about="other")
    # a height asked about over two sentences: "how high is the multi storey? is it high enough"
    if any("high_place" in t.tags for t in toks) and _has(words, (("high", "enough"),)):
        if not _for_a_thing(words) and not has & _TOPIC_FRAME:
            return CrisisSignal("suicide", "high enough", tier="crisis", about="self")
    # an adult who asks a child for secrecy, said over several sentences: "his coach messages him late at
    # night, buys him presents and told him not to tell us"
    if _has(words, _SECRET) and has & _ADULT_ROLES and (has & _TEENS or any(a < 18 for a in ages)):
        return CrisisSignal("sexual-violence", "an adult ... secret", tier="crisis", about="other")
    # a silence explained in advance: "if u dont hear from me tmrw its cos i did it"
    if _has(words, (("dont", "hear", "from", "me"), ("not", "hear", "from", "me"))) and _has(
        words, (("i", "did", "it"), ("i", "have", "done", "it"), ("i", "went", "through", "with", "it"))
    ):
        return CrisisSignal("suicide", "if you do not hear from me ... i did it", tier="crisis", about="self")
    # a note written for when the writer is gone: "written letters to the kids in case i'm not here"
    if has & _NOTES and has & _WROTE and _has(words, _FOR_WHEN_GONE) and has & {"i", "fi", "me"}:
        if not has & (
            _TRIPS
            | _ERRANDS
            | {"holiday", "operation", "surgery", "ysbyty", "dentist", "appointment", "shift"}
        ):
            return CrisisSignal("suicide", "a note ... for when i am gone", tier="crisis", about="self")
    # a note written, and nothing said of whom it is for: "i've written a note. thanks to the hub for before"
    for cl in clauses:
        said = [t.text for t in cl]
        if len(said) >= 2 and said[-1] in _NOTES and (set(said[-4:-1]) & _WROTE):
            tier = "crisis" if has & {"thanks", "thank", "sorry", "goodbye", "bye"} else "concern"
            return CrisisSignal("suicide", " ".join(said[-3:]), tier=tier, about="self")
    # something taken, and then shut away or barely awake: "he said he'd taken something and to leave him
    # alone, door's locked", "i've taken something and i feel really weird"
    if _has(words, _TOOK_SOMETHING) and has & _AFTER_TAKING:
        other = any(
            at(k - 1) in ("he", "she", "hed", "shed", "they")
            for k, w in enumerate(words)
            if w in ("taken", "took")
        )
        return CrisisSignal(
            "danger", "taken something ...", tier="urgent", about="other" if other else "self"
        )
    # gas or glue breathed in: "sniffed a whole can of lighter gas and my heart's racing"
    if has & {"sniffed", "sniffing", "sniff", "huffing", "huffed"} and has & _INHALED:
        urgent = any(t.tags & {"medical", "now"} for t in toks) or has & {
            "heart",
            "racing",
            "moving",
            "movin",
        }
        return CrisisSignal("danger", "gas breathed in", tier="urgent" if urgent else "crisis", about="self")
    # gas and a flame: "he's left the gas on and says he'll light a match"
    if has & {"gas", "nwy"} and has & _FLAME and has & {"on", "left", "leaking", "leak", "turned", "open"}:
        return CrisisSignal("danger", "gas ... a flame", tier="urgent", about="self")
    # someone who has found where the writer lives now: "he's out on licence and found my new address"
    for k, w in enumerate(words):
        if (
            w in _FOUND_OUT
            and at(k + 1) in ("my", "our")
            and (at(k + 2) in _ADDRESS or at(k + 2) == "new" and at(k + 3) in _ADDRESS)
        ):
            if any(t.tags & {"third"} for t in toks[:k]) and not has & {
                "courier",
                "delivery",
                "postman",
                "parcel",
            }:
                return CrisisSignal("danger", " ".join(words[k : k + 3]), tier="crisis", about="self")
    # someone missing who is at risk, said over several clauses: "grandad wandered off, dementia, in his slippers"
    child_out = has & _CHILD_WORDS and has & {"dark", "night"}  # "she's missing, not answering, it's dark"
    missing = any(
        "missing" in t.tags and not set(words[max(0, k - 3) : k]) & _INSTITUTIONS for k, t in enumerate(toks)
    )
    if missing and (any("vulnerable" in t.tags for t in toks) or child_out):
        return CrisisSignal("danger", "missing ... vulnerable", tier="urgent", about="other")
    # voices that tell the writer to act: "the voices are telling me to jump"
    told_to = _has(words, (("telling", "me", "to"), ("tell", "me", "to"), ("told", "me", "to")))
    if has & {"voices", "voice", "lleisiau"} and told_to:
        if any(t.tags & (_MEANS | {"jump", "kill", "harm", "cut", "hang", "death", "burn"}) for t in toks):
            return CrisisSignal("suicide", "voices telling me to", tier="crisis", about="self")
    # a young person with nowhere to sleep tonight: "kicked out at 15 nowhere to sleep tonight"
    homeless = _has(words, _NOWHERE_TO_SLEEP)
    young_here = any(a < 18 for a in ages)
    if homeless and (young_here or has & {"freezing", "minus", "snow"} and has & {"nowhere", "tonight"}):
        return CrisisSignal("danger", "nowhere to sleep", tier="crisis", about="self")
    # a child's bruises, and who did it: "kid at school has bruises and said his dad did it"
    parent = has & {"dad", "mum", "stepdad", "mam", "father", "mother"}
    if any(w.startswith("bruis") for w in words) and parent and _has(words, _DID_IT):
        return CrisisSignal("abuse", "bruises ... did it", tier="crisis", about="other")
    # a diabetic's sugar too low: "my sugar is 1.9 and i'm on my own", "his sugar's 2.3 and he's confused"
    for k, w in enumerate(words[:-1]):
        diabetic = has & {"diabetic", "diabetes", "insulin", "hypo", "type"} or at(k - 1) in (
            "my",
            "his",
            "her",
            "blood",
        )
        if (
            w in ("sugar", "sugars", "glucose", "bm")
            and diabetic
            and any(re.fullmatch(r"[0-3]", at(j)) for j in (k + 1, k + 2))
        ):
            return CrisisSignal("danger", "a low sugar", tier="urgent", about="self")
        high = any(at(j).isdigit() and 25 <= int(at(j)) <= 60 for j in (k + 1, k + 2, k + 3))
        if w in ("sugar", "sugars", "glucose", "ketones") and diabetic and high and has & _UNWELL:
            return CrisisSignal("danger", "a high sugar ... unwell", tier="urgent", about="self")
    # a household all unwell at once, the signs of carbon monoxide: "the whole family has headaches and
    # we're all being sick", "we all feel dizzy and the baby is drowsy"
    aches = has & {"headache", "headaches", "cur", "pen", "pennau"} and has & {
        "sick",
        "vomiting",
        "drowsy",
        "dizzy",
        "sleepy",
        "confused",
        "faint",
        "benysgafn",
        "chwydu",
    }
    if aches and (
        _has(
            words,
            (
                ("whole", "family"),
                ("all", "of", "us"),
                ("we", "are", "all"),
                ("everyone",),
                ("both", "of", "us"),
            ),
        )
        or has & {"teulu"}
    ):
        return CrisisSignal("danger", "all unwell", tier="urgent", about="other")
    # a girl to be cut, or married off: "my sister is going to be cut when they go home in the holidays",
    # "taking me to pakistan in the summer to marry my cousin. i'm 16"
    female = bool(has & (_HER | {"me", "i", "fi"}))
    cutting = _has(words, (("be", "cut"), ("get", "cut"), ("being", "cut"), ("getting", "cut")))
    away = has & {"home", "holiday", "holidays", "summer", "abroad", "ceremony", "back"}
    if female and cutting and away and not has & {"hair", "fringe", "grass", "hedge", "nails"}:
        return CrisisSignal("abuse", "to be cut", tier="crisis", about="other")
    marry = (
        any(w.startswith(("marry", "married", "marriage", "priodi", "briodi", "phriodi")) for w in words)
        or any(
            w == "wedding"
            and words[k - 1 : k] in (["my"], ["her"], ["his"])  # not "her cousin's wedding"
            or w in ("priodas", "briodas")
            and words[k + 1 : k + 3] in (["i", "mi"], ["i", "fi"])
            for k, w in enumerate(words)
        )
    )
    unwilling = any("negation" in t.tags for t in toks) or _has(
        words,
        (
            ("make", "me"),
            ("make", "her"),
            ("making", "me"),
            ("making", "her"),
            ("forcing",),
            ("force",),
            ("forced",),
            ("taking", "me"),
            ("taking", "her"),
            ("orfodi",),
            ("ngorfodi",),
            ("gorfodi",),
        ),
    )
    papers_kept = _has(words, _PAPERS_KEPT)  # "they've hidden my passport"
    arranged = has & {
        "arranged",
        "arranging",
        "planning",
        "booked",
        "taking",
        "taken",
        "sending",
        "sent",
        "send",
        "obey",
        "trefnu",
        "family",
        "teulu",
        "parents",
        "rhieni",
        "law",
        "dad",
        "mum",
        "mam",
        "father",
        "mother",
        "uncle",
        "abroad",
    }
    if marry and (
        unwilling and arranged and (any(a < 18 for a in ages) or papers_kept) or any(a < 16 for a in ages)
    ):
        return CrisisSignal(
            "abuse", "to marry", tier="crisis", about="self" if has & {"me", "i"} else "other"
        )
    if "petrol" in has and has & {"lighter", "matches", "match"}:
        return CrisisSignal("danger", "petrol ... lighter", tier="urgent", about="self")
    if (
        any("missing" in t.tags for t in toks)
        and has & _UNSEEN_SIGNS
        and any("third" in t.tags for t in toks)
    ):
        return CrisisSignal(
            "danger", "not seen ... " + " ".join(sorted(has & _UNSEEN_SIGNS)), tier="crisis", about="other"
        )
    for k, w in enumerate(words):  # "he said he'd take the kids and i'd never see them again"
        if (
            w in ("take", "taking", "took")
            and at(k + 1) in ("the", "my", "our")
            and at(k + 2) in _CHILD_WORDS
        ):
            if has & {"never", "unless"} or "if" in words[k + 3 :]:
                return CrisisSignal("abuse", " ".join(words[k : k + 3]), tier="crisis", about="self")
    gave_away = any(w.startswith(("gave", "giv")) for w in words) and "away" in has
    if gave_away and _has(words, (("thanks", "for", "everything"), ("sorry", "for", "everything"))):
        who = "other" if has & {"he", "she", "his", "her", "they"} else "self"
        return CrisisSignal("suicide", "gave away ... for everything", tier="crisis", about=who)
    for k, w in enumerate(words):
        if w in ("notes", "letters", "nodiadau", "llythyrau") and at(k + 1) in ("for", "to", "i"):
            left = has & {
                "left",
                "leaving",
                "put",
                "envelopes",
                "envelope",
                "sorry",
                "goodbye",
                "table",
            } or _has(words, (("find", "them"), ("will", "find")))
            if _has(words, (("to", "find", "the"), ("easter",), ("treasure",))) or has & _LETTER_PURPOSES:
                continue  # "left notes for everyone to find the easter eggs"
            if (
                at(k + 2) in ("everyone", "everybody", "all", "bawb", "pawb")
                or at(k + 2) == "my"
                and at(k + 3) in _FAMILY
                and left
            ):
                return CrisisSignal("suicide", " ".join(words[k : k + 4]), tier="crisis", about="self")
        if w == "tell" and at(k + 1) in ("my", "everyone") and "love" in words[k + 2 : k + 6]:
            j = words.index("love", k + 2)
            if at(j - 1) == "i" and at(j + 1) in _LOVE_YOU:
                return CrisisSignal("suicide", " ".join(words[k : j + 2]), tier="crisis", about="self")
    if has & {"screaming", "shouting", "sgrechian"} and has & {"bang", "thud", "smash", "crash"}:
        if any("third" in t.tags for t in toks) and not has & {"fireworks", "film", "telly", "tv", "game"}:
            return CrisisSignal("danger", "screaming ... bang", tier="urgent", about="other")
    return None


# --- what a whole message says, read from its words together (the seventh round) -----------------

# affairs put in order: "sorted the dog out so she's looked after, that's everything now"
_SETTLED = (
    ("that", "is", "everything"),
    ("everything", "sorted"),
    ("all", "sorted"),
    ("tidied", "up"),
    ("in", "order"),
    ("deleted", "all"),
    ("peaceful", "now"),
    ("at", "peace"),
    ("tying", "up", "loose", "ends"),
    ("loose", "ends"),
    ("cleared", "my", "room"),
    ("cleared", "out", "my"),
    ("changed", "his", "will"),
    ("changed", "my", "will"),
    ("changed", "her", "will"),
    ("made", "a", "will"),
    ("affairs", "are", "in", "order"),
)
# affairs settled one act at a time: "paid off my debts, cancelled my phone, given the dog to my brother"
_SETTLING_ACTS = (
    ("paid", "off"),
    ("cancelled",),
    ("canceled",),
    ("closed", "my"),
    ("deleted", "my"),
    ("leave", "the", "keys"),
    ("leave", "the", "house", "keys"),
    ("leave", "my", "keys"),
    ("sorted", "my", "will"),
    ("made", "a", "will"),
    ("written", "my", "will"),
    ("written", "letters"),
    ("wrote", "letters"),
    ("written", "a", "letter"),
    ("rehomed",),
    ("gave", "away"),
    ("given", "away"),
    ("paid", "back"),
    ("redone", "her", "will"),
    ("redone", "his", "will"),
    ("redone", "my", "will"),
    ("changed", "her", "will"),
    ("changed", "his", "will"),
    ("changed", "my", "will"),
)
# the calm, or the last time, beside affairs settled: "feel calm for the first time in ages", "hugging us
# like it's the last time"
_A_LAST_CALM = (
    ("feel", "calm"),
    ("feels", "calm"),
    ("feeling", "calm"),
    ("calm", "for", "the", "first"),
    ("at", "peace"),
    ("the", "last", "time"),
)
_CLEARING_OUT = frozenset(
    "divorce clearout declutter decluttering charity tidy tidying spring sofa toys books loan".split()
)
_MOVING = frozenset("moving move moved emigrating relocating tenancy abroad spain australia new".split())
_THANKS_FOR_ALL = (
    ("thanks", "for", "everything"),
    ("thank", "you", "for", "everything"),
    ("thanks", "for", "all", "the"),
    ("thank", "you", "for", "all", "the"),
    ("sorry", "for", "everything"),
    ("love", "you", "all"),
    ("diolch", "am", "bopeth"),
)
# a near time: "if i die this week", "tonights the night"
_SOON = (("this", "week"), ("tonight",), ("tomorrow",), ("soon",), ("heno",), ("fory",), ("yfory",))
_OWN_DEATH = (("if", "i", "die"), ("when", "i", "die"), ("if", "i", "was", "gone"), ("after", "i", "die"))
_BEFORE_I_ACT = (("before", "i", "do", "anything"), ("before", "i", "do", "it"))
_THE_TIME_HAS_COME = (
    ("tonights", "the", "night"),
    ("tonight", "is", "the", "night"),
    ("today", "is", "the", "day"),
)
_TIRED_OF_IT = (
    ("tired", "of", "fighting"),
    ("tired", "of", "trying"),
    ("done", "fighting"),
    ("cant", "fight"),
)
# going in and not coming out: "gonna walk into the alyn tonight and not come out"
_NOT_COMING_OUT = (
    ("not", "come", "out"),
    ("not", "come", "back"),
    ("never", "come", "back"),
    ("not", "coming", "back"),
)
_GOING_IN = frozenset("walk walking go going swim swimming wade wading drive driving".split())
_UNTIL = frozenset("till until til for before because as all".split())
# a death-like quality wished for a means: "what time do the fast trains go through, i just want it to be quick"
_QUICK = (
    ("it", "to", "be", "quick"),
    ("quick", "and", "painless"),
    ("it", "over", "quick"),
    ("be", "over", "quickly"),
)
# something in someone's food or drink that must not be found: "that wouldn't show up in a post mortem"
_UNFOUND = (
    ("post", "mortem"),
    ("postmortem",),
    ("toxicology",),
    ("wouldnt", "show", "up"),
    ("not", "show", "up"),
    ("undetectable",),
    ("cant", "be", "traced"),
    ("untraceable",),
)
_FOOD_OR_DRINK = frozenset("tea coffee brew drink drinks food dinner tea meal meals cuppa pint wine".split())
# a weapon carried, found or wanted for a purpose: "bringing a knife in tomorrow to sort out the kid"
_CARRYING = frozenset("bringing bring brings taking take carry carrying carries brought took".split())
_PURPOSE = (
    ("to", "sort"),
    ("sort", "out"),
    ("to", "get", "him"),
    ("to", "get", "her"),
    ("to", "get", "them"),
    ("to", "get", "back"),
    ("teach", "him"),
    ("teach", "her"),
    ("to", "get", "the", "lad"),
    ("to", "get", "the", "kid"),
    ("to", "get", "the", "guy"),
    ("to", "get", "that"),
    ("for", "protection"),
    ("protect", "himself"),
    ("protect", "myself"),
    ("wont", "walk", "again"),
)
_TOOLS_AS_WEAPONS = frozenset("bat hammer crowbar bar brick bottle screwdriver machete".split())
_GOING_ROUND = (("going", "round"), ("go", "round"), ("round", "there"), ("round", "his"), ("round", "hers"))
_HIDDEN_IN = frozenset("bed bag room drawer pocket wardrobe mattress".split())
# help sought in secret from a partner: "how do i wipe my search history so my husband doesn't see"
_WIPE = frozenset("wipe delete clear hide erase".split())
_TRACES = frozenset("history messages chat search searches texts browser".split())
_FOUND_BY = (
    ("doesnt", "see"),
    ("does", "not", "see"),
    ("find", "out"),
    ("finds", "out"),
    ("wont", "see"),
    ("checks",),
    ("sees",),
)
# control by a partner, act after act: "decides what i eat, weighs me every morning and punishes me"
# a child sold for sex: "a lad in our block gets dropped off by different cars, men in and out all night"
_TRADED = (
    ("different", "cars"),
    ("different", "men"),
    ("older", "men"),
    ("men", "in", "and", "out"),
)
# an address made known and people coming: "posted my address in a group chat, they're coming round tonight"
_SHARED = frozenset("posted shared leaked published rhannu".split())
_COMING = (("coming", "round"), ("come", "round"), ("coming", "to"), ("turn", "up"), ("going", "to", "come"))
# water getting in, electricity burning
_WATER_IN = (
    ("dod", "i", "mewn"),
    ("flooded",),
    ("up", "to", "the"),
    ("coming", "in"),
    ("pouring", "in"),
    ("getting", "in"),
    ("rising",),
    ("yn", "codi"),
    ("dod", "dros"),
    ("coming", "up"),
    ("up", "to", "my"),
    ("up", "to", "our"),
)
_FAST = frozenset(
    "fast quickly quick knee knees waist deep door stairs sownd stuck windowsills sockets walk cyflym gyflym".split()
)
_SPARKING = frozenset("sparking sparked sparks arcing fizzing gwreichioni wreichioni".split())
# a live line down: "the cable's come down in the storm and it's sparking on the pavement"
_LINES = frozenset("cable cables wire wires line lines pylon powerline cebl gwifren".split())
_DOWN = frozenset("ground down fallen snapped road path pavement street lawr".split())
# a thing in the home smoking or smouldering: "the extension lead is smoking"
_SMOKED = frozenset("weed cigarette cigarettes fags joint spliff vape cannabis pipe".split())
_SMOULDERS = frozenset("smoking smouldering smoldering mygu".split())
_FLAMMABLE = frozenset(
    "duvet bed mattress sofa settee couch curtains curtain blanket rug carpet socket sockets plug lead "
    "charger wire wires cable heater tv laptop battery toaster microwave dryer fridge freezer wall "
    "ceiling light fan".split()  # not an oven or a pan: cooking smokes
)
# a vehicle gone into water with people in it: "a van's gone in the canal and the driver is on the roof"
_VEHICLES = frozenset("car cars van vans bus lorry lorrys truck trucks taxi cab".split())
_STILL_THERE = frozenset(
    "people someone somebody driver kids children family inside trapped roof stuck".split()
)
# a baby's age in weeks or days, and a fever or not feeding
_FEVER = frozenset("temp temperature fever feverish floppy".split())
_NOT_FED = (
    ("not", "been", "fed"),
    ("hasnt", "been", "fed"),
    ("havent", "fed"),
    ("not", "fed"),
    ("had", "no", "food"),
)
_NEIGHBOURS = frozenset(
    "neighbour neighbours neighbor elderly old lady man nan gran grandad cymydog nghymydog oedrannus".split()
)
_CLOSING = frozenset("close closing cancel cancelling canceling shut".split())
# the taking of a means: "taken the lot", "took 20 of my blood pressure tablets", "took too many blues"
_TAKEN = frozenset("took taken swallowed downed necked had taking".split())
_FADING = (
    ("stopped", "typing"),
    ("stopped", "replying"),
    ("stopped", "answering"),
    ("not", "replying"),
    ("not", "answering"),
    ("wont", "wake"),
    ("cant", "keep", "my", "eyes", "open"),
    ("cant", "keep", "his", "eyes", "open"),
    ("cant", "keep", "her", "eyes", "open"),
    ("sleepy",),
    ("drowsy",),
    ("dizzy",),
)
_ROPE_WORK = frozenset(
    "tug war swing climbing climb tow washing skipping boat lead toy dog abseil siglen trelar cwch ci tynnu gem "
    "carnifal ladder trampoline tying storm".split()
)
_PROVIDES = (
    ("sort", "us"),
    ("will", "sort"),
    ("pay", "out"),
    ("pays", "out"),
    ("look", "after"),
    ("better", "off"),
    ("provide", "for"),
)
_FAREWELLS = (
    ("sorry", "for", "everything"),
    ("sori", "am", "bopeth"),
    ("love", "you", "all"),
    ("caru", "chi", "i", "gyd"),
    ("dont", "look", "for", "me"),
    ("peidiwch", "a", "chwilio"),
    ("thanks", "for", "everything"),
    ("diolch", "am", "bopeth"),
    ("look", "after", "the", "kids"),
)
_OVER_THE_EDGE = (
    ("going", "over"),
    ("go", "over", "the"),
    ("let", "go"),
    ("not", "coming", "down"),
    ("climb", "over"),
    ("looking", "down"),
    ("it", "over"),
    ("over", "the", "side"),
    ("over", "the", "railing"),
)
_EUPHEMISMS = (("long", "sleep"), ("big", "sleep"), ("permanent", "sleep"), ("sleep", "forever"))
_YOU_KNOW = (
    ("if", "you", "know", "what", "i", "mean"),
    ("you", "know", "what", "i", "mean"),
    ("know", "what", "i", "mean"),
    ("know", "wat", "i", "mean"),
    ("ykwim",),
)
_FOR_SOMEONE = (
    ["me"],
    ["myself"],
    ["him"],
    ["her"],
    ["them"],
    ["you"],
    ["us"],
    ["my"],
    ["his"],
    ["long"],
    ["now"],
)
_DRINKS = frozenset("pints pint shots jagerbombs drinks beers beer wine vodka cider lol".split())
_ROUTINE = frozenset(
    "day daily every each morning night week per prescribed mins minutes hours hrs late early ago".split()
)
_DOSE_UNITS = frozenset("mg ml g units unit mcg puffs drops".split())
# a means researched or its working asked: "been googling how long it takes to drown"
_RESEARCHING = frozenset("googling googled searching searched researching researched".split())  # and "read"
_LOOKING_UP = (("looking", "up"), ("look", "up"), ("looked", "up"), ("reading", "up"))
_BODY_FOUND = (
    ("find", "me", "until"),
    ("finds", "me", "until"),
    ("nobody", "finds", "me"),
    ("no", "one", "finds", "me"),
    ("one", "to", "find", "me"),
    ("who", "will", "find", "me"),
    ("who", "would", "find", "me"),
    ("the", "one", "who", "finds", "me"),
)
_DONE_WHERE = (
    ("or", "somewhere", "else"),
    ("did", "it", "at", "home"),
    ("do", "it", "at", "home"),
    ("definitely", "do", "it"),
    ("it", "somewhere", "else"),
)
_LAST_LONG = (
    ("how", "long", "would", "i", "last"),
    ("how", "long", "would", "it", "take"),
    ("how", "long", "does", "it", "take"),
    ("how", "long", "it", "takes"),
)
_EASY = (
    ("would", "be", "easy"),
    ("be", "so", "easy"),
    ("so", "easy"),
    ("high", "enough"),
    ("long", "way", "down"),
)
_FAST_TRAIN = (
    ("without", "stopping"),
    ("doesnt", "stop"),
    ("dont", "stop"),
    ("fast", "train"),
    ("fast", "trains"),
    ("non", "stop"),
)
_AT_THE_EDGE = (
    ("end", "of", "the", "platform"),
    ("edge", "of", "the", "platform"),
    ("on", "the", "track"),
    ("on", "the", "line"),
    ("on", "the", "tracks"),
)
_NO_SURVIVING = (
    ("beidio", "goroesi"),
    ("peidio", "goroesi"),
    ("dont", "want", "to", "survive"),
    ("do", "not", "want", "to", "survive"),
    ("not", "to", "survive"),
)
# menace said by another: "he'll hunt us down", "he'll be waiting to teach me a lesson"
_MENACES = (
    ("hunt", "us", "down"),
    ("hunt", "me", "down"),
    ("hunt", "her", "down"),
    ("hunt", "you", "down"),
    ("teach", "me", "a", "lesson"),
    ("teach", "her", "a", "lesson"),
    ("teach", "you", "a", "lesson"),
    ("watch", "your", "back"),
    ("sorry", "you", "were", "born"),
    ("sorry", "i", "was", "born"),
    ("when", "he", "gets", "back", "i", "am", "dead"),
    ("when", "he", "gets", "home", "i", "am", "dead"),
    ("find", "my", "body"),
    ("find", "your", "body"),
    ("find", "her", "body"),
    ("find", "our", "bodies"),
    ("send", "men"),
    ("send", "people"),
    ("send", "someone", "round"),
    ("send", "the", "lads"),
    ("tick", "tock"),
    ("target", "drawn"),
    ("target", "on", "her"),
    ("target", "on", "my"),
    ("know", "where", "my", "kids"),
    ("know", "where", "my", "children"),
    ("know", "where", "you", "live"),
    ("know", "where", "i", "live"),
    ("know", "where", "we", "live"),
)
# a threat come in writing: "a note through the door saying they'll burn us out"
_WRITTEN = frozenset(
    "letter letters note notes message messages text texts email emails graffiti card comment comments dm dms "
    "llythyr neges".split()
)
_SAYING = frozenset("saying says said reading read threatening dweud".split())
_NOT_A_KILLING = frozenset("off for time it".split())  # "kill off the route", "kill for a pint"
# dead animals left for someone: "someone keeps leaving dead rats on our step"
_CARCASSES = frozenset(
    "bird birds rat rats animal animals cat cats fox pigeon pigeons rabbit fish mice mouse".split()
)
_LEFT_AT = frozenset(
    "doorstep door step letterbox garden car drive porch left leaving envelope windscreen".split()
)
# a thing left as a threat: "left a bullet on the step"
_CROWDS = frozenset("school college class uni university work workplace church mosque office".split())
_SLAYING = (
    ("thought", "about", "how"),
    ("exactly", "how"),
    ("how", "i", "would", "kill"),
    ("how", "to", "kill", "him"),
    ("how", "to", "kill", "her"),
    ("got", "his", "insulin"),
)
_PLACED = frozenset("left leaving put posted pushed dropped sent placed came".split())
_TOKENS_OF_DEATH = frozenset("bullet bullets cartridge cartridges shell shells noose bwled".split())
_TOYS_AND_FINDS = frozenset("found digging dug nerf toy foam gel water playing".split())
# a caller pressing for money under threat, and still there: "he's still on the line"
_PAY_NOW = frozenset(
    "pay talu dalu transfer move savings vouchers cards cardiau rhodd money arian code pin details".split()
)
_STILL_ON = (
    ("still", "on", "the", "line"),
    ("still", "on", "the", "phone"),
    ("dal", "ar", "y", "lein"),
    ("dal", "ar", "y", "ffon"),
    ("ringing", "back"),
    ("calling", "back"),
    ("ring", "back"),
    ("right", "now"),
    ("is", "on", "the", "line"),
    ("is", "on", "the", "phone"),
    ("yn", "dal", "ar", "y", "lein"),
)
# someone else calling the writer (not "i called the bank")
_A_CALLER = (
    ("rang", "me"),
    ("called", "me"),
    ("phoned", "me"),
    ("ringing", "me"),
    ("on", "the", "phone"),
    ("on", "the", "line"),
    ("ar", "y", "ffon"),
    ("ar", "y", "lein"),
    ("man", "rang"),
    ("someone", "rang"),
    ("rang", "saying"),
)
_HUNG_UP = (("hung", "up"), ("put", "the", "phone", "down"), ("blocked",), ("ignored",))
# a weapon wanted for a person: "how do i get a gun, i need one for my ex"
_WANTING = frozenset("need want get buy getting buying wanted needed".split())
_ARMS = frozenset("gun guns knife knives crossbow machete firearm shotgun rifle pistol taser".split())
_MENACERS = frozenset("he she they ex partner husband boyfriend wife girlfriend dad stepdad".split())
# hands pressed on a throat: "when he squeezes my throat"
_PRESSING = frozenset(
    "squeeze squeezes squeezed squeezing press presses pressed pressing grab grabs grabbed grabbing gwasgu wasgu".split()
)
_THROAT = frozenset("throat neck windpipe gwddw gwddf ngwddw ngwddf wddw wddf".split())
_NOT_A_THREAT_TO_A_NECK = frozenset(
    "physio massage knot osteopath chiropractor cuddle hug toddler baby vet doctor nurse gp dentist glands check".split()
)
# controlling acts, by pattern: someone keeps, takes or hides the writer's means to live or leave
_TAKES = frozenset("keeps kept takes took has hides hid holds controls".split())
_MEANS_TO_LEAVE = frozenset(
    "passport passports documents papers id wages wage pay money pension benefits card phone keys".split()
)
_KEPT_IN = (
    ("dont", "get", "paid"),
    ("not", "pay", "me"),
    ("cannot", "leave"),
    ("cant", "leave"),
    ("for", "food", "only"),
    ("not", "paid"),
    ("no", "pay"),
    ("sleep", "on", "the", "floor"),
    ("sleep", "there"),
    ("not", "allowed", "out"),
    ("not", "allowed", "to"),
    ("wont", "let", "me"),
    ("doesnt", "let", "me"),
    ("locked", "in"),
    ("locks", "me"),
    ("locked", "in", "her", "room"),
    ("watches", "me"),
    ("barely", "feeds"),
    ("doesnt", "feed"),
    ("decides", "what", "i"),
    ("weighs", "me"),
    ("punishes", "me"),
    ("checks", "my", "phone"),
    ("tracks", "my"),
    ("tracks", "me"),
    ("tells", "me", "what", "to"),
)
# an adult and a child, and contact or gifts: "he's sent me a train ticket, i'm 14 and he's 30"
_CONTACT = frozenset(
    "meet meeting met ticket tickets gifts gift cash weed money discord snapchat snap online app minding "
    "boyfriend girlfriend buys buying clothes secret daddy".split()
)
_LURING = (
    ("come", "to", "his", "car"),
    ("come", "to", "his", "van"),
    ("kids", "to", "come"),
    ("children", "to", "come"),
    ("come", "and", "see", "his"),
    ("get", "in", "his"),
    ("get", "into", "his"),
)
_STRANGERS = frozenset("man men stranger someone somebody bloke woman van car".split())
_CHILD_IMAGES = frozenset("pictures picture photos images videos pics".split())
_DEVICES = frozenset("laptop computer phone tablet pc hard drive".split())
_SEX_FOR_RENT = (("another", "way"), ("other", "ways"), ("in", "kind"))
# a person, gone into water and not back up; a vehicle in the water with someone in it
_STILL_IN = (
    ("someone", "still", "in"),
    ("still", "in", "it"),
    ("someone", "in", "it"),
    ("driver", "is", "still"),
    ("rhywun", "tu", "mewn"),
    ("hasnt", "come", "back", "up"),
    ("not", "come", "back", "up"),
    ("not", "come", "up"),
)
_SMASHED = (
    ("glass", "smash"),
    ("glass", "smashing"),
    ("glass", "break"),
    ("glass", "breaking"),
    ("window", "smash"),
    ("smash", "downstairs"),
)
_FOR_GOOD_PERSON = frozenset("permanently forever good".split())
_SMOTHER = frozenset("pillow cushion hand bag".split())


_A_WALK = frozenset(
    "a dog for the morning evening our country long".split()
)  # "dog walks", not "walked into"
_NOT_A_THING = _PREPOSITIONS | _NO_OBJECT | frozenset("and up down off out around round".split())


def _a_thing_named(toks: list[_Token]) -> bool:
    """Whether every method word names a thing or a job, the word after it being a thing: "hanging
    baskets", "a photographer to shoot our wedding" (not "hang myself", "drown in the canal")."""
    at = [k for k, t in enumerate(toks) if t.tags & _METHODS]
    for k in at:
        j = k + 1
        while j < len(toks) and toks[j].text in ("our", "the", "a", "an", "some", "your", "their"):
            j += 1
        nxt = toks[j] if j < len(toks) else None
        if nxt is None or nxt.tags or nxt.text in _NOT_A_THING or nxt.text.isdigit():
            return False
    return bool(at)


def _whole_signs(clauses: list[list[_Token]]) -> CrisisSignal | None:
    """What a message says across its clauses that no one clause says, read in turn: affairs settled,
    a means sought or taken, menace and weapons, control and exploitation, a home or a body in danger."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    has = set(words)
    for read in _WHOLE_READERS:
        found = read(clauses, toks, words, has)
        if found is not None:
            return found
    return None


def _sig(kind: str, phrase: str, tier: str = "crisis", about: str = "self") -> CrisisSignal:
    return CrisisSignal(kind, phrase, tier=tier, about=about)


def _affairs_settled(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Affairs put in order and a farewell; a death of one's own soon; the time come."""
    third = has & {"he", "she", "his", "her", "they", "him"} and not has & {"i", "me", "my"}
    who = "other" if third else "self"
    settled = (
        _has(words, _SETTLED)
        or _has(words, (("looked", "after"),))
        and _has(words, (("that", "is", "everything"),))
    )
    gave = any(w.startswith(("gave", "giv")) for w in words)
    given_to = gave and bool(has & {"to", "away"})  # "gave my cat to my sister", "giving her things away"
    reason = has & (_MOVING | _TRIPS | _CLEARING_OUT) - {"hospital"}  # a move, a clear-out, a divorce
    if settled and (_has(words, _THANKS_FOR_ALL) or given_to) and not (given_to and reason):
        return _sig("suicide", "affairs settled ... given or thanked", about=who)
    acts = sum(_has(words, (act,)) for act in _SETTLING_ACTS)
    tried = _has(
        words, (("tried", "to", "end", "it"), ("tried", "to", "kill"), ("attempted",), ("tried", "before"))
    )
    warning = [given_to, _has(words, _A_LAST_CALM), _has(words, _STARVING), acts > 0]
    if tried and sum(warning) >= 2:
        return _sig(
            "suicide", "tried before, and the signs again", about=who
        )  # "given her cat away, feels calm"
    if (given_to or _has(words, _A_LAST_CALM)) and acts >= 2 and not reason:
        return _sig(
            "suicide", "affairs settled one by one", about=who
        )  # debts paid, phone cancelled, pet given
    need_none = any(
        words[k : k + len(q)] == list(q)
        and words[k + len(q) : k + len(q) + 1]
        in ([], ["them"], ["it"], ["anything"], ["any"], ["anymore"], ["after"])
        for q in _WONT_NEED
        for k in range(len(words))
    )  # "won't be needing them" (not "won't be needing my bus pass")
    if need_none and (gave or has & ({"belongings", "possessions"} | _CLOSING)):
        return _sig("suicide", "given away or closed ... wont need", about=who)
    for k in range(len(words) - 2):
        if words[k : k + 3] == ["before", "the", "end"] and (k + 3 >= len(words) or words[k + 3] != "of"):
            if settled or has & {"everything", "affairs", "tidied", "sorted"}:
                return _sig("suicide", "settled before the end")
    soon_after = any(
        words[k : k + len(q)] == list(q) and _has(words[k + len(q) : k + len(q) + 3], _SOON)
        for q in _OWN_DEATH
        for k in range(len(words))
    )  # "if i die this week" (not "when i die i want a green burial ... hospital tomorrow")
    if _has(words, _OWN_DEATH) and (soon_after or _has(words, _BEFORE_I_ACT)):
        return _sig("suicide", "if i die ... soon")
    tired = any(
        words[k : k + len(q)] == list(q)
        and words[k + len(q) : k + len(q) + 1] not in (["to"], ["with"], ["for"])
        for q in _TIRED_OF_IT
        for k in range(len(words))
    )  # not "tired of trying to get glastonbury tickets"
    if _has(words, _THE_TIME_HAS_COME) and (tired or any(t.tags & {"cant_go_on", "despair"} for t in toks)):
        return _sig("suicide", "tired ... tonights the night")
    return None


_SHOPS = frozenset("chemists chemist pharmacies pharmacy shops supermarkets fferyllfa".split())
_SHORTAGE = frozenset(
    "shortage shortages supply stock prescription kids children baby calpol toddler flu jab jabs".split()
)
_SEVERAL = frozenset("different several three two four multiple each round".split())
_HOSE_WORK = frozenset(
    "garden watering plants wash washing pond plumber leak tap mot garage fix fixed hold repair owner".split()
)


_THE_SAME = (("do", "the", "same"), ("same", "as", "her"), ("same", "as", "him"), ("same", "thing"))
_MY_WEIGHT = (
    ("take", "my", "weight"),
    ("hold", "my", "weight"),
    ("bear", "my", "weight"),
    ("hold", "me", "up"),
    ("take", "your", "weight"),
    ("hold", "your", "weight"),
)
_PARTY = frozenset(
    "balloon balloons party birthday voice squeaky graduation canister canisters celebration bus".split()
)
_HIGH_FLOORS = frozenset(
    "third fourth fifth sixth seventh eighth ninth tenth top 3rd 4th 5th 6th 7th 8th 9th 10th".split()
)
_DECIDED = frozenset("decided penderfynu mind sure certain".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday sadwrn sul llun".split())
# what a date is picked for, when it is a day out and not an end
_OCCASIONS = frozenset(
    "wedding christening party holiday move moving birthday funeral hen stag do trip opening gig baptism priodas".split()
)
_TOGETHER_AT_THE_END = (
    ("we", "both", "went"),
    ("we", "both", "go"),
    ("both", "of", "us", "went"),
    ("both", "of", "us", "go"),
    ("both", "went"),
)
_NOT_GOING_TO = (("not", "going", "to"), ("dont", "intend"), ("refuse", "to"), ("never", "going", "to"))


def _a_means(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A means sought, researched or taken: going in and not coming out, a means wanted quick, an
    overdose taken, a means researched, where a body will be found, a means gathered round its limits;
    a plan told by its logistics (a knot to take a weight, a bag over the head, a date picked, "the
    same" as in a story, someone going to take everything tonight)."""
    method = any(t.tags & {"jump", "hang", "high_place", "water", "overdose", "substance"} for t in toks)
    leisure = has & _DIPS or any(t.text.startswith(_LEISURE + _THRILLS) for t in toks)
    if (
        method
        and _has(words, _THE_SAME)
        and has & {"i", "me"}
        and any(t.tags & {"desire"} for t in toks)
        and not leisure
    ):
        return _sig(
            "suicide", "to do the same"
        )  # "in the film the girl jumps off the bridge. i want to do the same"
    if _has(words, (("take", "the", "lot"), ("taken", "the", "lot"), ("took", "the", "lot"))) and has & {
        "dead",
        "die",
        "ambulance",
    }:
        return _sig("suicide", "the lot ... dead")  # "dead before the ambulance comes if i take the lot"
    if (
        has & {"bag", "bags"}
        and _has(words, (("over", "my", "head"), ("over", "my", "face")))
        and not has & _PARTY
    ):
        return _sig("suicide", "a bag over my head")  # "i'm going to put a plastic bag over my head tonight"
    emptied = _has(words, (("taken", "everything"), ("took", "everything"), ("swallowed", "everything")))
    if emptied and has & {"cabinet", "cupboard", "drawer", "medicine", "box"}:
        return _sig("suicide", "taken everything in the cabinet", tier="urgent")
    weight = _has(words, _MY_WEIGHT) and has & {"knot", "rope", "belt", "beam", "hook", "cord", "scarf"}
    if weight and not has & _ROPE_WORK:
        return _sig("suicide", "a knot to take my weight")  # "how to tie a knot that will take my weight"
    if "helium" in has and has & {"bag", "painless", "breathe", "breathing", "hood"} and not has & _PARTY:
        return _sig("suicide", "helium and a bag")
    floor = any(
        w == "floor" and words[k - 1 : k] and words[k - 1] in _HIGH_FLOORS for k, w in enumerate(words)
    )
    if (
        floor
        and _has(words, (("do", "it"), ("kill", "me"), ("survive",), ("definitely",)))
        and has & {"fall", "jump"}
    ):
        return _sig(
            "suicide", "a fall from a high floor asked of"
        )  # "would a fall from the fourth floor do it"
    if (
        _has(
            words,
            (
                ("picked", "a", "date"),
                ("set", "a", "date"),
                ("chosen", "the", "day"),
                ("dewis", "y", "dyddiad"),
            ),
        )
        and (has & _DECIDED or len(words) <= 8 and has & _WEEKDAYS)
        and not has & _OCCASIONS
    ):
        return _sig("suicide", "a date picked, decided")  # "i've picked a date. sunday. dw i wedi penderfynu"
    if _has(words, _TOGETHER_AT_THE_END) and has & {"kinder", "better", "easier", "peaceful", "best"}:
        return _sig("suicide", "both to go together", about="other")  # "kinder if we both went together"
    fasting = has & {
        "fasting",
        "fast",
        "ramadan",
        "diet",
        "operation",
        "surgery",
        "test",
        "sunset",
        "iftar",
        "till",
        "until",
    }
    if _has(words, _STARVING) and _has(words, _NOT_GOING_TO) and not fasting:
        return _sig(
            "self-harm", "not eating, and not going to"
        )  # "haven't eaten for four days and i'm not going to"
    for k, w in enumerate(words):  # "my friend said she's going to take everything in her cupboard tonight"
        if w in ("she", "he", "they") and words[k + 1 : k + 4] in (
            ["is", "going", "to"],
            ["was", "going", "to"],
        ):
            rest = toks[k + 4 : k + 10]
            taking = rest and rest[0].text in ("take", "swallow") and any(t.tags & {"amount"} for t in rest)
            if taking and (
                any(t.tags & {"substance", "poison"} for t in rest)
                or {"everything", "lot"} & {t.text for t in rest}
            ):
                if has & {"tonight", "now", "today", "heno"}:
                    return _sig("suicide", "going to take everything tonight", about="other")
    substance = any(t.tags & {"substance", "poison"} for t in toks)
    shopping = has & _SHOPS and has & _SEVERAL and has & {"enough", "lot", "lots", "more", "loads"}
    if shopping and substance and not has & _SHORTAGE:
        return _sig("suicide", "a means gathered round its limits")  # "three chemists to get enough"
    quick = has & {"quick", "quickest", "instant", "instantly", "painless", "survive", "die"}
    in_front = any(
        w == "front" and words[k - 1 : k] == ["in"] and any(t.tags & {"vehicle"} for t in toks[k + 1 : k + 5])
        for k, w in enumerate(words)
    )
    if in_front and quick and any(t.tags & {"jump"} for t in toks):
        return _sig(
            "suicide", "in front of a vehicle ... quick"
        )  # "is it quick if you step in front of a lorry"
    led_in = _has(
        words,
        (
            ("parked", "up"),
            ("waiting",),
            ("till", "dark"),
            ("into", "the", "car"),
            ("through", "the", "window"),
        ),
    )
    if has & {"hose", "hosepipe"} and has & {"tape", "exhaust"} and led_in and not has & _HOSE_WORK:
        return _sig("suicide", "a hose and tape", tier="urgent")  # a car's exhaust
    for cl in clauses:
        w = [t.text for t in cl]
        for k in range(len(w) - 2):
            if tuple(w[k : k + 3]) in _NOT_COMING_OUT and w[k - 1 : k] == ["and"]:
                going = [
                    j
                    for j in range(k)
                    if w[j] in _GOING_IN and w[j + 1 : j + 2] in (["into"], ["in"], ["out"])
                ]
                if going and not set(w) & _UNTIL:  # not "go into town and not come back till late"
                    return _sig("suicide", " ".join(w[going[0] : k + 3]))
    places = any(t.tags & {"vehicle", "high_place", "water"} for t in toks)
    rails = _has(words, _FAST_TRAIN + (("level", "crossing"), ("express", "go")))
    if _has(words, _QUICK) and (any(t.tags & {"high_place", "water"} for t in toks) or rails):
        return _sig("suicide", "a means ... want it to be quick")
    if (
        "train" in has | {w.rstrip("s") for w in has}
        and _has(words, _FAST_TRAIN)
        and _has(words, _AT_THE_EDGE)
        and not has & {"watching", "watch", "spotting", "loves", "photos", "photographing"}
    ):
        return _sig("suicide", "a fast train ... the platform edge", tier="urgent")
    leisure = any(
        (
            t.text.startswith(_LEISURE + _THRILLS)
            or t.text in _EVENTS
            or t.text in ("walk", "walks")
            and k
            and words[k - 1] in _A_WALK
        )
        and "not" not in words[max(0, k - 3) : k]
        for k, t in enumerate(toks)
    )  # "tide times for dog walks" (not "its not for a walk")
    for_a_thing = _for_a_thing(words) or has & {"ladder", "ladders", "scaffold", "scary", "roofer"}
    if any(t.tags & {"high_place"} for t in toks) and _has(words, _EASY) and not leisure and not for_a_thing:
        return _sig("suicide", "a high place ... easy")
    methods = any(t.tags & (_METHODS - {"jump"}) or t.text.startswith("jump") for t in toks)
    methods = methods and not _for_a_thing(words)  # not "how long does it take to drive to llandudno"
    researched = has & _RESEARCHING or _has(words, _LOOKING_UP) or _has(words, _LAST_LONG)
    if methods and researched and not leisure and not _a_thing_named(toks):
        if not any(t.text in _TOPIC_FRAME for t in toks):
            return _sig("suicide", "a means researched")
    denied = any(
        words[k : k + 2] in (["not", "for"], ["isnt", "for"]) and words[k + 2 : k + 3] not in _FOR_SOMEONE
        for k in range(len(words))
    ) or _has(words, (("dont", "ask", "why"),))
    if denied and (places or has & {"helium", "rope", "tablets", "pills", "paracetamol"}):
        return _sig("suicide", "a means, its purpose denied")  # "a helium canister tonight, not for balloons"
    way_in = any(
        t.tags & {"jump"} and words[k + 1 : k + 2] in (["into"], ["off"]) for k, t in enumerate(toks)
    )
    deep = any(t.tags & {"high_place", "water"} for t in toks)
    if _has(words, _LAST_LONG) and (deep or way_in) and has & {"i", "me"} and not leisure:
        return _sig("suicide", "how long would i last")
    done_where = sum(_has(words, (q,)) for q in _DONE_WHERE)
    if _has(words, _BODY_FOUND) or done_where >= 2 or done_where and places:
        return _sig("suicide", "where i would be found")
    lethal = has & (_DEADLY | {"fatal", "lethal"}) or _has(
        words, (("stops", "your", "heart"), ("stop", "my", "heart"))
    )
    asked_most = has & {"most", "max", "maximum"} or _has(words, (("how", "many"), ("how", "much")))
    if (
        lethal
        and asked_most
        and any(t.tags & {"substance", "poison"} for t in toks)
        and not has & _TOPIC_FRAME
    ):
        return _sig(
            "suicide", "a lethal amount asked"
        )  # "whats the most paracetamol u can take before its fatal"
    if _has(words, (("life", "insurance"),)) and _has(words, _PROVIDES):
        return _sig(
            "suicide",
            "life insurance to provide",
            about="other" if has & {"he", "his", "she", "her"} else "self",
        )
    farewells = sum(_has(words, (q,)) for q in _FAREWELLS)
    if (
        farewells >= 2
        or farewells
        and has & {"bye", "goodbye"}
        and _has(words, _SETTLED + (("sorted", "my", "will"),))
    ):
        return _sig("suicide", "farewells")  # "sori am bopeth. caru chi i gyd. peidiwch a chwilio amdana i"
    if _has(words, (("no", "turning", "back"), ("dim", "troi", "n", "ol"))) and has & {
        "bought",
        "prynais",
        "got",
        "ordered",
    }:
        return _sig("suicide", "bought, no turning back")
    if _has(words, _ABSENT + (("ddim", "yma", "erbyn"),)) and has & {"decided", "penderfynu", "mind"}:
        return _sig("suicide", "decided, not here by then")
    if _has(words, (("signing", "off"),)) and has & {"forever", "byth", "good"}:
        return _sig("suicide", "signing off forever")
    talked = any(t.tags & {"talk_of"} for t in toks)
    off_a_height = any(t.tags & {"jump"} for t in toks) and any(t.tags & {"high_place"} for t in toks)
    if talked and off_a_height and not any(t.text.startswith(_LEISURE + _THRILLS) for t in toks):
        return _sig(
            "suicide", "talking of jumping from a height", about="other"
        )  # "my son is talking about jumping off the multi storey"
    if _has(words, _NO_SURVIVING):
        return _sig("suicide", "not to survive it")
    over_the_edge = (
        _has(words, _OVER_THE_EDGE)
        or "last" in has
        and not _has(words, (("last", "night"), ("last", "week")))
    )
    if any(t.tags & {"high_place"} for t in toks) and over_the_edge:
        return _sig(
            "suicide", "a high place ... over the edge"
        )  # "top floor of the multi storey ... i'm going over"
    rope = has & {"rope", "rhaff", "noose", "ligature", "lead", "cord"}
    hung = has & {"beam", "banister", "hook", "tree", "hung", "hanging"} and has & {
        "me",
        "myself",
        "tonight",
        "ready",
        "i",
    }
    kept = has & {"garage", "garej", "loft", "shed", "sied"} and has & {
        "now",
        "rwan",
        "tonight",
        "heno",
        "know",
        "wybod",
    }
    hung = hung and not has & {"swing", "siglen", "hammock", "tyre"}  # "a rope for the tree swing"
    ready = (has & {"ready", "barod"} or kept) and not has & _ROPE_WORK
    if rope and (hung or ready and has & {"rope", "rhaff", "noose", "ligature"}):
        return _sig("suicide", "a rope made ready")  # "hefyd mae'r rhaff yn barod yn y garej"
    in_the_bath = _has(
        words, (("in", "the", "bath"), ("in", "a", "bath"), ("yn", "y", "bath"), ("in", "the", "tub"))
    )
    if (
        in_the_bath
        and has & _BLADES
        and has & {"i", "im", "me"}
        and not has & {"clean", "cleaning", "stuck", "plughole", "dropped", "rusty"}
    ):
        return _sig("self-harm", "in the bath with a blade", tier="urgent")  # "i'm in the bath with a razor"
    painless = has & {"painless", "painful"} and has & {"way", "ways", "method", "methods"}
    painless = painless or _has(
        words, (("ways", "to", "do", "it"), ("way", "to", "do", "it"), ("ways", "to", "die"))
    )
    errand = any(
        w in ("way", "ways")
        and words[k + 1 : k + 2] == ["to"]
        and words[k + 2 : k + 3] not in (["die"], ["go"], ["end"], ["do"])
        for k, w in enumerate(words)
    )
    in_a_game = has & (_GAMING | {"game", "games", "speedrun", "gem"})
    if (
        (has & _RESEARCHING or _has(words, _LOOKING_UP) or has & {"read", "reading"})
        and painless
        and not errand
        and not in_a_game
    ):
        return _sig("suicide", "painless ways researched")  # "i keep googling painless ways"
    for cl in clauses:  # a painless way, of nothing named: "what's the quickest painless way. asking for me"
        said = [t.text for t in cl]
        for k, w in enumerate(said):
            rest = said[k + 1 : k + 3]
            unnamed_end = not rest or rest in (
                ["to", "go"],
                ["to", "die"],
                ["to", "do"],
                ["out"],
                ["to", "end"],
            )
            if (
                w in ("way", "ways", "method", "methods")
                and set(said[max(0, k - 2) : k]) & _PEACEFUL
                and unnamed_end
            ):
                return _sig("suicide", "a painless way")
    enough = any(
        w == "enough" and _has(words[k + 1 : k + 6], (("to", "do", "it"), ("to", "end", "it"), ("to", "die")))
        for k, w in enumerate(words)
    )
    if enough and any(t.tags & {"substance", "poison"} for t in toks):
        return _sig("suicide", "enough to do it")  # "i only need enough paracetamol to do it once"
    unnamed = has & {"something", "what", "stuff", "everything"} or any(t.tags & {"substance"} for t in toks)
    if (
        _has(words, (("to", "do", "it", "with"), ("need", "to", "do", "it"), ("to", "end", "it")))
        and has & {"ordered", "bought", "got", "buying", "order", "purchased"}
        and unnamed
    ):
        return _sig("suicide", "bought to do it with")  # "ordered something online to do it with"
    if (
        _has(words, _EUPHEMISMS)
        and (_has(words, _YOU_KNOW) or "forever" in has)
        and not has & {"shift", "shifts", "work"}
    ):
        return _sig("suicide", "a long sleep, if you know what i mean")
    thanked = _has(words, (("thank", "you", "for", "everything"), ("thanks", "for", "everything")))
    if (
        thanked
        and not _has(words, (("for", "now"),))
        and has & {"goodbye", "bye", "farewell", "ffarwel"}
        and not has
        & {
            "later",
            "soon",
            "christmas",
            "team",
            "moving",
            "holiday",
            "see",
            "next",
            "till",
            "tan",
            "nesa",
            "tomorrow",
            "week",
        }
    ):
        return _sig("suicide", "thanks for everything ... goodbye")
    along = any(
        w in ("take", "taking")
        and "with" in words[k + 1 : k + 5]
        and words[words.index("with", k + 1) + 1 : words.index("with", k + 1) + 2] == ["me"]
        and words[words.index("with", k + 1) + 2 : words.index("with", k + 1) + 3]
        not in (["to"], ["on"], ["for"], ["shopping"])
        for k, w in enumerate(words)
    )
    ominous = has & {
        "asleep",
        "bed",
        "together",
        "forever",
        "heaven",
        "end",
        "goodbye",
        "sorry",
        "suffer",
        "without",
    }
    if along and ominous and has & (_CHILD_WORDS | {"kids", "children", "boys", "girls", "them"}):
        return _sig(
            "danger", "taking the children with me", about="other"
        )  # "the kids are asleep. i'm going to take them with me"
    for k, w in enumerate(words):
        if w not in _TAKEN:
            continue
        after = words[k + 1 : k + 8]
        amount = _has(
            after[:7],
            (
                ("the", "lot"),
                ("all", "of", "them"),
                ("too", "many"),
                ("too", "much"),
                ("whole",),
                ("everything",),
            ),
        )
        extra = _has(after[:4], (("few", "extra"), ("extra", "tablets"), ("extra", "pills")))
        amount = amount or extra and _has(words, _FADING)  # "took a few extra tablets lol, just sleepy"
        n = next((int(x) for x in after[:3] if x.isdigit()), 0)
        dose = n >= 10 and not set(after) & (_DOSE_UNITS | _ROUTINE)
        substance = any(t.tags & {"substance", "poison"} for t in toks[k + 1 : k + 8])
        treats = has & (_TREATS | _DRINKS)
        fading = _has(words, _FADING) and not treats  # not "necked 10 jagerbombs, bit dizzy now"
        if (amount or dose) and (substance and dose or fading or amount and substance):
            who = (
                "other"
                if words[k - 1 : k] in (["they"], ["he"], ["she"])
                or words[k - 2 : k - 1] in (["they"], ["he"], ["she"])
                else "self"
            )
            if not set(after) & _ROUTINE:
                return _sig("suicide", "taken " + " ".join(after[:4]), tier="urgent", about=who)
    return None


_PEOPLE_THREATENED = frozenset("us you u ya yous me him her them everyone everybody your ur our my".split())


_DIPS = frozenset("charity dip dips swim swimming paddle paddling fun love loves sponsored rnli".split())


_HOUSEHOLD = frozenset("mam mum mom dad nan gran sister brother flatmate flatmates wife husband".split())
_TRIFLES = frozenset("late tea dinner yoghurt yogurt homework room mess chocolate charger again".split())


def _a_household_joke(words: list[str]) -> bool:
    """ "my mam sent a text saying she'll kill me if i'm late for tea again lol": a household's figure of
    speech (a laugh, or a trifle named by family), not a threat."""
    has = set(words)
    return bool(has & _JOKING) or bool(has & _HOUSEHOLD and has & _TRIFLES)


def _a_person_threatened(words: list[str], j: int) -> bool:
    """Whether `words[j]` threatens a person: "burn us out", "kill your family", "kill muslims", "die
    grass", "you're dead" (not "burn the rubbish", "shoot a video", "kill off the route")."""
    w, nxt = words[j], words[j + 1 : j + 2]
    if w == "dead":
        return words[j - 1 : j] in (["are"], ["be"], ["am"])
    if w in ("die", "bomb", "bombs"):
        return words[j + 1 : j + 2] not in (["drill"], ["scare"], ["alert"], ["test"], ["bath"])
    if w not in _THREAT_VERBS:
        return False
    if nxt and nxt[0] in _PEOPLE_THREATENED:
        return True
    return (
        w.startswith(("kill", "murder", "lladd"))
        and bool(nxt)
        and nxt[0] not in _NOT_A_KILLING | _DETERMINERS
    )


_THREAT_VERBS = frozenset("kill killing murder burn stab shoot hurt lladd llosgi".split())


def _menace(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Menace and weapons: something put in a drink that must not be found, a weapon carried or found,
    a threat said by another or in writing, a bullet or dead animals left, hands pressed on a throat or a
    hand over a face, a caller pressing for money, a killing planned, someone got rid of for good."""
    put_in = any(w in ("put", "slip", "add", "mix", "poison") for w in words) and has & _FOOD_OR_DRINK
    if (
        _has(words, _UNFOUND) and put_in
    ):  # not "does cannabis show up in a drug test", "they want a post mortem"
        return _sig("danger", "in a drink ... not found", about="other")
    weapon = [k for k, t in enumerate(toks) if "weapon" in t.tags or t.text == "machete"]
    if weapon:
        carried = has & _CARRYING and _has(words, _PURPOSE)
        hidden = (
            "found" in has and has & _HIDDEN_IN and has & {"son", "daughter", "his", "her", "lad", "brother"}
        )
        if carried or hidden or _has(words, (("for", "protection"),)):
            return _sig("danger", toks[weapon[0]].text + " ... carried", about="other")
    to_hurt = (
        ("wont", "walk"),
        ("teach", "him"),
        ("teach", "her"),
        ("sort", "him"),
        ("sort", "her", "out"),
        ("to", "get", "him"),
    )
    raging = has & {
        "shouting",
        "screaming",
        "gweiddi",
        "sgrechian",
        "drunk",
        "meddw",
        "raging",
        "threatening",
    }
    if weapon and raging and not has & {"film", "telly", "tv", "game", "play", "hunting", "clay"}:
        return _sig(
            "danger", toks[weapon[0]].text + " ... raging", tier="urgent", about="other"
        )  # "dad's got the gun out, shouting at mum"
    if has & _TOOLS_AS_WEAPONS and _has(words, _GOING_ROUND) and _has(words, to_hurt):
        return _sig("danger", "going round with a weapon", about="other")
    hiding = _has(words, (("i", "am", "hiding"), ("hiding", "at"), ("hiding", "in"), ("hiding", "from")))
    if (
        hiding
        and not has & {"seek", "game", "pretending"}
        and _has(words, (("looking", "for", "me"), ("searching", "for", "me")))
    ):
        return _sig(
            "danger", "hiding ... looking for me"
        )  # "hiding at my friend's, he's driving round looking for me"
    if _has(words, _MENACES) and has & _MENACERS:
        return _sig("abuse", "a menace said")
    for k, w in enumerate(words):  # a threat in writing: "a note through the door saying they'll burn us out"
        if w in _WRITTEN and set(words[k + 1 : k + 6]) & _SAYING and not _a_household_joke(words):
            if any(_a_person_threatened(words, j) for j in range(k + 2, min(len(words), k + 16))):
                return _sig("danger", w + " saying ... kill", about="other")
    dead = [words[k + 1] for k, w in enumerate(words[:-1]) if w == "dead" and words[k + 1] in _CARCASSES]
    someone = has & {"someone", "somebody", "they", "he", "she", "neighbour", "neighbours"}
    if dead and someone and has & _LEFT_AT and not (has & (_PETS | {"fox", "cat"})) - set(dead):
        return _sig("danger", "dead " + dead[0] + " left", about="self")
    if (
        (
            _has(words, (("shoot", "up"), ("shooting", "up")))
            or _has(words, (("going", "to", "shoot"), ("gonna", "shoot")))
        )
        and has & _CROWDS
        and any(t.tags & {"threat", "desire"} for t in toks)
        and not has
        & {"heroin", "drugs", "gear", "grown", "inches", "tall", "photos", "video", "film", "hoops"}
    ):
        return _sig(
            "danger", "to shoot up a school", about="other"
        )  # "i'm going to shoot up my school tomorrow"
    could = bool(_could_hurt_at(toks))
    readied = any(t.tags & {"weapon", "hands_on_neck", "substance", "poison"} for t in toks) or _has(
        words,
        (
            ("done", "it", "before"),
            ("went", "limp"),
            ("in", "my", "pocket"),
            ("yn", "fy", "mhoced"),
            ("where", "he", "lives"),
            ("where", "she", "lives"),
            ("nobody", "would", "know"),
            ("the", "body"),
            ("going", "round"),
            ("tonight",),
        ),
    )
    if could and readied:
        return _sig(
            "danger", "i could ... and the means or the past", about="other"
        )  # "i could stab him, the knife's in my pocket"
    if (
        _has(words, _SLAYING)
        and any(
            t.tags & {"kill"}
            and toks[k + 1 : k + 3]
            and any(u.tags & {"third", "victim"} for u in toks[k + 1 : k + 3])
            for k, t in enumerate(toks)
        )
        and not has & {"lol", "game", "film", "book", "character"}
    ):
        return _sig(
            "danger", "a killing planned", about="other"
        )  # "i've thought about exactly how i'd kill my neighbour"
    drive_in = any(
        t.tags & {"jump"}
        and words[k + 1 : k + 2] == ["into"]
        and any(u.tags & {"water"} for u in toks[k + 2 : k + 5])
        for k, t in enumerate(toks)
    ) or any(
        w in ("drove", "drive", "driving")
        and words[k + 1 : k + 2] == ["into"]
        and any(u.tags & {"water"} for u in toks[k + 2 : k + 5])
        for k, w in enumerate(words)
    )
    drive_in = drive_in and not has & (_DIPS | {"wash"})
    if drive_in and _has(
        words, (("with", "them"), ("with", "the", "kids"), ("with", "the", "children"), ("with", "us"))
    ):
        return _sig("danger", "into the river with them", tier="urgent", about="other")
    placed = any(
        w in _TOKENS_OF_DEATH and set(words[max(0, k - 4) : k + 4]) & _PLACED for k, w in enumerate(words)
    )
    if placed and has & (_LEFT_AT | {"windscreen", "name"}) and not has & (_TOYS_AND_FINDS | _PETS):
        return _sig("danger", "a bullet left", about="self")  # "left a bullet on the step with our name"
    for k, w in enumerate(words):  # "he holds a pillow over my face when we argue"
        if (
            w in _SMOTHER
            and words[k + 1 : k + 2] in (["over"], ["on"])
            and words[k + 2 : k + 3] in (["my"], ["her"], ["his"])
        ):
            light = has & {
                "light",
                "sleep",
                "sleeping",
                "nap",
                "snoring",
                "noise",
                "noisy",
                "neighbours",
                "films",
                "film",
                "scary",
                "telly",
                "tv",
                "wimp",
            }
            if (
                words[k + 3 : k + 4] in (["face"], ["mouth"], ["head"])
                and not has & {"baby", "babi"}
                and not light
            ):
                return _sig("abuse", w + " over ... face", about="self" if words[k + 2] == "my" else "other")
    caller = _has(words, _A_CALLER)
    pressed = has & {"arrest", "arrested", "arestio", "heddlu", "police", "bank"} and has & _PAY_NOW
    if caller and pressed and _has(words, _STILL_ON) and not _has(words, _HUNG_UP):
        return _sig("danger", "a caller pressing for money now", about="self")  # a scam under way
    if (any(t.tags & {"weapon"} for t in toks) or has & _ARMS) and has & _WANTING:
        for k, w in enumerate(words):
            target = words[k + 1 : k + 3]
            if w == "for" and (
                target[:1] in (["him"], ["her"])
                or target[:1] == ["my"]
                and target[1:]
                and target[1] in _PARTNERS | {"ex", "neighbour"}
            ):
                if not has & {
                    "toy",
                    "nerf",
                    "water",
                    "birthday",
                    "present",
                    "christmas",
                    "gift",
                    "kitchen",
                    "chef",
                }:
                    return _sig("danger", "a weapon wanted for " + " ".join(target), about="other")
    if not has & _NOT_A_THREAT_TO_A_NECK:
        for k, w in enumerate(words):
            if (
                w in _PRESSING
                and set(words[k + 1 : k + 4]) & _THROAT
                and (
                    words[k + 1 : k + 2] in (["my"], ["her"], ["me"], ["fy"], ["ei"])
                    or words[k + 1 : k + 3] in (["on", "my"], ["on", "her"])
                )
            ):
                return _sig(
                    "abuse", w + " ... throat", about="other" if "her" in words[k + 1 : k + 3] else "self"
                )
    rid = [k + 3 for k in range(len(words) - 3) if words[k : k + 3] == ["get", "rid", "of"]]
    person = any(
        toks[j].tags & {"third", "partner", "victim"} or words[j] in ("him", "her")
        for k in rid
        for j in range(k, min(k + 4, len(toks)))
    )
    choked = has & {
        "strangle",
        "strangles",
        "strangled",
        "strangling",
        "choke",
        "chokes",
        "choked",
        "choking",
        "throttle",
    }
    if choked and "sex" in has and not has & _NOT_A_THREAT_TO_A_NECK:
        return _sig(
            "abuse", "strangled during sex"
        )  # "is it normal for your boyfriend to strangle you during sex"
    if person and has & _FOR_GOOD_PERSON:  # "my mother in law permanently" (not "my mice for good")
        return _sig("danger", "get rid of someone for good", about="other")
    return None


_DECADE_OF_LIFE = re.compile(r"[2-9]0s")
# an adult at a child's bed at night: "makes me sleep in his bed", "mae fy llystad yn dod i fy stafell i yn y nos"
_PAPERS_KEPT = (
    ("hidden", "my", "passport"),
    ("hid", "my", "passport"),
    ("took", "my", "passport"),
    ("taken", "my", "passport"),
    ("has", "my", "passport"),
    ("passport", "was", "taken"),
    ("taken", "her", "passport"),
    ("cuddio", "fy", "mhasbort"),
    ("cuddio", "fy", "pasbort"),
)
_NIGHT_VISITS = (
    ("me", "sleep", "in", "his", "bed"),
    ("her", "sleep", "in", "his", "bed"),
    ("him", "sleep", "in", "his", "bed"),
    ("me", "get", "in", "his", "bed"),
    ("into", "my", "bed", "at", "night"),
    ("comes", "into", "my", "room", "at", "night"),
    ("comes", "in", "my", "room", "at", "night"),
    ("dod", "i", "fy", "stafell"),
    ("dod", "i", "fy", "ystafell"),
)
# a child changed without a reason given: "started wetting the bed again and won't say why"
_A_CHILD_CHANGED = (
    ("wetting", "the", "bed"),
    ("wont", "say", "why"),
    ("scared", "to", "go"),
    ("doesnt", "want", "to", "go"),
    ("refuses", "to", "go"),
)
_ONLINE_PLACES = frozenset(
    "online roblox snapchat snap instagram insta tiktok discord fortnite minecraft whatsapp messaging messages "
    "messaged chatting dms".split()
)
_TO_MEET = frozenset("meet meeting pictures photos pics secret alone own address webcam".split())
# a harm that shows, and no way out of it: "she's got bruises every time i see her ... mouthed 'help me'"
_VISIBLE_HARM = (
    ("split", "lip"),
    ("black", "eye"),
    ("bruises",),
    ("bruised",),
    ("bruising",),
    ("cleisiau",),
)
_NO_WAY_OUT = (
    ("coming", "to", "find"),
    ("looking", "for", "her"),
    ("looking", "for", "me"),
    ("nowhere", "to", "go"),
    ("help", "me"),
    ("wont", "leave", "her", "alone"),
    ("never", "leaves", "her"),
    ("not", "allowed", "out"),
)
# kept behind a locked door: "a man locks her in a house"
_LOCKED_IN = (
    ("locks", "her", "in"),
    ("locks", "me", "in"),
    ("locked", "her", "in"),
    ("locked", "me", "in"),
    ("keeps", "me", "locked"),
    ("been", "locked", "in"),
    ("locked", "in", "my", "room"),
    ("keeps", "her", "locked"),
    ("cloi", "fi", "yn"),
    ("fy", "nghloi"),
)


def _kept_behind_a_lock(words: list[str], has: set[str]) -> bool:
    """A door locked on people, and they cannot leave: "brought here for job, now locked in house, cannot
    leave", "they lock the door of the house when we finish work, i cannot go out" (not "locked out,
    can't get in", "locked myself in the loo lol", "locked in a contract, can't leave till March")."""
    locks = [k for k, w in enumerate(words) if w in _LOCKS]
    if not locks or not _has(words, _CANNOT_LEAVE) or has & _NOT_KEPT or has & _JOKING:
        return False
    if not has & _KEPT_WHERE:
        return False  # "my phone is locked and i cant get out of this screen", "the park gates got locked"
    return (
        any(
            words[k + 1 : k + 2] not in (["out"], ["up"]) and words[k - 1 : k] not in (["i"], ["we"])
            for k in locks
        )
        and not has & _SELVES
    )  # (who locks "we lock the door at night" is the writer)


_LOCKS = frozenset("locked lock locks locking cloi gloi nghloi chloi".split())
_CANNOT_LEAVE = (
    ("methu", "gadael"),
    ("methu", "mynd", "allan"),
    ("ddim", "yn", "cael", "gadael"),
    ("ddim", "yn", "cael", "mynd", "allan"),
    ("cannot", "leave"),
    ("cant", "leave"),
    ("cannot", "go", "out"),
    ("cant", "go", "out"),
    ("cannot", "get", "out"),
    ("cant", "get", "out"),
    ("not", "allowed", "out"),
    ("not", "allowed", "to", "leave"),
    ("not", "allowed", "to", "go", "out"),
)
_NOT_KEPT = frozenset(
    "contract contracts gontract chontract tenancy lease deal mortgage tariff plan membership subscription "
    "accident accidentally stuck sticking sticks jammed broken keys key isolating isolate covid ward "
    "hospital playing game escape".split()
)
# where people are kept: a house, a room, a flat
_KEPT_WHERE = frozenset("house flat room bedroom home ty tŷ stafell ystafell fflat cartref".split())
_SELVES = frozenset("myself himself herself themselves ourselves itself yourself".split())
# waking with no memory, undressed: "woke up with no memory of getting there, my clothes were off"
_NO_MEMORY = (
    ("no", "memory"),
    ("cant", "remember", "anything"),
    ("dont", "remember", "anything"),
    ("dont", "remember", "how"),
    ("blacked", "out"),
    ("dim", "cof"),
    ("no", "idea", "how"),
)
_UNDRESSED = (
    ("clothes", "were", "off"),
    ("clothes", "off"),
    ("clothes", "missing"),
    ("naked",),
    ("no", "underwear"),
    ("knickers", "off"),
)
# the signs of people kept for their work: "picked up in a van at 5am ... windows covered ... asked me for food"
_SLAVERY_SIGNS = (
    ("picked", "up", "in", "a", "van"),
    ("never", "leave"),
    ("sleep", "upstairs"),
    ("live", "upstairs"),
    ("picked", "up", "in", "a", "minibus"),
    ("windows", "covered"),
    ("windows", "blacked", "out"),
    ("asked", "me", "for", "food"),
    ("asked", "for", "food"),
    ("never", "seen", "out"),
    ("no", "shoes"),
    ("living", "in", "the", "house"),
    ("living", "in", "one", "house"),
    ("sleep", "in", "the", "back"),
    ("same", "clothes"),
)
# the signs of a child drawn into carrying drugs: new phones and trainers, a second phone, older lads
_LINES_SIGNS = (
    ("new", "phones"),
    ("new", "trainers"),
    ("second", "phone"),
    ("two", "phones"),
    ("older", "lads"),
    ("older", "boys"),
    ("older", "men"),
    ("pick", "him", "up"),
    ("picks", "him", "up"),
    ("pick", "her", "up"),
    ("take", "him", "to"),
    ("missing", "for", "days"),
    ("wads", "of", "cash"),
    ("lots", "of", "cash"),
)


_CHILDHOOD_PLACES = frozenset("nursery school trip play soft class kids children pupils hostel".split())
_THEIR_PAPERS_KEPT = (
    ("has", "their", "passports"),
    ("has", "all", "their", "passports"),
    ("took", "their", "passports"),
    ("keeps", "their", "passports"),
    ("taken", "their", "passports"),
    ("has", "their", "ids"),
)


def _control_and_exploitation(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Help sought in secret from a partner; control act after act; a child handed between men, lured,
    groomed by an adult, or in pictures; rent to be paid 'another way'; workers kept where they work."""
    young = [a for cl in clauses for a in _ages(cl) if a < 16] or has & _TEENS
    exposing = any(
        words[k : k + 3] == ["showing", "himself", "to"]
        or words[k : k + 2] in (["exposing", "himself"], ["exposed", "himself"])
        for k in range(len(words))
    )  # (never "showing himself up", "showing himself as santa", "flashing the kids a smile")
    if exposing and has & (_YOUNG_CHILD | _TEENS | {"girls", "boys", "schoolgirls", "pupils"}):
        return _sig("sexual-violence", "a man exposing himself to children", about="other")
    if _has(words, _NIGHT_VISITS) and (
        has & _ADULT_ROLES or has & {"dad", "father", "llystad", "tad", "nhad"}
    ):
        return _sig(
            "sexual-violence", "an adult in a child's bed at night", about="self"
        )  # "make me sleep in his bed? i'm 11"
    offender = has & {"prison", "jail", "offender", "register", "paedo", "paedophile"} and _has(
        words,
        (
            ("for", "stuff", "with"),
            ("for", "things", "with"),
            ("sex", "offender"),
            ("offences", "against"),
            ("on", "the", "register"),
        ),
    )
    if offender and has & {"babysit", "babysitting", "babysits", "alone", "now", "staying"}:
        return _sig("sexual-violence", "an offender with children now", about="other")
    kept_back = _has(
        words, (("stay", "behind"), ("on", "her", "own"), ("on", "his", "own"), ("alone", "with"))
    )
    if has & _ADULT_ROLES and kept_back and _has(words, _A_CHILD_CHANGED):
        return _sig("sexual-violence", "an adult alone with a child who has changed", about="other")
    if _has(words, (("nobody", "feeds", "us"), ("no", "one", "feeds", "us"), ("nobody", "feeds", "me"))):
        return _sig("danger", "a child not fed", about="self")
    grown = has & {"man", "men", "adult", "bloke", "guy", "stranger"} or any(
        _DECADE_OF_LIFE.fullmatch(w) and words[k - 1 : k] in (["his"], ["her"]) for k, w in enumerate(words)
    )  # "a man in his 30s"
    if young and grown and has & _ONLINE_PLACES and has & _TO_MEET:
        return _sig("sexual-violence", "an adult online ... to meet a child", about="other")  # grooming
    visible = _has(words, _VISIBLE_HARM)
    if visible and has & (_PARTNERS | {"husband", "son"}) and _has(words, _NO_WAY_OUT) and not has & _SPORT:
        return _sig(
            "abuse", "hurt, and kept or hunted", about="other"
        )  # "split lip, her partner is coming to find her"
    if _has(words, _LOCKED_IN) and not has & (
        {"accident", "accidentally", "broken", "stuck", "jammed", "joke"} | _JOKING
    ):
        mine = _has(words, tuple(q for q in _LOCKED_IN if set(q) & {"me", "fi", "nghloi"}))
        return _sig("abuse", "locked in", about="self" if mine else "other")
    if _kept_behind_a_lock(words, has):
        mine = has & {"i", "me", "we", "us"}
        return _sig("abuse", "locked in, cannot leave", about="self" if mine else "other")
    if (
        _has(words, _NO_MEMORY)
        and _has(words, _UNDRESSED)
        and has & {"woke", "waking", "stranger", "strangers", "bleeding", "sore"}
    ):
        return _sig("sexual-violence", "no memory ... undressed")  # spiked and assaulted
    signs = sum(_has(words, (q,)) for q in _SLAVERY_SIGNS)
    if (
        signs >= 2
        and has & {"men", "women", "workers", "people", "lads", "girls"}
        and not has & _CHILDHOOD_PLACES
    ):
        return _sig("abuse", "workers kept ... " + str(signs) + " signs", about="other")  # modern slavery
    lured = sum(_has(words, (q,)) for q in _LINES_SIGNS)
    given = _has(
        words, (("new", "phones"), ("new", "trainers"), ("wads", "of", "cash"), ("lots", "of", "cash"))
    )
    if lured >= 2 and given and any(a < 18 for cl in clauses for a in _ages(cl)):
        return _sig("abuse", "a child drawn into county lines", about="other")
    kept_in = any(
        w in ("let", "allowed", "allow")
        and set(words[max(0, k - 2) : k]) & {"never", "not", "dont", "wont", "isnt", "arent"}
        and set(words[k + 1 : k + 5]) & {"leave", "out", "go"}
        for k, w in enumerate(words)
    )
    workers = has & {"girls", "women", "workers", "men", "lads", "staff", "boys", "people"}
    papers = _has(words, _THEIR_PAPERS_KEPT)
    if (
        workers
        and papers
        and has & {"leave", "never", "upstairs", "paid", "pay", "live"}
        and not has & _CHILDHOOD_PLACES
    ):
        return _sig("abuse", "workers' passports kept", about="other")  # "the boss has their passports"
    where_they_work = has & {"upstairs", "above", "sleep", "sleeps", "live", "lives", "locked"}
    if kept_in and workers and (where_they_work or _has(words, (("help", "me"),))):
        return _sig("abuse", "workers never let leave", about="other")  # trafficking, modern slavery
    surprise = has & {"present", "presents", "surprise", "birthday", "gift", "christmas", "anniversary"}
    if (
        has & _WIPE
        and has & _TRACES
        and has & {"husband", "partner", "boyfriend", "wife", "girlfriend"}
        and not surprise
    ):
        if _has(words, _FOUND_BY) or has & {"so", "incase"} or _has(words, (("in", "case"),)):
            return _sig("abuse", "help sought in secret")
    someone = any(t.tags & {"partner", "third"} for t in toks) or has & {"he", "she", "boss"}
    taken = sum(
        1
        for k, w in enumerate(words)
        if w in _TAKES
        and set(words[k + 1 : k + 4]) & _MEANS_TO_LEAVE
        and set(words[k + 1 : k + 3]) & {"my", "our", "her", "his", "all"}
    )
    acts = taken + sum(_has(words, (q,)) for q in _KEPT_IN)
    hurt = any(
        t.tags & {"violence"} and not t.tags & {"abuse_term"} for t in toks
    )  # "keeps my passport and kicks me"
    if someone and (acts >= 2 or taken and hurt):
        return _sig(
            "abuse", "control, act after act", about="self" if has & {"me", "i", "we", "us"} else "other"
        )
    ages = [a for cl in clauses for a in _ages(cl)] + [
        int(w) for k, w in enumerate(words) if w.isdigit() and words[k - 2 : k] == ["more", "than"]
    ]
    young = any(a < 18 for a in ages) and "ago" not in has  # not "since my wife died three years ago"
    if _has(words, _TRADED) and (young or has & {"girl", "lad", "kid", "boy", "child"}):
        if has & {"night", "flat", "house", "cars"}:
            return _sig("abuse", "a child handed between men", about="other")
    mine = {
        int(words[k + 2])
        for k in range(len(words) - 2)
        if words[k : k + 2] == ["i", "am"] and words[k + 2].isdigit()
    }
    parent = any(a >= 18 for a in mine) and not any(
        a >= 18 for a in ages if a not in mine
    )  # "my nephew is 8 and i'm 30"
    if (
        "ago" not in has
        and not parent
        and any(a < 16 for a in ages)
        and any(a >= 18 for a in ages)
        and has & _CONTACT
    ):
        return _sig("abuse", "an adult and a child", about="self" if has & {"me", "i"} else "other")
    if _has(words, _LURING) and has & _STRANGERS:
        return _sig("danger", "children lured", about="other")
    owners = {"his", "husbands", "partners", "boyfriends", "dads", "her", "stepdads"}
    anothers = any(w == "on" and set(words[k + 1 : k + 3]) & owners for k, w in enumerate(words))
    indecent = has & {"indecent", "naked", "nude", "nudes", "sexual", "abuse"}
    if (
        has & _CHILD_IMAGES
        and has & {"children", "kids", "child"}
        and has & _DEVICES
        and has & {"found", "saw", "seen"}
        and (anothers or indecent)
    ):
        return _sig("abuse", "pictures of children found", about="other")
    asked = has & {"landlord", "he", "him", "his", "says", "said", "offered"} and not has & {
        "debit",
        "card",
        "cash",
        "online",
        "cheque",
        "bank",
        "standing",
    }
    shared_images = any(
        w in _SHARED | {"put", "sent", "showed", "uploaded"}
        and set(words[k + 1 : k + 7]) & {"intimate", "nude", "nudes", "naked", "noeth"}
        and (
            set(words[k + 1 : k + 7])
            & {"photos", "pics", "pictures", "images", "videos", "nudes", "video", "lluniau"}
        )
        for k, w in enumerate(words)
    )
    of_me = any(
        w in ("video", "videos", "photos", "pics", "pictures") and words[k + 1 : k + 4].count("me")
        for k, w in enumerate(words)
    )
    shared_images = (
        shared_images
        or of_me
        and has & {"sharing", "shared", "posting", "posted", "sending", "sent", "showing"}
    )
    if shared_images:
        return _sig("sexual-violence", "intimate images shared")  # "my ex has posted my intimate photos"
    older = _has(
        words,
        (
            ("older", "man"),
            ("older", "men"),
            ("older", "lad"),
            ("grown", "man"),
            ("man", "in", "his"),
            ("bloke", "in", "his"),
            ("dyn", "hyn"),
        ),
    )
    gifts = has & {
        "buying",
        "buys",
        "bought",
        "gives",
        "giving",
        "gifts",
        "vapes",
        "lifts",
        "picking",
        "money",
        "weed",
        "sweets",
        "stuff",
        "rhoi",
        "pres",
        "feps",
        "arian",
    }
    young_ones = _CHILD_WORDS | {"kids", "brawd", "mrawd", "mab", "merch", "plant", "boy", "girl"}
    young_said = has & young_ones or any(a < 16 for cl in clauses for a in _ages(cl))
    if (
        older
        and gifts
        and young_said
        and not has & {"grandad", "uncle", "dad", "husband", "chapel", "church", "bank"}
    ):
        return _sig("abuse", "an older man with gifts", about="other")  # "keeps buying my daughter vapes"
    if _has(words, (("did", "stuff", "to", "me"), ("did", "things", "to", "me"))) and has & {
        "asleep",
        "sleeping",
        "drunk",
        "passed",
    }:
        return _sig("sexual-violence", "done to me asleep")
    if "rent" in has and _has(words, _SEX_FOR_RENT) and asked:
        return _sig("sexual-violence", "rent paid another way")
    return None


_MACHINES = frozenset(
    "machine dryer dishwasher fridge freezer oven microwave toaster heater tv laptop charger plug socket".split()
)
_SPREADING = frozenset("up spreading everywhere wall walls ceiling curtains roof".split())
_ELECTRICS = (
    ("light", "fitting"),
    ("through", "the", "light"),
    ("light", "switch"),
    ("fuse", "box"),
    ("fusebox",),
    ("plug", "socket"),
    ("into", "the", "socket"),
    ("lights", "are", "buzzing"),
    ("ceiling", "light"),
    ("flickering",),
)
_STILL_INSIDE = (
    ("someone", "is", "still"),
    ("still", "upstairs"),
    ("still", "downstairs"),
    ("still", "in", "the", "house"),
    ("still", "inside"),
)
_BROKEN_IN = frozenset("smashed forced kicked broken jemmied".split())
# a small child with no one minding them, by a road or out in the cold
_UNMINDED = (
    ("no", "adult"),
    ("no", "adults"),
    ("no", "parent"),
    ("on", "his", "own"),
    ("on", "her", "own"),
    ("by", "himself"),
    ("by", "herself"),
    ("wandering",),
    ("locked", "out"),
    ("nobody", "with"),
    ("no", "grown", "up"),
    ("walked", "out"),
    ("wandered", "out"),
    ("ar", "ei", "ben", "ei", "hun"),
)
_TRAFFIC_OR_COLD = frozenset(
    "road roads street traffic motorway cold freezing minus snow pavement kerb roundabout cars busy ffordd stryd".split()
)
_CELEBRATIONS = frozenset("fireworks party bouncy castle film telly tv game match gig concert".split())
_NOT_BACK = (
    ("didnt", "come", "home"),
    ("did", "not", "come", "home"),
    ("hasnt", "come", "home"),
    ("not", "come", "home"),
    ("hasnt", "come", "back"),
    ("not", "come", "back"),
    ("not", "been", "home"),
)


def _home_and_body(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A home flooding, sparking, smouldering, on fire or broken into; someone in the water or still
    inside; a baby weeks old with a fever, a small child without food, alone by a road or smothered;
    someone vulnerable gone, or in despair and not come home; a neighbour unseen for days; a wound gone
    too deep."""
    for k, w in enumerate(words):
        if (
            w in _SHARED
            and words[k + 1 : k + 3] in (["my", "address"], ["our", "address"])
            and _has(words, _COMING)
        ):
            return _sig("danger", "address shared ... coming")
    if has & {"water", "waters", "dwr", "river", "afon", "flood"} and _has(words, _WATER_IN) and has & _FAST:
        return _sig("danger", "water coming in", tier="urgent")
    burning = (
        "burning" in has and has & {"smell", "smells", "smelling"} or has & {"smoke", "smoking", "melting"}
    )
    wet = has & {"water", "flood", "pouring", "leak", "leaking", "dripping", "dwr"}
    if has & _SPARKING and (burning or wet):
        return _sig("danger", "sparking ... burning", tier="urgent")
    if has & _SPARKING and has & _LINES and has & _DOWN:
        return _sig("danger", "a line down, sparking", tier="urgent")
    put_out = _has(
        words,
        (
            ("put", "it", "outside"),
            ("that", "is", "fine"),
            ("is", "fine", "now"),
            ("gone", "out"),
            ("smoking", "hot"),
        ),
    ) or any(
        w == "smoking" and words[k + 1 : k + 2] and words[k + 1] in _SMOKED for k, w in enumerate(words)
    )  # "on his laptop smoking weed"
    if not put_out and any(
        w in _SMOULDERS and set(words[max(0, k - 4) : k]) & _FLAMMABLE for k, w in enumerate(words)
    ):
        return _sig("danger", "a thing smouldering", tier="urgent")  # "the battery is hissing and smoking"
    fire = any(t.tags & {"fire_state"} for t in toks) or has & {"fire", "smoke", "flames", "tan"}
    if fire and _has(
        words, (("not", "answering"), ("isnt", "answering"), ("still", "upstairs"), ("still", "inside"))
    ):
        return _sig("danger", "a fire, someone inside not answering", tier="urgent", about="other")
    if _has(
        words,
        (("through", "the", "letterbox"), ("through", "our", "letterbox"), ("through", "my", "letterbox")),
    ):
        if has & {"alight", "fire", "burning", "petrol", "lit", "lighter", "flames"}:
            return _sig(
                "danger", "fire through the letterbox", tier="urgent"
            )  # "a petrol-soaked rag through the letterbox"
    smoke_out = _has(words, (("smoke", "coming"), ("smoke", "pouring"), ("smoking", "from")))
    if smoke_out and (any(t.tags & {"appliance"} for t in toks) or has & _MACHINES):
        return _sig(
            "danger", "smoke from an appliance", tier="urgent"
        )  # "smoke coming out of the tumble dryer"
    flames = (
        has & {"flames", "fflamau"}
        and has & _SPREADING
        and not has & {"painted", "mural", "drawing", "picture"}
    )
    if (
        flames
        and any(t.tags & {"appliance", "home_place"} for t in toks)
        and not has & {"bbq", "painted", "mural"}
    ):
        return _sig(
            "danger", "flames spreading", tier="urgent"
        )  # "the chip pan's gone up, flames up the wall"
    if wet and _has(words, _ELECTRICS) and not has & {"condensation", "steam", "steamy"}:
        return _sig("danger", "water in the electrics", tier="urgent")  # "dripping through the light fitting"
    entry = has & {"door", "window", "windows", "lock", "back", "front", "patio", "glass"}
    if _has(words, _STILL_INSIDE) and entry and (has & _BROKEN_IN or _has(words, _SMASHED)):
        return _sig("danger", "broken in, someone still inside", tier="urgent")
    into_water = any(
        w in _VEHICLES
        and any(x in ("into", "in") for x in words[k + 1 : k + 4])
        and any(t.tags & {"water"} for t in toks[k + 1 : k + 6])
        for k, w in enumerate(words)
    )
    if into_water and has & _STILL_THERE:
        return _sig("danger", "a vehicle in the water, people in it", tier="urgent", about="other")
    inside = has & {"downstairs", "alone", "someone", "somebody"} and not has & {
        "recycling",
        "bottles",
        "bin",
        "lorry",
    }
    heard = _has(
        words,
        (
            ("hear", "someone"),
            ("heard", "someone"),
            ("hear", "somebody"),
            ("someone", "downstairs"),
            ("footsteps",),
            ("trying", "the", "back"),
            ("trying", "the", "front"),
            ("trying", "the", "door"),
            ("trio", "agor", "y", "drws"),
            ("trio", "dod", "i", "mewn"),
        ),
    ) and not _has(words, (("cant", "hear"), ("cannot", "hear"), ("doesnt", "hear")))
    if _has(words, (("baby", "hasnt", "moved"), ("baby", "not", "moving"), ("babi", "ddim", "yn", "symud"))):
        return _sig("danger", "a baby not moving", tier="urgent", about="other")
    inside_now = _has(
        words,
        (
            ("man", "in", "the", "house"),
            ("someone", "in", "the", "house"),
            ("dyn", "yn", "y", "ty"),
            ("ddyn", "yn", "y", "ty"),
            ("rywun", "yn", "y", "ty"),
            ("rhywun", "yn", "y", "ty"),
        ),
    )
    if inside_now and has & {"hiding", "cuddio", "hide", "locked"}:
        return _sig(
            "danger", "someone in the house, hiding", tier="urgent"
        )  # "mae 'na ddyn yn y ty, dw i'n cuddio"
    heard = heard or _has(words, (("rhywun", "i", "lawr", "grisiau"),))
    if (
        heard
        and has & {"downstairs", "house", "flat", "door", "grisiau", "drws"}
        and has & {"alone", "own", "myself", "hun"}
        and not has & {"plismon", "heddlu", "police", "locksmith", "allan"}  # the police letting me in
    ):
        return _sig(
            "danger", "someone in the house, alone", tier="urgent"
        )  # "i can hear someone downstairs and i live alone"
    if _has(words, _SMASHED) and inside and not has & _PETS:  # not "the cat knocked a vase off"
        return _sig("danger", "glass smashed ... inside", tier="urgent")
    in_water = any(t.tags & {"water"} for t in toks) or has & {"weir", "ford", "dwr"}
    if in_water and _has(words, _STILL_IN):
        return _sig("danger", "someone still in the water", tier="urgent", about="other")
    for k, w in enumerate(words):
        young = (
            w.isdigit()
            and words[k + 1 : k + 2] in (["weeks"], ["week"], ["days"], ["day"])
            and "old" in words[k + 2 : k + 4]
        )
        if young and int(w) < (13 if words[k + 1].startswith("week") else 90) and has & _FEVER:
            return _sig("danger", "a baby weeks old ... fever", tier="urgent", about="other")
    small = (
        has & {"baby", "babi", "toddler"}
        or any(w.isdigit() and int(w) < 8 and words[k + 2 : k + 3] == ["old"] for k, w in enumerate(words))
        or _has(words, (("only", "4"), ("only", "3"), ("only", "2"), ("only", "5")))  # not "in four years"
        or _has(
            words,
            (
                ("little", "boy"),
                ("little", "girl"),
                ("little", "lad"),
                ("little", "one"),
                ("little", "kid"),
                ("plentyn", "bach"),
            ),
        )
    ) and min(
        [a for cl in clauses for a in _ages(cl)] or [0]
    ) < 8  # not "my little lad walks to school, he's 10"
    unfed = (
        ("no", "food", "in"),
        ("nothing", "to", "eat"),
        ("havent", "eaten"),
        ("not", "eaten"),
        ("hungry",),
    )
    if small and (_has(words, _NOT_FED) or _has(words, unfed)):
        return _sig("danger", "a small child not fed", about="other")
    minded = _has(
        words, (("can", "see"), ("watching", "him"), ("watching", "her"), ("while", "i"), ("with", "me"))
    )
    if small and _has(words, _UNMINDED) and has & _TRAFFIC_OR_COLD and not minded:
        return _sig("danger", "a small child alone, by a road or in the cold", tier="urgent", about="other")
    vulnerable = any(t.tags & {"vulnerable"} for t in toks)
    gone = _has(
        words, (("ran", "off"), ("run", "off"), ("ran", "away"), ("wandered", "off"), ("gone", "missing"))
    )
    exposed = (
        any(t.tags & {"water"} for t in toks)
        or _has(words, (("cant", "swim"),))
        or has & {"dark", "freezing"}
    )
    if vulnerable and gone and exposed:
        return _sig("danger", "someone vulnerable gone, near danger", tier="urgent", about="other")
    despair = any(t.tags & {"cant_go_on", "despair", "better_without", "goodbye"} for t in toks) or _has(
        words, (("done", "with", "it", "all"), ("had", "enough", "of", "everything"))
    )
    if has & {"screaming", "shouting", "sgrechian"} and has & {"bang", "bangs", "thud", "smash", "crash"}:
        if has & {"quiet", "silent", "silence", "nothing", "tawel"} and not has & _CELEBRATIONS:
            return _sig("danger", "screaming, bangs, then quiet", tier="urgent", about="other")
    left = [set(words[k + 1 : k + 9]) & _LIFELINES for k, w in enumerate(words) if w == "left"]
    left_behind = any(
        "ring" in found and len(found) >= 2 for found in left
    )  # a wedding ring and a phone left
    if left_behind and _has(words, _NOT_BACK + (("not", "back"), ("isnt", "back"))) and not has & _JOKING:
        return _sig("suicide", "not back, phone and ring left behind", about="other")
    shut_away = _has(
        words,
        (
            ("door", "locked"),
            ("doors", "been", "locked"),
            ("been", "locked"),
            ("locked", "in", "his", "room"),
            ("locked", "in", "her", "room"),
        ),
    )
    if shut_away and _has(
        words,
        (
            ("nothing", "since"),
            ("no", "answer"),
            ("not", "answering"),
            ("isnt", "answering"),
            ("not", "heard"),
        ),
    ):
        return _sig("danger", "locked in a room, nothing heard since", about="other")
    swallowed_thing = has & _SWALLOWED and has & {"magnets", "magnet", "battery", "batteries"}
    if swallowed_thing and not has & {"scan", "xray", "passed", "vet", "dog", "cat"}:
        return _sig("danger", "a battery or magnets swallowed", tier="urgent", about="other")
    if (
        _has(words, (("the", "last", "one"),))
        and has & {"wrists", "wrist", "arms", "thighs"}
        and _has(
            words, (("not", "replying"), ("not", "answering"), ("isnt", "answering"), ("wont", "answer"))
        )
    ):
        return _sig("self-harm", "the last one, not replying", about="other")
    if despair and _has(words, _NOT_BACK) and any(t.tags & {"third"} for t in toks):
        return _sig("suicide", "in despair and not come home", about="other")
    if has & {"baby", "babys", "babi"} and _has(
        words,
        (
            ("face", "into", "the", "pillow"),
            ("face", "in", "the", "pillow"),
            ("face", "into", "the", "mattress"),
        ),
    ):
        return _sig("danger", "a baby's face held in a pillow", tier="urgent", about="other")
    if has & {"baby", "babi"} and any(
        w in _SMOTHER and words[k + 1 : k + 2] == ["over"] for k, w in enumerate(words)
    ):
        return _sig("danger", "a baby smothered", tier="urgent", about="other")
    days = any(
        w in ("tridiau", "deuddydd")  # three days, two days
        or w in ("days", "dyddiau", "weeks")
        and bool(words[k - 1 : k])
        and (words[k - 1].isdigit() or words[k - 1] in _NUMBER_WORDS)
        for k, w in enumerate(words)
    )
    unseen = _has(
        words,
        (
            ("not", "seen"),
            ("not", "opened"),
            ("havent", "opened"),
            ("hasnt", "opened"),
            ("not", "taken"),
            ("hasnt", "taken"),
            ("no", "answer"),
            ("heb", "ateb"),
            ("ar", "gau"),
            ("no", "lights"),
            ("havent", "moved"),
            ("hasnt", "moved"),
            ("not", "moved"),
            ("flies",),
            ("shut",),
            ("closed",),
            ("drawn",),
            ("piling",),
            ("piled",),
        ),
    )
    if has & _UNSEEN_SIGNS and days and unseen and has & _NEIGHBOURS and not has & {"away", "holiday"}:
        return _sig("danger", "not seen for days", about="other")
    wound = any(t.tags & {"bleeding", "self_harm"} for t in toks) or has & {"myself", "blood"}
    wound = wound and not has & {"needle", "injection", "jab", "test", "vaccine", "splinter"}
    head = _has(
        words,
        (
            ("fell",),
            ("fall",),
            ("hit", "his", "head"),
            ("hit", "her", "head"),
            ("banged",),
            ("hit", "my", "head"),
            ("bumped",),
            ("fallen",),
            ("syrthiodd",),
            ("syrthio",),
            ("taroi", "phen"),
            ("taroi", "ben"),
            ("taro", "ei", "phen"),
            ("bwrw", "ei", "phen"),
        ),
    )
    sick = _has(
        words,
        (
            ("been", "sick"),
            ("being", "sick"),
            ("vomiting",),
            ("vomited",),
            ("chwydu",),
            ("throwing", "up"),
            ("sick", "3"),
            ("sick", "twice"),
        ),
    )
    if head and sick and has & {"sleepy", "drowsy", "confused", "floppy", "gysglyd", "cysglyd", "nodding"}:
        return _sig("danger", "a fall, sick and drowsy", tier="urgent", about="other")  # a head injury
    fumes = has & {
        "fumes",
        "woodburner",
        "stove",
        "boiler",
        "heater",
        "generator",
        "bbq",
        "flue",
        "monoxide",
    } or _has(words, (("gas", "fire"), ("gas", "fires")))
    unwell = has & _FUMES_FELT
    if fumes and len(unwell) >= 2:
        return _sig("danger", "fumes and a household unwell", tier="urgent")  # carbon monoxide
    unwell = unwell or has & {"sal", "tost", "benysgafn"}
    if unwell and any("danger" in t.tags and t.text in ("gas", "nwy") for t in toks):
        return _sig(
            "danger", "a smell of gas and someone unwell", tier="urgent"
        )  # "smells of gas, son's sick"
    if _has(words, (("too", "deep"), ("deeper", "than"))) and wound:
        return _sig("self-harm", "a wound too deep", tier="urgent")
    return None


# --- what is done to a person, read by its parts ---------------------------------------------------

_LETTER_WORDS = frozenset("note notes letter letters nodyn nodiadau llythyr llythyrau".split())
_WRITING = frozenset("wrote written write writing sgwennu ysgrifennu sgwennais ysgrifennais".split())
_ADDRESSEES = frozenset(
    "kids children kid mum mam dad wife husband partner son sons daughter daughters sister brother lads "
    "girls boys family everyone everybody each plant teulu mhlant blant mab merch pawb bawb".split()
)
# a letter written for a reason of the day: "letters to everyone for christmas", "a letter to the council"
_LETTER_PURPOSES = frozenset(
    "christmas xmas birthday santa card cards thank thanks thankyou school teacher teachers council gp doctor "
    "complaint complain application cv mp landlord court prison pen pal visa bank reference university uni "
    "holiday mothers fathers valentines anniversary tooth fairy memory solicitor framed frame diolch parti party nadolig penblwydd pen-blwydd cyngor ysgol homework print printing post postbox stamps stamp "
    "letterbox exam essay job interview hospital insurance benefits operation surgery history love plumber "
    "row shouting argument".split()
)
# what makes a letter a last one: "sori", "they'll understand", "just in case", "in the drawer"
_LAST_WORDS = frozenset(
    "understand goodbye bye forgive fault drawer envelope envelopes table each ffarwel maddau".split()
)
# "sorry" is a last word only for everything: "sorry for everything", "sori am bopeth"
_SORRY_FOR_ALL = (
    ("sorry", "for", "everything"),
    ("sori", "am", "bopeth"),
    ("sorry", "for", "being"),
    ("explaining", "why"),
    ("explain", "why"),
)
_LEFT_WHERE = frozenset("table drawer pillow side bed door kitchen desk bwrdd gobennydd".split())


def _letters_for_family(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Letters written by the writer to the people closest, or a note left out, with no errand of the
    day in the message: "wrote the kids a letter each", "letters for my two lads", "sgwennu llythyr i'r
    plant", "wrote a note and left it on the table" (not "letters to everyone for christmas")."""
    if not has & _WRITING or not has & _LETTER_WORDS or has & _LETTER_PURPOSES:
        return None
    if _has(words, (("to", "open"), ("for", "when", "they"), ("for", "when", "theyre"))):
        return None  # "letters for the kids to open when they're 18": a keepsake
    for k, w in enumerate(words):
        if w not in _WRITING or set(words[max(0, k - 3) : k]) & {
            "he",
            "she",
            "they",
            "hes",
            "shes",
            "o",
            "hi",
        }:
            continue
        near = words[k + 1 : k + 7]
        if not set(near) & _LETTER_WORDS:
            continue
        if set(words[max(0, k - 3) : k]) & {
            "mum",
            "mam",
            "dad",
            "nan",
            "grandad",
            "sister",
            "brother",
            "friend",
        }:
            continue  # "my mum wrote letters for the kids before she died": another's letters
        last = (
            has & _LAST_WORDS
            or words[-1] in ("sorry", "sori")
            or _has(words, (("in", "case"),) + _SORRY_FOR_ALL)
            or sum(words[j : j + 2] == ["one", "for"] for j in range(len(words))) >= 2
        )  # (a note each: "one for mum one for my brother")
        if set(near) & _ADDRESSEES and last:
            return _sig("suicide", "letters written for " + next(x for x in near if x in _ADDRESSEES))
        left = "left" in words[k + 1 :] and set(words[k + 1 :]) & _LEFT_WHERE
        if (
            left
            and len(words) <= 16
            and not _has(words[k + 1 :], (("for", "the"), ("for", "him"), ("for", "her")))
        ):
            return _sig("suicide", "a note written and left out")
    return None


_YOUNG_CHILD = frozenset(
    "kid kids child children baby babi toddler toddlers boy girl lad plant plentyn".split()
)
_LEFT_ALONE = (
    ("left", "alone"),
    ("left", "on", "their", "own"),
    ("left", "them", "alone"),
    ("left", "it", "alone"),
    ("left", "on", "his", "own"),
    ("left", "on", "her", "own"),
    ("on", "their", "own"),
    ("home", "alone"),
    ("no", "adult"),
    ("no", "adults"),
    ("ar", "ei", "ben", "ei", "hun"),
    ("ar", "eu", "pennau", "eu", "hunain"),
    ("wrth", "ei", "hun"),
)
_ALONE_ONLY = _LEFT_ALONE + (
    ("on", "his", "own"),
    ("on", "her", "own"),
    ("by", "himself"),
    ("by", "herself"),
    ("wandering",),
)
# what makes a child alone a danger: the cold, the night, the hours, the cries, a parent gone
_UNSAFE_ALONE = frozenset(
    "freezing cold snow night nights dark hours yesterday crying screaming nappy pyjamas pjs nightie "
    "road street traffic drinking drunk gone ibiza holiday week weekend days 11pm midnight 2am 3am "
    "oer rhewi nos tywyll oriau crio sgrechian yfed".split()
)
_FOR_LONG = frozenset("hours night nights days since yesterday weekend oriau nos ers".split())
_ASKED_AS_A_RULE = frozenset("legal law allowed ok okay age rules guidance normal should can".split())


def _young_children(words: list[str], clauses: list[list[_Token]]) -> bool:
    """Whether the message speaks of a small child: a child's word and an age under eight said near it
    ("a kid about 3", "the kids are 4 and 6"), or a baby."""
    if any(a < 8 for cl in clauses for a in _ages(cl)) or {"baby", "babi", "toddler", "toddlers"} & set(
        words
    ):
        return True
    if _has(words, (("little", "ones"), ("little", "one"), ("plant", "bach"), ("little", "uns"))):
        return True
    if not set(words) & _YOUNG_CHILD:
        return False
    for k, x in enumerate(words[1:], 1):
        unit = words[k + 1] if k + 1 < len(words) else ""
        if x.isdigit() and int(x) < 8 and words[k - 1] in _AGE_SAID_BEFORE and not unit.startswith(_UNITS):
            return True  # "a kid about 3", "they're 4 and 6", "the oldest is about 6"
    return False


_AGE_SAID_BEFORE = frozenset("about around aged is are and only maybe".split())
_UNITS = ("hour", "hr", "min", "day", "week", "month", "pm", "am", "oclock", "o")


def _children_left_alone(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Small children without a grown-up, where the cold, the night, the hours or a parent gone make it a
    danger: "the kids next door have been left on their own since yesterday", "locks her kids in the
    bedroom when she goes out", "gadael y babi ar ei ben ei hun" (not "my 6 year old played on his own")."""
    if has & {"play", "played", "playing", "plays", "chwarae"}:
        return None
    if "?" in words or has & _ASKED_AS_A_RULE and has & {"is", "can", "what", "how"}:
        return None  # "can i leave my 7 year old home alone for an hour?": asked as a rule
    locked_in = any(
        w in ("locks", "locked", "cloi")
        and set(words[k + 1 : k + 4]) & _YOUNG_CHILD
        and "in" in words[k + 2 : k + 5]
        for k, w in enumerate(words)
    )
    alone = _has(words, _ALONE_ONLY) or locked_in
    if locked_in and has & {"out", "allan"}:
        return _sig("danger", "children locked in, the grown-up out", about="other")
    left_for_long = _has(words, _LEFT_ALONE) and has & {
        "since",
        "week",
        "weekend",
        "ers",
        "days",
        "nights",
        "dyddiau",
        "hours",
        "oriau",
    }
    older = any(a >= 12 for cl in clauses for a in _ages(cl))
    in_a_car = any(
        w in ("locked", "left", "stuck") and "car" in words[k + 1 : k + 5] for k, w in enumerate(words)
    )
    if in_a_car and has & _YOUNG_CHILD and has & {"hot", "heat", "sun", "boiling", "crying", "screaming"}:
        return _sig("danger", "a child shut in a car", tier="urgent", about="other")  # "locked in a hot car"
    if left_for_long and has & _YOUNG_CHILD and not older:
        return _sig("danger", "children left alone for long", about="other")
    cries = has & {"crying", "screaming", "crio", "sgrechian"} and has & (_FOR_LONG | {"nobody", "noone"})
    unminded = has & {"alone", "own"} or _has(
        words, (("nobody", "home"), ("parents", "not"), ("parents", "nie"), ("no", "one", "home"))
    )
    if cries and has & _YOUNG_CHILD and unminded and not older:
        return _sig(
            "danger", "a child crying alone for long", about="other"
        )  # "crying all night, left alone"
    if not _young_children(words, clauses):
        return None
    night_clothes = has & {"nappy", "pyjamas", "pjs", "nightie", "nightdress"} and has & {
        "out",
        "outside",
        "street",
    }
    theirs = not any(w in ("my", "our", "fy", "ein") for w in words[:6])  # another's children
    unminded = (
        alone or theirs or has & {"crying", "screaming", "found", "wandering", "nobody", "noone", "locked"}
    )
    if night_clothes and unminded and has & {"freezing", "cold", "snow", "11pm", "midnight", "night", "dark"}:
        return _sig("danger", "a small child out in night clothes, in the cold", tier="urgent", about="other")
    if any(re.fullmatch(r"[am]\d{1,4}", w) for w in words):
        has = has | {"road"}  # "we live by the a483"
    if alone and (has & _UNSAFE_ALONE or locked_in and has & {"out", "allan"}):
        return _sig("danger", "a small child alone", about="other")
    return None


_FRAIL = frozenset("dementia alzheimers alzheimer confused autistic autism dementia dementa".split())
_WENT_OFF = (
    ("walked", "off"),
    ("walked", "out"),
    ("wandered", "off"),
    ("wandered", "out"),
    ("went", "out"),
    ("gone", "out"),
    ("left", "the", "house"),
    ("has", "gone"),
    ("crwydro",),
)
_OUT_FOR_HOURS = frozenset(
    "hours freezing snow cold dark night nightie pyjamas slippers nobody noone oriau oer tywyll eira nos".split()
)
_FOUND_SAFE = frozenset("found back home safe fine returned brought daycentre centre club".split())
_COMPANY = frozenset(
    "friends friend carer carers family me us mum dad nan sister brother support staff".split()
)


def _someone_frail_out(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Someone with dementia (or who cannot keep themselves safe) gone out, for hours or into the cold:
    "dad has dementia and has walked off, gone 3 hours and it's freezing" (not "went out to the day
    centre", nor one found and brought home)."""
    frail = has & _FRAIL or any("vulnerable" in t.tags and t.text in _FRAIL for t in toks)
    if not frail or not _has(words, _WENT_OFF) or has & (_FOUND_SAFE | _PETS):
        return None
    if any(w == "with" and set(words[k + 1 : k + 3]) & _COMPANY for k, w in enumerate(words)):
        return None  # "went out for a walk with her carer for 2 hours"
    if has & _OUT_FOR_HOURS or _has(words, (("cant", "find"), ("cannot", "find"), ("no", "phone"))):
        return _sig(
            "danger",
            "someone with dementia gone out, for hours or into the cold",
            tier="urgent",
            about="other",
        )
    return None


_MOVED_IN = (
    ("moved", "into"),
    ("moved", "in"),
    ("taken", "over"),
    ("took", "over"),
    ("staying", "at"),
    ("staying", "in"),
    ("living", "in"),
)
_WONT_GO = (
    ("wont", "leave"),
    ("will", "not", "leave"),
    ("refuse", "to", "leave"),
    ("wont", "go"),
    ("cant", "get", "rid"),
)
# who moves in on a home: "some lads have moved into", "they've taken over"
_INCOMERS = frozenset(
    "they theyve lads people men someone somebody dealer dealers gang guys blokes boys friends mates couple "
    "group these".split()
)
_DEALING = frozenset("dealing dealer dealers selling drugs sell deal cuckooing".split())
_TAKEN_FROM_HIM = (
    ("got", "his", "money"),
    ("got", "her", "money"),
    ("taken", "his"),
    ("taken", "her"),
    ("took", "his"),
    ("took", "her"),
    ("scared", "of", "them"),
    ("frightened", "of", "them"),
    ("sleeping", "on", "the", "floor"),
)
_AT_RISK_HOLDERS = frozenset(
    "disabled disabilities disability learning difficulties dementia vulnerable elderly autistic".split()
)


def _a_home_taken_over(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A home taken over by others (cuckooing): people moved into a flat who will not leave, or deal from
    it, or have taken its holder's money: "some lads have moved into my uncle's flat and are dealing from
    it", "they've taken over my flat and won't leave" (not "my daughter moved in with her boyfriend")."""
    if not _has(words, _MOVED_IN) or not any(t.tags & {"home_place"} for t in toks) and "place" not in has:
        return None
    if not any(
        set(words[max(0, k - 4) : k]) & _INCOMERS
        for k, w in enumerate(words)
        if (w,) + tuple(words[k + 1 : k + 2]) in _MOVED_IN
    ):
        return None  # "my disabled brother is living in his flat and won't leave it": the holder himself
    held = _has(words, _WONT_GO + _TAKEN_FROM_HIM + (("took", "over"), ("taken", "over")))
    if has & _DEALING and (held or has & _AT_RISK_HOLDERS) or held and has & _AT_RISK_HOLDERS:
        return _sig(
            "abuse",
            "a home taken over",
            about="self" if "my" in words[:4] and not has & _AT_RISK_HOLDERS else "other",
        )
    if _has(words, (("taken", "over", "my"), ("took", "over", "my"))) and _has(words, _WONT_GO):
        return _sig("abuse", "a home taken over")
    return None


_OWES = frozenset("owes owe owed debt debts dyled".split())
_MADE_TO_CARRY = (
    ("take", "bags"),
    ("carry", "bags"),
    ("carrying", "stuff"),
    ("carry", "stuff"),
    ("do", "a", "run"),
    ("run", "to"),
    ("runs", "to"),
    ("drop", "off"),
    ("sell", "for", "them"),
    ("work", "it", "off"),
    ("pay", "it", "back", "by"),
    ("take", "a", "package"),
    ("take", "packages"),
    ("deliver",),
)


def _a_debt_worked_off(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A young person in debt to those who make him carry for them (county lines): "they gave him free
    weed and now say he owes them and has to take bags to chester" (not "i owe my brother a tenner")."""
    if not has & _OWES or not _has(words, _MADE_TO_CARRY):
        return None
    if not has & {"son", "daughter", "lad", "boy", "girl", "brother", "nephew", "grandson", "he", "she", "i"}:
        return None
    if any(w in _OWES and set(words[k + 1 : k + 3]) & _FAMILY_OWED for k, w in enumerate(words)):
        return None  # "owes his brother money so he's doing a paper run"
    if has & {
        "weed",
        "drugs",
        "gear",
        "bags",
        "package",
        "packages",
        "dealer",
        "dealers",
        "lads",
        "run",
        "older",
    }:
        return _sig(
            "abuse",
            "a debt worked off by carrying",
            about="other" if has & {"he", "she", "son", "daughter"} else "self",
        )
    return None


_FAMILY_OWED = frozenset("mum mam dad brother sister nan gran his her my the".split())
_PAPERS = frozenset("passports passport ids documents papers".split())
_KEEPS = frozenset("keeps kept keep has have holds held took taken takes take".split())
_WORKERS = frozenset("men women workers lads girls staff people us we boys".split())
_PAPERWORK = frozenset(
    "photocopy renew renewal embassy copy copies visa office checked check hotel reception".split()
)


def _papers_kept_from_workers(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Workers whose passports a boss keeps, or who may not leave and owe the one who brought them: "the
    boss keeps all their passports", "she isn't allowed out and owes money to the man who brought her
    here" (not "they took my passport to photocopy at the job centre")."""
    kept = any(
        w in _KEEPS
        and set(words[k + 1 : k + 4]) & _PAPERS
        and set(words[k + 1 : k + 3]) & {"their", "our", "all", "us"}
        for k, w in enumerate(words)
    )
    if (
        kept
        and has & (_WORKERS | {"boss", "manager", "gangmaster"})
        and not has & (_PAPERWORK | _CHILDHOOD_PLACES)
    ):
        return _sig("abuse", "workers' papers kept", about="other")
    unfree = _has(
        words, (("not", "allowed", "out"), ("isnt", "allowed", "out"), ("not", "allowed", "to", "leave"))
    )
    if (
        unfree
        and has & _OWES
        and _has(words, (("brought", "her"), ("brought", "him"), ("brought", "them"), ("brought", "me")))
    ):
        return _sig("abuse", "kept, and in debt to who brought them", about="other")
    return None


# a threat said by a figure: "finish what he started", "deal with me", "teach me a lesson"
_VEILED_THREATS = (
    ("finish", "what", "he", "started"),
    ("finish", "what", "she", "started"),
    ("finish", "what", "they", "started"),
    ("finish", "me", "off"),
    ("deal", "with", "me"),
    ("deal", "with", "her"),
    ("deal", "with", "him"),
    ("finish", "the", "job"),
    ("teach", "me", "a", "lesson"),
    ("teach", "her", "a", "lesson"),
    ("ill", "learn"),
    ("i", "will", "learn"),
    ("ill", "be", "sorry"),
    ("i", "will", "be", "sorry"),
    ("you", "are", "next"),
    ("we", "are", "next"),
    ("wed", "be", "next"),
    ("we", "would", "be", "next"),
    ("fy", "ngorffen"),
    ("ngorffen", "i"),
)
_FROM_A_PERSON = frozenset(
    "he she they ex hes shes uncle family dad brother brothers cousin partner husband o hi nhw".split()
)
_TASKS_FINISHED = frozenset(
    "kitchen jobs work project rota tiling painting homework decorating garden plumber builder builders "
    "electrician decorator joiner roofer painter tiler mechanic tomorrow".split()
)


def _menace_said_by_a_figure(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A threat said indirectly by someone who means harm: "ex says he's coming round tonight to finish
    what he started", "my uncle says they will deal with me for the shame" (not "finish the job on the
    kitchen", "my boss will deal with me on monday about the rota")."""
    if not _has(words, _VEILED_THREATS) or not has & _FROM_A_PERSON:
        return None
    if has & _JOKING or has & _TASKS_FINISHED:
        return None  # "he'll finish the job on the kitchen tomorrow"
    coming = has & {"coming", "tonight", "round", "threatened", "shame", "honour", "heno", "family", "teulu"}
    if coming:
        return _sig("abuse", "a threat said by a figure")
    return None


_ALLERGY = frozenset(
    "allergic allergy anaphylaxis anaphylactic epipen epipens stung reaction alergedd adrenaline".split()
)
_NOT_SETTLING = frozenset(
    "still worse wheezing wheezy cau chwyddo swelling swollen closing breathe breathing lips tongue throat gwddf".split()
)


def _an_allergy_not_settling(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """An allergic reaction that an adrenaline pen has not settled, or with none to hand: "epipen used
    and she's still wheezing", "allergic reaction, her throat's closing, no epipen" (not "he carries an
    epipen, which clinic for hay fever?")."""
    if len(has & _ALLERGY) < 2 or not has & _NOT_SETTLING or has & _NOT_NOW:
        return None
    unsettled = "still" in has and has & {"wheezing", "wheezy", "swelling", "swollen", "breathe", "breathing"}
    no_pen = _has(words, (("no", "epipen"), ("dim", "epipen"), ("without", "epipen"), ("forgot", "epipen")))
    closing = _has(words, (("n", "cau"), ("closing", "up"), ("throat", "closing"), ("cant", "breathe")))
    if unsettled or no_pen and closing or closing and "reaction" in has:
        return _sig("danger", "an allergic reaction not settling", tier="urgent", about="other")
    return None


def _lips_gone_blue(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Lips or mouth gone blue or grey, in any order, beside a second sign of too little air: "lad on the
    floor, lips blue, needle next to him", "blue round the mouth and his breathing's gone slow", Welsh
    "ceg Taid yn las ac mae o'n oer". Alone the colour is a sweet, a costume or a lipstick ("blue lips
    from the ice lolly", "painted my lips blue for the match")."""
    if not has & _NO_AIR:
        return None
    for cl in clauses:
        for i, tok in enumerate(cl):
            if tok.text in _LIPS and _dusky_near(cl, i):
                return _sig("danger", f"{tok.text} gone blue", tier="urgent", about="other")
    return None


# a second sign of too little air: a body down, breathing, cold, a drug taken, not waking
_NO_AIR = frozenset(
    "floor needle breathing breathe breath breaths rattly snoring gurgling cold freezing oer took taken "
    "overdose overdosed heroin methadone pills tablets floppy llipa sleepy drowsy unconscious collapsed "
    "wake waking responding responsive choking wheezing asthma anadlu llawr deffro".split()
)


def _a_strokes_signs(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A stroke told by its signs in Welsh, Polish, Portuguese, Romanian or Arabic (`stroke_sign`: the face
    fallen or crooked, the speech slurred, an arm that will not lift): two signs, or one come on
    suddenly ("Mama ma krzywą twarz i mówi niewyraźnie", "de repente começou a falar arrastado"). One
    sign alone is a pulled face, an accent or a toddler's speech ("fez cara torta quando viu o bolo")."""
    signs = 0
    for cl in clauses:  # each sign once, a phrase by where it starts ("ولا يستطيع الكلام ووجهه مائل": two)
        k = 0
        while k < len(cl):
            if "stroke_sign" in cl[k].tags:
                signs += 1
                k = max(k + 1, cl[k].start.get("stroke_sign", k + 1))  # a phrase's end, in its clause
            else:
                k += 1
    if signs >= 2 or signs and has & _SUDDEN:
        return _sig("danger", "a stroke's signs", tier="urgent", about="other")
    return None


_SUDDEN = frozenset("suddenly sudden sydyn nagle repente subito brusc deodata فجاه فجأة".split())


def _a_call_for_help_heard(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Someone else crying out for help, heard or beyond the writer's own home: "the woman next door is
    screaming for help", "i can hear someone calling for help", Welsh "mae hi'n gweiddi am help drws
    nesa", Polish "sąsiadka krzyczy o pomoc", Portuguese "uma mulher a gritar por socorro na rua",
    Arabic "جارتي تستغيث". "mum's calling for help with her boiler" and "dad's shouting for help in the
    kitchen, the gravy's gone lumpy" are errands; one in a film, a game, a dream or a play, or told with
    a laugh, is none; nor the writer's own cry, or "a cry for help" (a noun)."""
    if has & (_JOKING | _MADE_UP):
        return None
    if not has & (_HEARD | _AWAY | _PEOPLE_NEXT_DOOR) and not _has(words, _AWAY_PHRASES):
        return None
    for cl in clauses:
        said = [t.text for t in cl]
        for i, w in enumerate(said):
            if w in _CRIES_FOR_HELP:
                k = i + 1  # the cry is the call ("يستغيث")
            elif w in _CRIES:
                k = i + 1 + (said[i + 1 : i + 2] in ([f] for f in _FOR_HELP))
                if said[k : k + 1] not in ([h] for h in _HELP_WORDS):
                    continue
                k += 1
            else:
                continue
            if said[k : k + 1] in ([x] for x in _WITH_A_TASK):
                continue  # "shouting for help with the shopping", "calling for help about her boiler"
            if set(said[max(0, i - 3) : i]) & _TODDLERS:
                continue  # "heard my toddler yelling for help, he can't reach the biscuits"
            heard = set(said[:i]) & _HEARD  # "i can hear someone calling for help"
            if heard or _Clause(cl).subject(i) == "other":
                return _sig("danger", f"{w} for help", tier="urgent", about="other")
    return None


# crying out, in the languages the rules read (folded, as the words are)
_CRIES = frozenset(
    _plain(w)
    for w in "shout shouts shouting shouted scream screams screaming screamed yell yells yelling yelled "
    "shriek shrieks shrieking shrieked calling calls called hollering bellowing "
    "gweiddi gwaeddu sgrechian sgrechen galw "
    "krzyczy krzyczała krzyczał krzyczą krzyczeć woła wołała wołał wołają "
    "grita gritar gritando gritava gritou gritam berrando berra "
    "strigă striga strigat țipă tipa țipat urlă urla "
    "يصرخ تصرخ يصيح تصيح".split()
)
# a cry that is itself a call for help ("يستغيث", he calls for help)
_CRIES_FOR_HELP = frozenset(_plain(w) for w in "يستغيث تستغيث يستنجد تستنجد".split())
# (Polish "o" and Portuguese "por" as their messages' small words are read: "about", "by")
_FOR_HELP = frozenset(_plain(w) for w in "for am o about por by după dupa طالبا طالبة".split())
_HELP_WORDS = frozenset(
    _plain(w) for w in "help helpu pomoc pomocy ratunku socorro ajuda ajutor النجدة المساعدة".split()
)
_WITH_A_TASK = frozenset(
    _plain(w) for w in "with about on from to efo gyda hefo am z przy com para nos cu la في".split()
)
# the writer hearing it: "i can hear", "heard"
_HEARD = frozenset(
    _plain(w)
    for w in "hear hears heard hearing clywed glywed slyszę słyszę słychać ouço ouvi aud auzit أسمع سمعت".split()
)
# beyond the writer's own home: next door, the street, the flats
_AWAY = frozenset(
    _plain(w)
    for w in "upstairs downstairs outside street alley lane woods river canal park flats stairwell "
    "stryd rua lado ulica ulicy klatce obok ścianą stradă strada blocul alături الشارع".split()
)
_AWAY_PHRASES = (("next", "door"), ("through", "the", "wall"), ("across", "the", "road"), ("drws", "nesa"))
_PEOPLE_NEXT_DOOR = frozenset(
    _plain(w)
    for w in "neighbour neighbours neighbor cymydog gymydog nghymydog cymdoges sąsiad sąsiadka sąsiadki "
    "sąsiedzi vizinho vizinha vizinhos vecin vecina vecinii vecinul جاري جارتي الجيران".split()
)
_TODDLERS = frozenset("toddler toddlers baby babi".split())
# a cry in a story, a game, a dream or a play
_MADE_UP = frozenset(
    "film films movie tv telly soap eastenders corrie game games gaming fortnite minecraft nightmare dream "
    "dreamt play playing pirates practising rehearsing scene radio book novel video ffilm breuddwyd".split()
)


def _armed_and_on_the_way(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A weapon taken up and someone on the way to a person now, in whichever clauses: "got the baseball
    bat out the shed, going round now", "he's grabbed a knife and he's on his way over". Not on the way to
    a task or a game ("got the hammer out, going round my mate's now to fix his fence", "grabbed the bat,
    off to the park for rounders"), nor a toy or a kitchen's knife."""
    if has & (_SPORT | _JOKING) or not _has(words, _ON_THE_WAY):
        return None
    if not has & _ARMED_WHEN and not _has(words, _ON_THE_WAY_NOW):
        return None  # "going round tomorrow": not now
    armed = False
    for cl in clauses:
        for i, t in enumerate(cl):
            if "weapon" not in t.tags or any(u.keys & _NO_WEAPON for u in cl[max(0, i - 2) : i + 2]):
                continue
            armed = armed or any(u.text in _TAKEN_UP or "have" in u.tags for u in cl[max(0, i - 4) : i])
    if not armed:
        return None
    for k, w in enumerate(words):  # what the way is for: "to fix his fence" is a task, "to sort him out" not
        if (
            w == "to"
            and k + 1 < len(words)
            and words[k + 1] not in _DETERMINERS
            and not _to_harm(toks, k + 1)
        ):
            return None
    return _sig("danger", "armed, and on the way now", tier="urgent", about="other")


def _to_harm(toks: list[_Token], v: int) -> bool:
    """Whether the purpose at `v` ("going round now to ...") is against a person: a blow or a threat
    done to someone ("to sort him out", "to batter him", "to teach that prick a lesson"); not a task on a
    thing or a creature ("to chop wood", "to shoot the rats"), nor a kindness ("to help him")."""
    verb = toks[v]
    rest = [t for t in toks[v + 1 : v + 5] if t.text not in _DETERMINERS]
    person = next(
        (
            t
            for t in rest[:2]
            if t.tags & {"third", "victim", "self"} or t.text in ("him", "her", "them", "me", "us", "prick")
        ),
        None,
    )
    harmful = bool(verb.tags & _HARM_TAGS) or verb.text in _DONE_TO_SOMEONE
    if not harmful:
        return False
    return person is not None or not rest or not rest[0].text.isalpha() or is_a_person(rest[0].text)


_TAKEN_UP = frozenset(
    "got grabbed grabbing took taken picked holding carrying brought getting cael gael gafael afael nol".split()
)
# on the way now, said as such
_ON_THE_WAY_NOW = (
    ("on", "my", "way"),
    ("on", "his", "way"),
    ("on", "her", "way"),
    ("on", "their", "way"),
    ("ar", "ei", "ffordd"),
)
_ON_THE_WAY = (
    ("going", "round"),
    ("going", "over"),
    ("coming", "round"),
    ("coming", "over"),
    ("heading", "round"),
    ("heading", "over"),
    ("go", "round"),
    ("mynd", "draw"),
    ("dod", "draw"),
    *_ON_THE_WAY_NOW,
)
_ARMED_WHEN = frozenset("now tonight later nawr rwan rŵan heno".split())
_HARM_TAGS = frozenset({"violence", "kill", "harm", "threat", "shoot", "cut", "burn", "set_fire"})
# what is done to a person to harm or threaten them, said plainly: "to sort him out", "to teach him a lesson"
_DONE_TO_SOMEONE = frozenset("sort teach deal settle finish get do have smash batter sortio".split())


def _a_fire_spreading(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A fire said as a fire and, just after it, what it spreads to or cuts off: "fire in the bins
    spreading to the fence", "fire in the kitchen, smoke everywhere, can't get to the front door" (not
    "fire drill at work", "the fire spread in the book")."""
    if has & _NOT_A_FIRE:
        return None
    if has & {"fire", "tan", "flames"} and len(words) <= 20 and _has(words, _CUT_OFF_BY_FIRE):
        return _sig("danger", "a fire, the way out cut off", tier="urgent")
    for said in ([t.text for t in cl] for cl in clauses):
        at = [k for k, w in enumerate(said) if w in ("fire", "tan", "flames", "blaze")]
        near = said[at[0] + 1 : at[0] + 15] if at else []
        climbing = _has(near, (("going", "up"), ("up", "the", "wall"), ("up", "to", "the", "ceiling")))
        spreads = climbing or any(
            x in _SPREADING_TO and set(near[j + 1 : j + 3]) & {"to", "towards", "into", "i"}
            for j, x in enumerate(near)
        )
        if spreads or _has(near, _CUT_OFF_BY_FIRE):
            return _sig("danger", "a fire spreading", tier="urgent")
    return None


def _smoke_indoors(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Smoke said as there now and spreading, or cutting people off, or with the alarm going: "smoke
    upstairs kids asleep", "the fire alarm's going and there's smoke", "smoke much in my house what i
    do", "smoke in the corridor, can't get out" (not "can i smoke in my flat", "the smoke alarm in the
    hall", "no smoke in the flat", "cooking smoke from the takeaway comes into our flat", "smoke machines
    for the disco in the hall", "smoke and mirrors at this council")."""
    if has & (_NOT_A_FIRE - {"alarm"}) or has & (_TOBACCO | _SMOKE_FROM | _SMOKE_FOR_SHOW):
        return None
    alarm = _has(
        words, (("alarm", "is", "going"), ("alarms", "going"), ("alarm", "going"), ("alarm", "ringing"))
    )
    place = any(t.tags & {"home_place"} for t in toks)
    for k, w in enumerate(words):
        if w not in ("smoke", "mwg", "fwg"):
            continue
        if k and (words[k - 1] in _SMOKING_BY or toks[k - 1].tags & {"self", "third", "negation"}):
            continue  # "can i smoke in my flat", "my neighbours smoke in the hall", "no smoke"
        if words[k + 1 : k + 2] and words[k + 1] in _SMOKE_NOT_A_FIRE:
            continue  # "the smoke alarm", "smoke free"
        spreading = has & _SMOKE_SPREADS or place and has & _ASLEEP_UP_THERE
        if alarm or _has(words, _CUT_OFF_BY_FIRE) or place and spreading:
            return _sig("danger", "smoke indoors", tier="urgent")
    return None


# how smoke said alone is a fire's: how much of it, where it goes, who sleeps where it is
_SMOKE_SPREADS = frozenset(
    "much lots loads thick black everywhere filling coming pouring billowing full mwg ym mhob".split()
)
_ASLEEP_UP_THERE = frozenset("asleep sleeping upstairs trapped stuck cysgu".split())
# smoke made for a show or a test, or said in a figure
_SMOKE_FOR_SHOW = frozenset(
    "machine machines test mirrors holy stage panto disco photoshoot coloured colored ice bacon eye "
    "tutorial makeup".split()
)


def _burning_at_home(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A fire said by what does it or by its smell: a thing at home "gone up" ("the chip pan's gone up and
    it's spreading"), a smell of burning from the electrics ("can smell burning electrics in the walls")
    (not "the cooker's gone up in price", "the oven smells of burning when i cook", "a burning question
    about cable tv", "the straightener smelt of burning, binned it")."""
    if has & _NOT_BURNING_NOW:
        return None
    for k, t in enumerate(toks):
        if "appliance" not in t.tags:
            continue
        j = k + 1 + (words[k + 1 : k + 2] in (["is"], ["has"]))
        if words[j : j + 2] in (["gone", "up"], ["went", "up"]):
            after = words[j + 2 : j + 4]
            if not after or after[0] in ("and", "it", "its") or after == ["in", "flames"]:
                return _sig("danger", "a thing at home gone up", tier="urgent")
    for said in ([t.text for t in cl] for cl in clauses):  # a smell of burning, the electrics in its clause
        burning = any(
            w in ("burning", "llosgi") and said[k + 1 : k + 2] != ["question"] for k, w in enumerate(said)
        )
        if burning and set(said) & _SMELT and set(said) & _WIRED:
            return _sig("danger", "a smell of burning electrics", tier="urgent")
    return None


_SMELT = frozenset("smell smells smelling smelt arogl arogli ogla oglau".split())
# a price gone up, a cook's smell, a thing got rid of, a scent: no fire now
_NOT_BURNING_NOW = frozenset(
    "price prices cost bill bills quid pounds doubled tariff cook cooking grease binned bought replaced "
    "scent scents freshener".split()
)


# what carries the mains at home
_WIRED = frozenset(
    "socket sockets plug plugs wires wiring electrics fusebox fuse extension lead cable soced socedi gwifrau "
    "plwg".split()
)


def _a_goodbye_from_the_edge(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A goodbye for good, and someone there now at a place to fall or drown: "she said bye forever and her
    location is at the viaduct", "my mate said goodbye and he's at the bridge", "i want to say goodbye to
    you all, im on the bridge" (not "said goodbye to my sister at the bridge club", "said bye forever to
    my ex on the bridge where we met", "a farewell walk along the river before we move")."""
    final = any("goodbye" in t.tags for t in toks) or any(
        w in ("bye", "goodbye", "farewell")
        and words[k + 1 : k + 2] in (["forever"], ["4eva"], ["4ever"])
        or words[k : k + 3] in (["bye", "for", "good"], ["bye", "for", "ever"])
        for k, w in enumerate(words)
    )
    if not final or has & _AN_OUTING:
        return None
    for p, t in enumerate(toks):
        if t.tags & {"high_place", "water"} and set(words[max(0, p - 6) : p]) & _THERE_NOW:
            return _sig("suicide", "a goodbye, at the edge", about="other" if _someone_else(toks) else "self")
    return None


# someone at a place now: "his location is at", "he's at", "i'm on", "she's gone to", "wedi mynd at"
_THERE_NOW = frozenset("location locations map pin is am im hes shes gone went heading mynd wrth".split())


def _someone_else(toks: list[_Token]) -> bool:
    return any(t.tags & {"third"} for t in toks) and not any(t.text in ("i", "im") for t in toks)


# a goodbye said on an outing, not for good
_AN_OUTING = frozenset(
    "party do leaving retirement club pub walk trip holiday holidays moving move wedding cruise "
    "gig match lol haha funeral ashes cafe closing office song film watched emigrating".split()
)


def _someone_down(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Someone who will not wake now, or who is down and not getting up: "baby not waking", "mums too
    drunk to wake up and my little brother needs feeding", "my nan fell and cant get up", "nana on floor
    cold", "mae nain ar y llawr ac yn oer" (not "i can't wake up in the mornings", "he won't wake for his
    feeds", "baby didn't wake once last night", "fell asleep on the sofa", "nan had a fall last winter in
    the cold", "my baby on the floor on his playmat, the floor is cold tiles")."""
    if not any(t.tags & {"third", "vulnerable"} for t in toks) or has & _ROUTINE_SLEEP:
        return None
    for k, w in enumerate(words):
        if w in ("wake", "waking", "waken", "rouse", "deffro") and set(words[max(0, k - 3) : k]) & _CANNOT:
            wish = set(words[max(0, k - 6) : k]) & _WISHING
            if not wish and not set(words[k + 1 : k + 4]) & {"till", "until", "til", "for", "once"}:
                return _sig("danger", "someone who will not wake", tier="urgent", about="other")
    fallen = has & _FALLEN and not has & {"asleep", "out", "pregnant", "behind", "cysgu", "love"}
    up = _has(
        words, (("cant", "get", "up"), ("cannot", "get", "up"), ("not", "getting", "up"), ("methu", "codi"))
    )
    if fallen and up and not _has(words, (("get", "up", "the", "stairs"),)):
        return _sig("danger", "someone down, not getting up", tier="urgent", about="other")
    if _a_person_on_the_floor_cold(toks, words) and not has & _FLOOR_THINGS:
        return _sig("danger", "someone down, not getting up", tier="urgent", about="other")
    return None


def _a_person_on_the_floor_cold(toks: list[_Token], words: list[str]) -> bool:
    """A person named just before "on (the) floor", cold just after: "nana on floor cold", "nain ar y llawr
    ac yn oer", "neighbour is on the floor and freezing"."""
    for k in range(1, len(words)):
        if words[k] not in ("on", "ar"):
            continue
        who = toks[k - 1] if toks[k - 1].text not in ("is", "s", "yn") or k < 2 else toks[k - 2]
        rest = [w for w in words[k + 1 : k + 3] if w not in ("the", "y")]
        if who.tags & {"third", "victim"} and rest[:1] in (["floor"], ["llawr"]):
            f = k + 1 + (words[k + 1] in ("the", "y"))
            if set(words[f + 1 : f + 5]) & {"cold", "oer", "freezing", "frozen"}:
                return True
    return False


_WISHING = frozenset("want wanna i me we isio eisiau moyn dwi".split())
# a floor's own things: "on his playmat, the floor is cold tiles"
_FLOOR_THINGS = frozenset("playmat mat tiles tile rug carpet blanket heating underfloor laminate".split())
# how a body tells of fumes: "she's groggy and headachy today"
_FUMES_FELT = frozenset(
    "headache headaches headachy sick sleepy drowsy dizzy confused groggy woozy nauseous vomiting "
    "lightheaded faint".split()
)
_CANNOT = frozenset("not wont cant cannot isnt doesnt aint unable too ddim methu".split())
_FALLEN = frozenset("fell fallen fall disgyn syrthio cwympo syrthiodd disgynnodd cwympodd".split())
_ROUTINE_SLEEP = frozenset(
    "mornings early alarm school college uni work feeds feed nap naps weekends weekend lie routine bedtime "
    "midday holidays gwaith ysgol coleg".split()
)


# who smokes, and what is smoked: smoke then is a habit, not a fire (and in Welsh, what smoke names
# comes before it: "larwm mwg", a smoke alarm; "di-fwg", smoke-free)
_SMOKING_BY = frozenset(
    "i we you they he she to can cant could dont doesnt didnt not may might will would should people who "
    "and or larwm larymau synhwyrydd di".split()
)
_TOBACCO = _SMOKED | frozenset("cig cigs fag vaping vapes smoker smokers tobacco shisha cigar cigars".split())
_SMOKE_FROM = _SMOKE_SOURCES | frozenset("toast barbeciw takeaway chippy fry frying".split())
_SMOKE_NOT_A_FIRE = frozenset(
    "alarm alarms detector detectors free break breaks signal signals bomb bombs machine show damage damaged "
    "screen".split()
)


_NOT_NOW = frozenset(
    "last week yesterday renew renewed prescription bit antihistamines hayfever cold".split()
)
_SPREADING_TO = frozenset("spreading spread spreads lledu".split())
_CUT_OFF_BY_FIRE = (("cant", "get", "to"), ("cannot", "get", "out"), ("cant", "get", "out"), ("trapped",))
_NOT_A_FIRE = frozenset(
    "drill alarm book film game bonfire bbq fireworks campfire log pit fight poem story war painted mural "
    "drawing picture dumpster fake nerve palms skin fireplace hearth stove burner woodburner cosy candle candles".split()
)


# what grooming does to a child online: gifts, secrecy, pictures, a meeting, an age that is a lie
_GROOMING_SIGNS = (
    ("gifts",),
    ("presents",),
    ("robux",),
    ("vbucks",),
    ("secret",),
    ("delete",),
    ("dont", "tell"),
    ("not", "to", "tell"),
    ("photos",),
    ("pictures",),
    ("pics",),
    ("lluniau",),
    ("meet",),
    ("cyfarfod",),
    ("grown", "man"),
    ("older", "man"),
    ("says", "he", "is"),
    ("says", "hes"),
    ("saying", "he", "is"),
    ("saying", "hes"),
)


def _groomed_online(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A child online with someone who does two things grooming does: "a 'boy' on roblox sending her
    gifts and asking her to keep it secret", "says he's 11 and wants to meet him at the park" (not "my
    12 year old swaps gifts with her school friends on roblox")."""
    young = any(a < 16 for cl in clauses for a in _ages(cl))
    if not young or not has & _ONLINE_PLACES:
        return None
    signs = sum(_has(words, (q,)) for q in _GROOMING_SIGNS)
    if signs >= 2 and not _has(words, _KNOWN_FRIENDS):
        return _sig(
            "sexual-violence", "a child online ... " + str(signs) + " signs of grooming", about="other"
        )
    return None


_KNOWN_FRIENDS = (
    ("school", "friends"),
    ("friends", "from", "school"),
    ("her", "friends"),
    ("his", "friends"),
    ("cousin",),
    ("cousins",),
    ("classmates",),
    ("ffrindiau", "ysgol"),
)

_CUT_OFF_ACTS = frozenset(
    "smashed broke broken took taken has got hides hid reads checks keeps snapped".split()
)
_MY_LINES = frozenset("phone mobile messages texts charger sim".split())
_CUT_OFF_SIGNS = (
    ("couldnt", "ring"),
    ("cant", "ring"),
    ("could", "not", "ring"),
    ("using", "my", "neighbours"),
    ("using", "my", "mates"),
    ("using", "my", "friends"),
    ("using", "a", "friends"),
    ("dont", "reply"),
    ("do", "not", "reply"),
    ("dont", "text", "back"),
    ("cant", "call"),
    ("cant", "talk"),
)


def _contact_cut_off(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A partner who cuts the writer off from help: "he smashed my phone so i couldn't ring anyone,
    using my neighbour's", "don't reply to this number, he reads my messages" (not "my toddler smashed
    my phone lol", "he broke my phone by accident, using my mate's, can i claim")."""
    if not _has(words, _CUT_OFF_SIGNS) or has & (
        {"accident", "accidentally", "insurance", "repair"} | _JOKING
    ):
        return None
    acted = any(
        w in _CUT_OFF_ACTS
        and set(words[k + 1 : k + 4]) & _MY_LINES
        and set(words[max(0, k - 3) : k]) & _PERPETRATORS
        for k, w in enumerate(words)
    )
    if acted:
        return _sig("abuse", "cut off from help")
    return None


_PERPETRATORS = frozenset("he hes she shes ex partner husband boyfriend wife girlfriend they".split())
_FLED = (
    ("got", "out"),
    ("ran", "out"),
    ("drove", "off"),
    ("fled",),
    ("escaped",),
    ("left", "with", "nothing"),
    ("with", "nothing"),
    ("walked", "out"),
)
_SHELTER_ASKED = (
    ("where", "can", "we", "go"),
    ("where", "do", "we", "go"),
    ("where", "can", "i", "go"),
    ("where", "do", "i", "go"),
    ("nowhere", "to", "go"),
    ("somewhere", "safe"),
    ("somewhere", "to", "stay"),
    ("ble", "allwn", "ni", "fynd"),
)


def _fled_with_children(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A parent who has fled with the children and asks where to go tonight: "got out of the house with
    the kids in our pyjamas, he was throwing things, where can we go tonight" (not "left with the kids
    for the beach, where can we get lunch")."""
    if (
        not _has(words, _FLED)
        or not _has(words, _SHELTER_ASKED)
        or not has & (_CHILD_WORDS | {"baby", "plant"})
    ):
        return None
    if has & {"tonight", "now", "pyjamas", "nothing", "he", "him", "heno", "nawr", "rwan"}:
        return _sig("abuse", "fled with the children, nowhere to go", tier="urgent")
    return None


def _fleeing_tonight(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A parent asking for a safe place tonight for the children, from him, or to leave while he is out:
    "need somewhere safe tonight with 2 kids, he's coming back from the pub", "need to leave tonight while
    he's at the pub, where can I go with the kids" (not "where can I go with the kids tonight while he's
    working late, somewhere with soft play")."""
    if not _has(words, _SHELTER_ASKED) or not has & (_CHILD_WORDS | {"baby", "plant"}):
        return None
    if not has & {"tonight", "heno"} or not has & {"he", "hes", "him", "she", "shes"}:
        return None
    leaving = has & {"leave", "leaving", "escape", "away"} and _has(
        words, (("while", "he"), ("while", "hes"), ("while", "she"), ("before", "he"), ("before", "she"))
    )
    if _a_safe_place_to_stay(words) or leaving:
        return _sig("abuse", "a safe place asked tonight, from him", about="self")
    return None


def _a_safe_place_to_stay(words: list[str]) -> bool:
    """ "somewhere safe" said as a place to be, not for an activity ("somewhere safe for the kids to play",
    "somewhere safe to swim")."""
    for k in range(len(words) - 1):
        if words[k : k + 2] == ["somewhere", "safe"]:
            after = words[k + 2 : k + 4]
            if (
                not after
                or after[0] not in ("to", "for")
                or after in (["to", "stay"], ["to", "go"], ["to", "sleep"])
            ):
                return True
    return False


def _found_again(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Someone the writer moved or ran to get away from has found them: "moved to Wrexham last month to get
    away, he found me again, same car outside" (not "my old mate found me on facebook again")."""
    found = (
        any(  # (not "he found us a great nursery")
            words[k : k + 2] in (["found", "me"], ["found", "us"])
            and words[k + 2 : k + 3] not in (["a"], ["an"], ["the"], ["some"], ["somewhere"])
            for k in range(len(words))
        )
        or _has(words, (("tracked", "me", "down"), ("tracked", "us", "down")))
    )
    away = _has(words, (("get", "away"), ("got", "away"), ("moved",), ("refuge",), ("fled",), ("escape",)))
    if found and away and has & {"he", "she", "they", "ex"} and not has & (_ONLINE_PLACES | _JOKING):
        return _sig("abuse", "found again after getting away", about="self")
    return None


_RAILWAY = frozenset("platform platfform tracks track railway rheilffordd line".split())
_TRAIN_THAT_WONT_STOP = (
    ("doesnt", "stop"),
    ("dont", "stop"),
    ("does", "not", "stop"),
    ("not", "stopping"),
    ("ddim", "yn", "stopio"),
    ("fast", "train"),
    ("fast", "trains"),
    ("next", "train"),
    ("tren", "nesa"),
    ("trains", "go", "by"),
    ("trains", "go", "past"),
)
_AT_THE_LINE = frozenset(
    "waiting stood standing sitting sat walking letting sefyll eistedd cerdded aros reasons meddwl".split()
)


def _at_the_railway(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """Someone at the line waiting for a train that does not stop, or walking the tracks: "stood on the
    platform waiting for the one that doesn't stop", "letting the fast trains go by", "yn meddwl am y
    tren nesa sy ddim yn stopio" (not "waiting for the next train, is it delayed?")."""
    line = has & _RAILWAY and (
        has & {"platform", "platfform", "tracks", "railway", "rheilffordd"}
        or _has(words, (("train", "line"),))
    )
    if not line or has & {
        "delayed",
        "late",
        "cancelled",
        "ticket",
        "tickets",
        "work",
        "school",
        "strike",
        "engineering",
    }:
        return None
    if _has(
        words,
        (
            ("walking", "along", "the", "tracks"),
            ("walking", "on", "the", "tracks"),
            ("on", "the", "railway", "line"),
        ),
    ):
        return _sig(
            "danger",
            "someone on the tracks",
            tier="urgent",
            about="other" if has & {"man", "woman", "someone", "he", "she"} else "self",
        )
    if _has(words, _TRAIN_THAT_WONT_STOP) and has & _AT_THE_LINE:
        return _sig("suicide", "waiting at the line for a train that will not stop")
    dwelling = any("dwell" in t.tags for t in toks) or _has(words, _DWELL_ON)
    if dwelling and not has & _TRAIN_HOBBIES:
        again = has & {"again", "stop", "every", "always", "constantly", "eto"}
        return _sig("suicide", "dwelling on the railway", tier="crisis" if again else "concern")
    return None


_DWELL_ON = (
    ("thinking", "about"),
    ("looking", "at"),
    ("keep", "looking"),
    ("staring", "at"),
    ("meddwl", "am"),
)
_TRAIN_HOBBIES = frozenset(
    "times timetable son daughter kids loves love photos photo model trainspotting spotting hobby journey "
    "holiday trip".split()
)
_PASSING_THROUGH = frozenset("through past by".split())
_CATCHING = frozenset(
    "leave leaves depart departs arrive arrives catch connection change ticket tickets work".split()
)


def _a_train_that_will_not_stop(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """When the train that does not stop comes through, asked: "what time does the fast train come
    through gresford, asking for reasons", "which trains don't stop at gresford" (not "what time does the
    fast train to chester leave")."""
    if not has & {"train", "trains", "tren"} or not _has(words, _TRAIN_THAT_WONT_STOP) or has & _CATCHING:
        return None
    if has & (_TRAIN_HOBBIES | {"watching", "watch", "wave"}):
        return None  # "what time does the fast train come through ruabon, my son loves watching them"
    if not has & (_PASSING_THROUGH | {"dont", "doesnt", "stop", "ddim"}):
        return None
    reasons = _has(words, (("asking", "for", "reasons"), ("for", "reasons"), ("the", "one", "that")))
    return _sig("suicide", "the train that will not stop, asked", tier="crisis" if reasons else "concern")


_INSURANCE_WAY_OUT = (
    ("better", "off", "with", "the", "insurance"),
    ("better", "off", "with", "my", "insurance"),
    ("only", "way", "out"),
    ("look", "like", "an", "accident"),
    ("insurance", "money"),
)


def _worth_more_dead(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """The writer's life insurance seen as the way out for the family: "they'd all be better off with the
    insurance money", "make it look like an accident so my mum gets the life insurance" (not "would my
    wife be better off taking the insurance as a lump sum")."""
    if "insurance" not in has or not _has(words, _INSURANCE_WAY_OUT):
        return None
    if has & {
        "lump",
        "monthly",
        "policy",
        "broker",
        "claim",
        "claims",
        "quote",
        "premium",
        "premiums",
        "car",
        "house",
        "pet",
    }:
        return None
    if _has(words, (("insurance", "money"),)) and not _has(words, (("better", "off"),)):
        return None
    return _sig("suicide", "worth more dead: the insurance")


_DATE_SET = (
    ("picked", "a", "date"),
    ("set", "a", "date"),
    ("date", "picked"),
    ("chosen", "a", "date"),
    ("chose", "a", "date"),
    ("planned", "it", "for"),
    ("planning", "how"),
    ("planning", "the", "way"),
    ("planning", "the", "day"),
    ("been", "planning", "how"),
)
_PLANNED_OCCASIONS = frozenset(
    "wedding party move moving holiday operation surgery op appointment exam interview meeting christening "
    "funeral trip match gig bbq launch opening retirement proposal wedding engagement "
    "surprise hen stag birthday party parti priodas gwyliau court hearing".split()
) - {"birthday"}


def _a_date_set(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A date set or a way planned for an act that is not named: "i set a date. the 14th", "i've
    planned it for my birthday next week", "been planning how i'd do it" (not "we've set a date for the
    wedding")."""
    if not _has(words, _DATE_SET) or has & _PLANNED_OCCASIONS or has & {"we", "our", "us"}:
        return None
    if not has & {"i", "im", "ive", "id", "me", "my"}:
        return None
    return _sig("suicide", "a date set for it")


_LAST_APOLOGY = (("love", "you", "all"), ("dy", "garu", "di"), ("i", "loved", "her"), ("i", "loved", "him"))


def _a_last_apology(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A sorry left for the family, with nothing after it: "tell my mum i'm sorry", "sori mam, dwi'n dy
    garu di" (not "tell my mum i'm sorry i'll be late")."""
    for cl in clauses:
        said = [t.text for t in cl]
        if said[-1:] != ["sorry"] or "tell" not in said:
            continue
        k = said.index("tell")
        if said[k + 1 : k + 2] in (["my"], ["mum"], ["mam"], ["dad"]) and len(said) - k <= 6:
            return _sig("suicide", "tell my family i am sorry")
    if has & {"sorry", "sori"} and _has(words, _LAST_APOLOGY) and len(words) <= 16 and not has & _JOKING:
        if not has & {"late", "missed", "forgot", "party", "birthday", "hwyr"}:
            return _sig("suicide", "sorry, love you all")
    return None


_HOUSEHOLD_CHEMICALS = frozenset(
    "pod pods liquitab liquitabs bleach detergent cleaner cleaning chemicals chemical dishwasher washing "
    "antifreeze cannydd glanhau".split()
)
_AFTER_SWALLOWING = frozenset(
    "coughing drooling vomit vomiting sick crying burning choking sleepy drowsy chwydu pesychu crio".split()
)


def _a_chemical_swallowed(
    clauses: list[list[_Token]], toks: list[_Token], words: list[str], has: set[str]
) -> CrisisSignal | None:
    """A household chemical swallowed or bitten into, and the body answering: "my son's bitten into a
    washing machine pod, he's coughing and drooling", "drank the purple liquid under the sink" (not "the
    dog drank from the washing up bowl, he's fine")."""
    swallowed = has & (_SWALLOWED | {"drink", "bitten", "bite"})
    chemical = has & _HOUSEHOLD_CHEMICALS or _has(words, (("under", "the", "sink"),))
    if not swallowed or not chemical or not has & _AFTER_SWALLOWING or has & {"fine", "dog", "cat", "iawn"}:
        return None
    return _sig("danger", "a household chemical swallowed", tier="urgent", about="other")


_WHOLE_READERS = (
    _affairs_settled,
    _a_means,
    _menace,
    _control_and_exploitation,
    _home_and_body,
    _letters_for_family,
    _children_left_alone,
    _someone_frail_out,
    _a_home_taken_over,
    _a_debt_worked_off,
    _papers_kept_from_workers,
    _menace_said_by_a_figure,
    _an_allergy_not_settling,
    _a_fire_spreading,
    _smoke_indoors,
    _burning_at_home,
    _a_goodbye_from_the_edge,
    _fleeing_tonight,
    _found_again,
    _someone_down,
    _groomed_online,
    _contact_cut_off,
    _fled_with_children,
    _at_the_railway,
    _a_train_that_will_not_stop,
    _worth_more_dead,
    _a_date_set,
    _a_last_apology,
    _a_chemical_swallowed,
    _lips_gone_blue,
    _a_strokes_signs,
    _a_call_for_help_heard,
    _armed_and_on_the_way,
)
