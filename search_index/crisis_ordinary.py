"""Crisis detection, what reads a flagged message as ordinary: a story, a past, a topic, a figure
of speech, a game, a thing at a task. Each reading is narrow, and none clears a message with a second
signal, a means at hand or a now. Used by `crisis._detect` after the rules have read a message."""

from __future__ import annotations

import logging
import re
import time

from .crisis_reading import (
    _ABSENT,
    _BLADES,
    _EVENTS,
    _FUNCTION_WORDS,
    _GAMING,
    _ITCHES,
    _JOKING,
    _LATE,
    _LEISURE,
    _LITTLE_ONES,
    _LONG_AGO,
    _MEANS,
    _MILD_SIGNS,
    _ONGOING,
    _PARTNERS,
    _PETS,
    _PREPOSITIONS,
    _RISK_CONCEPTS,
    _SPORT,
    _SWALLOWED,
    _TOOK_OR_KEPT,
    _TOOLS_THAT_SLIP,
    _TOPIC_FRAME,
    _TRACKERS,
    _TREATS,
    _TRIPS,
    _WARNING_SIGNS,
    _WONT_NEED,
    _YOUNG,
    CrisisSignal,
    _a_thing_is_killing,
    _ages,
    _Clause,
    _has,
    _signals,
    _Token,
    _windows,
    _young_agent,
)
from .lexicon import mutations
from .wordnet import is_a_person, is_a_saying, is_an_animal

log = logging.getLogger(__name__)


# The post-filters below read a flagged message as ordinary. Each is narrow, and none acts when more
# than one clause raises a signal of its own ("this is my last message today. i've taken all my
# pills"), nor when the message names a means at hand, an amount, a weapon held or a now.


_PARENTS = frozenset("mum mam mom mums mams moms dad dads parents parent".split())
_WATCHED = frozenset("tracker tracking tracks track location app apps screen phone life360 wifi".split())
_HURTFUL_TAGS = frozenset(
    {"violence", "threat", "fear", "sexual", "touch", "harm", "kill", "weapon", "hands_on_neck"}
)


def _a_parent_minding_a_child(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A parent who watches a child's phone: "my mum's got a tracker on my phone because i'm 13" (never
    with a blow, a threat, fear or anything sexual, nor for a writer of 16 or more)."""
    toks = [t for cl in clauses for t in cl]
    has = {t.text for t in toks}
    young = [a for cl in clauses for a in _ages(cl)]
    return (
        best.tier != "urgent"
        and bool(has & _PARENTS)
        and bool(set(best.phrase.split()) & _WATCHED)
        and bool(young)
        and max(young) < 16
        and not any(t.tags & _HURTFUL_TAGS for t in toks)
    )


_MAKE_BELIEVE = frozenset(
    "pretend halloween costume costumes prop props decorations fake plastic toy".split()
)


def _make_believe(clauses: list[list[_Token]]) -> bool:
    """Whether a flagged thing is said to be make-believe: "a fake body hanging from the tree for
    halloween" (the word beside the thing, never with "real")."""
    toks = [t for cl in clauses for t in cl]
    if any(t.text in ("real", "really", "actual") for t in toks):
        return False
    return any(
        t.text in _MAKE_BELIEVE
        and any(
            u.tags & _RISK_CONCEPTS or u.text in ("body", "noose", "blood", "corpse")
            for u in toks[k + 1 : k + 3]
        )
        for k, t in enumerate(toks)
    )


_SAVING = frozenset("saved saving stockpiled stockpiling hoarded hoarding stashed stashing".split())


def _a_thing_saved(clauses: list[list[_Token]]) -> bool:
    """Whether what is saved up is named, and is no means: "saved up my clubcard points for weeks" (not
    "saved up my tablets", "been saving them")."""
    saved = False
    for cl in clauses:
        for k, t in enumerate(cl):
            if t.text not in _SAVING:
                continue
            j = k + 1
            while j < len(cl) and cl[j].text in ("up", "my", "our", "some", "all"):
                j += 1
            thing = cl[j] if j < len(cl) else None
            if (
                thing is None
                or thing.tags
                or not thing.text.isalpha()
                or thing.text in _FUNCTION_WORDS | {"them", "enough"}
            ):
                return False
            saved = True
    return saved


def _one_signal(clauses: list[list[_Token]]) -> bool:
    """Whether at most one clause of the message raises a signal of its own."""
    raising = 0
    for cl in clauses:
        if any(True for window in _windows(cl) for _ in _signals(_Clause(window))):
            raising += 1
    return raising <= 1


_HELD = frozenset({"weapon", "hang", "poison", "overdose", "stockpile", "high_place", "water", "substance"})


def _nothing_else(clauses: list[list[_Token]], extra: frozenset[str] = frozenset()) -> bool:
    """No means or weapon named (nor an amount of a medicine), nothing said as now, and one clause
    raising a signal."""
    toks = [t for cl in clauses for t in cl]
    if any(t.tags & (_HELD | extra) for t in toks) or _said_now(clauses):
        return False
    return _one_signal(clauses)


_SEEN_TO = frozenset("capped fixed repaired mended sorted isolated".split())


def _a_hazard_seen_to(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A gas smell told of as over and seen to: "gas smell was strong earlier so i rang the emergency line,
    they came out and capped the cooker" (never when it is smelt still or again, nor with a second signal)."""
    if best.kind != "danger" or not set(best.phrase.split()) & {"gas", "nwy"}:
        return False
    words = [t.text for cl in clauses for t in cl]
    seen_to = set(words) & _SEEN_TO or _has(words, (("fix", "it"), ("came", "out")))
    over = _has(words, _RECENT) or _has(words, _LATELY) or _has(words, _LONG_AGO)
    still = set(words) & {"still", "again", "eto"} and not _has(words, (("if",),))
    return bool(seen_to and over and not still) and _one_signal(clauses)


def _away_for_a_reason(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Not being here, for a named trip: "i won't be here for christmas, i'm on a coach trip", "he won't
    be here after christmas as he's retiring" (never with "for good", "much longer", "heaven", a grave, a
    means, a now or a second signal)."""
    words = [t.text for cl in clauses for t in cl]
    toks = [t for cl in clauses for t in cl]
    absent = _has(words, _ABSENT) or any("presence" in t.tags for t in toks)
    if best.kind != "suicide" or best.tier == "urgent" or not absent:
        return False
    if any(t.tags & (_INTENT_TAGS - {"my_absence"}) for t in toks) or set(words) & (_IN_EARNEST | _FOR_GOOD):
        return False
    if _has(
        words,
        (("told", "the"), ("told", "them"), ("told", "everyone"), ("better", "place"), ("much", "longer")),
    ):
        return False  # "i've told the kids we're going on holiday", "a better place"
    return bool(set(words) & _TRIPS) and _nothing_else(clauses)


# Words that say a dark line is meant: "lol ... serious though", "like actually", "honestly"
_SERIOUS_LOSSES = frozenset(
    "job home house kids children custody everything everyone benefits money flat".split()
)
_IN_EARNEST = frozenset(
    "serious seriously joking kidding honestly honest fr deadass really actually genuinely".split()
)
_FOR_GOOD = frozenset("good forever ever heaven grave graves last join peace".split())


def _a_joke_with_its_butt(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Dark humour at something trivial, with a laugh: "gonna kms if my brother eats my leftovers one more
    time lol", "i'd rather die than sit through another bingo night, ha". Never with a means, a now, a
    person it depends on, or the writer saying it is meant."""
    words = [t.text for cl in clauses for t in cl]
    laughing = set(words) & (_JOKING | {"ha", "lmaooo", "lmaoo", "xd"})
    if best.kind != "suicide" or best.tier == "urgent" or not laughing or set(words) & _IN_EARNEST:
        return False
    trivial = _has(
        words,
        (("one", "more"), ("rather", "die", "than"), ("rather", "be", "dead", "than"), ("sit", "through")),
    ) or (
        set(words) & (_LATE | {"impossible", "colli", "hwyr"}) and not set(words) & _SERIOUS_LOSSES
    )  # "lost my keys AGAIN, kms lol", "mae wrecsam wedi colli eto, dw i isio marw"
    return trivial and _nothing_else_but_again(clauses)


def _nothing_else_but_again(clauses: list[list[_Token]]) -> bool:
    """`_nothing_else`, where "again" may belong to the butt of a joke ("the bus is late AGAIN")."""
    toks = [t for cl in clauses for t in cl]
    if any(t.tags & _HELD for t in toks):
        return False
    if any("now" in t.tags or t.text in _NOW_WORDS - {"again", "eto"} for t in toks):
        return False
    if {t.text for t in toks} & {"mean", "serious", "seriously", "kicked", "joking", "honestly"}:
        return False  # "kicked out again lol i want to die and i mean it"
    return _one_signal(clauses)


_JEST = _JOKING | frozenset("ha surprise".split())


def _a_threat_in_jest(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A kill said with a laugh, by family or friends over a trifle: "her brothers said they'll kill me
    for not inviting them lol", "my brothers said they'll kill me for telling mum about the surprise
    party" (never by a partner, with a weapon, a fear, a leaving or a second signal)."""
    toks = [t for cl in clauses for t in cl]
    words = {t.text for t in toks}
    if best.kind != "abuse" or not words & _JEST or not any("kill" in t.tags for t in toks):
        return False
    if any(t.tags & {"partner", "weapon", "fear", "fear_of", "hands_on_neck"} for t in toks):
        return False
    if words & {
        "leave",
        "leaving",
        "left",
        "police",
        "anyone",
        "gadael",
        "heddlu",
        "again",
        "before",
        "last",
    }:
        return False  # "he'll kill me if i leave", "if i tell anyone", "like he did before"
    if words & _NOT_IN_JEST or any(a < 16 for cl in clauses for a in _ages(cl)):
        return False  # "my uncle says he will kill me if i tell, ha, i'm 12"
    if words & {"tell", "telling", "told", "deud", "dweud"} and not words & {"surprise", "party", "parti"}:
        return False  # "dad says he'll kill me for telling the teacher lol"
    if any(t.tags & {"violence", "hands_on_neck"} and not t.tags & {"kill"} for t in toks):
        return False  # "my dad says he'll kill me lol he strangled me yesterday"
    return _one_signal(clauses)


_NOT_IN_JEST = frozenset(
    "teacher school police social kicked street yesterday dog done did does strangled hit hits beat "
    "beats hurt hurts".split()
)


_SPENT = frozenset(
    "empty emptied finished missing low gone".split()
)  # "empty blister packs all over the side"
_ORGANISERS = (
    ("dosette",),
    ("pill", "organiser"),
    ("pill", "organizer"),
    ("pill", "box"),
    ("blister", "packs"),
)
_MADE_SAFE = (
    ("childproof",),
    ("child", "proof"),
    ("baby", "proof"),
    ("babyproof",),
    ("child", "lock"),
    ("child", "locks"),
    ("safety", "catch"),
    ("out", "of", "reach"),
)
_AILMENTS = frozenset(
    "hayfever headache cold allergy allergies migraine cough flu period back pain toothache".split()
)
_GAMES = (
    ("video", "game"),
    ("in", "his", "game"),
    ("in", "her", "game"),
    ("in", "the", "game"),
    ("speedrun",),
)
_AWAY_FOR = frozenset("weekend week day night bit while holiday break".split())
_TRADES = frozenset(
    "engineer plumber electrician postman builder builders carer cleaner decorator gardener courier "
    "meter nurse".split()
)
_CAUSE_DOUBTED = frozenset(
    "isnt not says say claims lying lie reckons thinks think tell told pretend pretending cover".split()
)
_HANGOVER = frozenset("hungover hangover do drinking drinks pints wine".split())
# what besides the flagged words keeps a message alarming
_ALARM_TAGS = frozenset(
    "cant_go_on goodbye my_absence better_without fear_of threat weapon stockpile missing suicide kill death medical "
    "bleeding self_harm overdose control".split()
)
_CONDITIONS = frozenset("seizures seizure fits epilepsy asthma".split())
_LIVING_WITH = frozenset(
    "support group groups club school advice controlled febrile diagnosed condition epilepsy nurse clinic".split()
)
_HAPPENING = frozenset(
    "now minutes wont stop stopping breathing blue right tonight 999 fitting seizing today afternoon hour hours "
    "waking row gasping".split()
)
# harms that show later, whatever is said of them now
_HARM_COMES_LATER = frozenset(
    "magnet magnets battery batteries swallowed tablets pills overdose head blood breathing noisy fitting seizing".split()
)


def _a_condition_lived_with(words: list[str], best: CrisisSignal) -> bool:
    """A condition someone has, asked about for living with it: "my son has seizures, they're well
    controlled, is there a support group" (never with a now, minutes or breathing)."""
    if not set(best.phrase.split()) <= _CONDITIONS:
        return False
    at = _phrase_at(words, best)
    had = at is not None and set(words[max(0, at - 2) : at]) & {"has", "have", "gets", "get", "had"}
    return bool(had) and bool(set(words) & _LIVING_WITH) and not set(words) & _HAPPENING


_COLOURINGS = frozenset(
    "slushie slush lolly lollies sweets sweet paint dye ink pen marker makeup lipstick blueberries jelly".split()
)
_ON_PURPOSE = frozenset("purpose deliberately deliberate meant again tonight every cope".split())
_FOR_A_FEELING = (("to", "cope"), ("to", "feel"), ("every", "night"), ("make", "it", "stop"))
_HARMS = frozenset({"violence", "kill", "harm", "weapon", "shoot", "burn", "cut", "death"})
_ALARM_WORDS = frozenset("razor blade still real properly jk unconscious".split())


def _alarm_beside(toks: list[_Token], best: CrisisSignal) -> bool:
    """Whether anything alarming is said besides the flagged words: a wish, a means, a goodbye, a fear, a
    warning sign of the body, a blade, "still", "properly", "in real life"."""
    words = [t.text for t in toks]
    at = _phrase_at(words, best)
    span = set() if at is None else set(range(at, at + len(best.phrase.split())))
    for k, t in enumerate(toks):
        if k in span:
            continue
        tags = t.tags & _ALARM_TAGS
        if tags == {"threat"} and not any(u.tags & _HARMS for u in toks[k + 1 : k + 5]):
            continue  # "want to do a first aid course": a wish, no threat
        if tags:
            return True
    if set(words) & _ALARM_WORDS:
        return True
    beside = [
        w for k, w in enumerate(words) if k not in span
    ]  # "seizures controlled for years": its own word
    return any(_has(beside, said) for name, said in _WARNING_SIGNS.items() if name not in _MILD_SIGNS)


def _phrase_at(words: list[str], best: CrisisSignal) -> int | None:
    """Where the flagged words first stand in the message's words (None when they cannot be found: a
    phrase of the whole-message readers names no words)."""
    phrase = best.phrase.split()
    return next(
        (k for k in range(len(words) - len(phrase) + 1) if words[k : k + len(phrase)] == phrase), None
    )


def _after_the_phrase(words: list[str], best: CrisisSignal, n: int) -> list[str]:
    """The `n` words after the flagged words (none when they cannot be found)."""
    at = _phrase_at(words, best)
    if at is None:
        return []
    end = at + len(best.phrase.split())
    return words[end : end + n]


# what a person does at a high place, a platform or a river, said beside it
_ERRANDS_THERE = frozenset(
    "caffi cafe lluniau photos photo parking exit ticket tickets machine machlud boat guided tour complain "
    "complaints wheelchair path ashes scatter permission".split()
)
# a weariness aimed at a thing: "cant do this anymore, the washing machine has broken 3 times this month"
_STATES = frozenset("broken broke impossible ridiculous late leaking cancelled delayed".split())
_THING_TAGS = frozenset({"appliance", "home_place", "near_place"})  # "the tumble dryer", "the kitchen"
_LINKS = frozenset("is are has have keeps was been gone".split())
_HEAVY = frozenset(
    "credit universal benefits money rent bills payment wages food kids "
    "life pain voices debt debts bailiffs head mind brain thoughts world everything grief loneliness "
    "depression anxiety stress body heart marriage relationship bywyd".split()
)


def _a_nuisance_named(toks: list[_Token]) -> bool:
    """Whether a weariness ("can't do this anymore", "want it all to stop") is aimed at a thing the message
    names: a thing with no tag (no person, no means) after "the", "this" or "my", said to be broken,
    late or the like ("the maths homework is impossible", "my boiler's broken"), or after "with this",
    "of this" ("can't take no more of this weather"); never a heavy thing ("the pain", "the voices", "my
    life"), nor with a means, a death, a goodbye or an absence anywhere in the message."""
    words = [t.text for t in toks]
    weary = any(t.tags & {"hopeless", "cant_go_on", "despair"} for t in toks)
    if (
        not weary
        or any(t.tags & (_MEANS | _NOT_A_NUISANCE) for t in toks)
        or _has(words, _WONT_NEED + _ABSENT)
    ):
        return False
    for k, t in enumerate(toks[:-1]):
        aimed = t.text == "this" and words[k - 1 : k] in (["with"], ["of"])
        if t.text not in ("the", "this", "my", "these") and not aimed:
            continue
        j = k + 1
        second = toks[j + 1] if j + 1 < len(toks) else None
        if (
            second is not None
            and not toks[j].tags - _THING_TAGS
            and not second.tags - _THING_TAGS
            and second.text not in _STATES | _LINKS | _FUNCTION_WORDS
        ):
            j += 1  # "the maths homework", "the washing machine"
        noun = toks[j]
        if (
            noun.tags - _THING_TAGS
            or noun.text in _HEAVY
            or noun.text in _FUNCTION_WORDS
            or len(noun.text) < 3
        ):
            continue
        after = (
            words[j + 1 : j + 4] if words[j + 1 : j + 2] and words[j + 1] in _LINKS else words[j + 1 : j + 2]
        )
        said_of_me = set(words[j + 1 : j + 5]) & {"me", "us"}  # "the bedroom tax broke me"
        if aimed or set(after) & _STATES and not said_of_me:
            return True
    return False


_NOT_A_NUISANCE = frozenset(
    "vehicle jump cut burn drown self_harm suicide kill death stockpile goodbye my_absence better_without "
    "life forever fade_out".split()
)


def _ordinary_by_its_context(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A flagged word made ordinary by what is said of it, in a message with nothing else alarming:
    "stood on the bridge watching the raft race", "overdosed on christmas chocolate", "the pills lined up
    in a dosette box", "childproof the cupboard with the dishwasher tablets", "took something for his
    hayfever", "worst headache of my life after the christmas do", "ways to die in his video game",
    "disappear for a weekend", "scratches from the new kitten", "someone in my house, it's the gas
    engineer". Never with a cause doubted ("says it's the cat, it isn't") or a means at hand."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    has = set(words)
    if not _one_signal(clauses):
        return False
    if best.kind == "danger" and _a_thing_at_a_task(toks, words):
        return True  # its own reading of harm: "got the knife out, carving the turkey"
    if best.kind == "danger" and _a_condition_lived_with(words, best):
        return True  # "my daughter has seizures, is there a support group for parents"
    if best.kind == "suicide" and _dead_before_a_wait(words):
        return True  # its own reading of what is alarming: "before the ambulance comes" stands
    if _alarm_beside(toks, best) and best.kind not in ("suicide", "self-harm"):
        return False
    phrase = best.phrase
    after = _after_the_phrase(words, best, 8)
    substance = any(t.tags & {"substance", "poison"} for t in toks)
    reviewed = has & {"review", "reviewed", "adolygu", "hadolygu", "pharmacist", "fferyllydd", "gp"}
    if has & {"different", "gwahanol"} and reviewed and not has & {"fwriadol", "purpose"}:
        return True  # "mae mam yn cymryd gormod o dabledi gwahanol, all y fferyllydd eu hadolygu"
    if _has(words, _ORGANISERS) and not has & (_SPENT | _TOOK_OR_KEPT) and best.tier != "urgent":
        return not any(t.tags & {"overdose"} for t in toks)  # "all the pills lined up in a dosette box"
    if best.kind == "suicide" and best.tier != "urgent" and _a_nuisance_named(toks):
        return True  # its own reading of what is alarming
    if (
        best.kind == "self-harm"
        and not has & (_CAUSE_DOUBTED | _BLADES)
        and not any(t.tags & _INTENT_TAGS for t in toks)
    ):
        pet = any(w in ("from", "by") and set(words[k + 1 : k + 4]) & _PETS for k, w in enumerate(words))
        slipped = has & _TOOLS_THAT_SLIP and not has & _ON_PURPOSE and not _has(words, _FOR_A_FEELING)
        if pet or has & _ITCHES or slipped:  # "scratches from the new kitten", "with the mandoline"
            return True
    if _alarm_beside(toks, best) or any(t.tags & {"weapon", "stockpile"} for t in toks):
        return False
    said = set(best.phrase.split())  # the flagged words must be of the place: "stood on the bridge"
    place = any(
        (t.tags & {"high_place", "vehicle", "water", "edge"} or t.text in ("top", "roof", "platform"))
        and t.text in said
        for t in toks
    )
    final = "last" in has and not _has(words, (("last", "night"), ("last", "week"), ("last", "year")))
    final = final or _has(words, (("going", "over"), ("go", "over"), ("it", "over"), ("be", "over")))
    outing = has & (_EVENTS | _ERRANDS_THERE | {"lunch", "lovely"}) or any(
        w.startswith(_LEISURE) for w in words
    )
    if best.kind == "suicide" and place and outing and not final:
        return not any(t.tags & {"jump"} for t in toks)  # "on the top floor, the ticket machine ate my card"
    for k, w in enumerate(words):
        treat = w in ("overdosed", "overdose", "od", "overdosing") and words[k + 1 : k + 2] in (
            ["on"],
            ["of"],
            ["o"],
        )
        if (
            treat
            and set(words[k + 2 : k + 4]) & _TREATS
            and not substance
            and not any(x.isdigit() for x in words)
        ):
            return True
    if _has(words, _MADE_SAFE) and substance and not has & _SWALLOWED:
        return True
    whole = has & {"whole", "lot", "all", "box", "packet"}
    if (
        phrase.startswith("taken something")
        and not whole
        and any(w == "for" and set(words[k + 1 : k + 3]) & _AILMENTS for k, w in enumerate(words))
    ):
        return True
    if (
        "headache" in phrase
        and has & _HANGOVER
        and not has & {"worry", "worried", "sudden", "suddenly"}
        and not _has(words, (("never", "had"),))
    ):
        return True
    if best.kind == "suicide" and _has(after[:4], _GAMES):
        return True  # "looking up ways to die in his video game"
    if "disappear" in phrase and after[:1] == ["for"] and set(after[1:4]) & _AWAY_FOR:
        return True
    if best.kind == "danger" and _resolved_last(clauses):
        return True
    if best.kind == "danger" and any(
        w == "from" and set(words[k + 1 : k + 4]) & _COLOURINGS for k, w in enumerate(words)
    ):
        return True  # "his lips are blue from the blue slushie"
    parting = any(t.tags & {"missing", "goodbye"} for t in toks) or _has(
        words, (("coming", "back"), ("come", "back"), ("find", "me"), ("love", "them"))
    )
    if best.kind == "suicide" and not parting and _carried_not_taken(words):
        return True
    unhurt = not any(t.tags & _HURTS for t in toks)  # a person explains a presence, never a harm done
    return best.kind == "danger" and not has & _CAUSE_DOUBTED and _explained_away(words, unhurt)


_MEANS_AROUND = frozenset(
    "crossing platform track tracks line bridge roof edge standing tablets pills rope lot taken took".split()
)
_AWAITED = frozenset(
    "bus buses train trains council repair repairs boiler parcel delivery pothole road roadworks refund form "
    "broadband engineer plumber landlord lift queue letter appointment housing kettle website app".split()
)


def _dead_before_a_wait(words: list[str]) -> bool:
    """A figure of waiting for a thing or a service: "i'll be dead before that bus comes", "dead before the
    council fixes my boiler" (never before a person, a day or "you", nor beside a means or an amount)."""
    for k, w in enumerate(words):
        if w == "dead" and words[k + 1 : k + 2] == ["before"]:
            ahead = words[k + 2 : k + 5]
            means = any(t in _MEANS_AROUND for t in words)
            if (
                set(ahead) & _AWAITED
                and not set(ahead) & {"you", "he", "she", "they", "mum", "mam", "dad"}
                and not means
            ):
                return not set(words) & {"minus", "freezing", "hypothermia", "days", "weeks"}
    return False


_AFFAIRS = frozenset("affairs will funeral".split())
_PLANS_AHEAD = frozenset("enjoy enjoying trip trips holiday holidays cruise outings outing hobby".split())
_AN_END_NEAR = frozenset("last goodbye bye tonight soon ready pills tablets final before".split())


def _affairs_and_plans(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Affairs put in order by someone who plans to enjoy what is ahead: "i'm 84, i've put my affairs in
    order, now i want to enjoy myself. any trips for pensioners?" (never with a last, a goodbye, a soon,
    or a wish to die)."""
    toks = [t for cl in clauses for t in cl]
    has = {t.text for t in toks}
    old = any(a >= 65 for cl in clauses for a in _ages(cl)) or has & {
        "pensioner",
        "pensioners",
        "retired",
        "oap",
    }
    return (
        best.kind == "suicide"
        and best.tier != "urgent"
        and bool(old)
        and bool(set(best.phrase.split()) & _AFFAIRS)
        and bool(has & _PLANS_AHEAD)
        and not has & _AN_END_NEAR
        and not any(t.tags & {"kill", "death", "suicide", "cant_go_on", "despair", "substance"} for t in toks)
    )


# an emergency over, said after it: "he choked on a grape but he's fine now"
_FINE_NOW = (
    ("is", "fine", "now"),
    ("am", "fine", "now"),
    ("is", "ok", "now"),
    ("is", "okay", "now"),
    ("is", "alright", "now"),
    ("all", "fine", "now"),
    ("he", "is", "fine"),
    ("she", "is", "fine"),
    ("fine", "since"),
    ("stopped", "bleeding"),
    ("been", "controlled"),
    ("under", "control"),
    ("bob", "dim", "yn", "iawn"),
    ("popeth", "yn", "iawn"),
    ("di", "ddiffodd"),
    ("wedi", "ddiffodd"),
)
_OVER = frozenset("choked fell fallen caught ddoe yesterday ago years controlled cut grater".split())


def _resolved(words: list[str]) -> bool:
    """ "he choked on a grape but he's fine now": an emergency told as over, nothing said after it, never
    one done by someone ("he does it when he's drunk") or one that comes back."""
    if set(words) & (_ONGOING | _HARM_COMES_LATER | {"when", "deliberately", "purpose"}):
        return False  # "swallowed a magnet yesterday but he's fine now", "he's fine but he's peeing blood"
    for q in _FINE_NOW:
        for k in range(len(words) - len(q) + 1):
            if tuple(words[k : k + len(q)]) == q and set(words) & _OVER:
                return not set(words[k + len(q) :]) & {"but", "keeps", "still", "ond", "again"}
    return False


def _resolved_last(clauses: list[list[_Token]]) -> bool:
    """`_resolved`, said in the message's last clause that raises or ends anything: "it's been controlled
    for years" does not end "but he's been fitting for 10 minutes"."""
    words = [t.text for cl in clauses for t in cl]
    if not _resolved(words):
        return False
    said = [[t.text for t in cl] for cl in clauses]
    fine = max((i for i, w in enumerate(said) if any(_has(w, (q,)) for q in _FINE_NOW)), default=-1)
    after = [t for cl in clauses[fine + 1 :] for t in cl]
    later = [t.text for t in after]
    signs = any(_has(later, said) for name, said in _WARNING_SIGNS.items() if name not in _MILD_SIGNS)
    return not signs and not any(t.tags & ((_ALARM_TAGS - {"threat"}) | {"violence"}) for t in after)


# a weapon, a fire or smoke at an everyday task: "got the knife out, carving the turkey", "machete
# clearing brambles", "smoke coming from the chimney", "the curry house is on fire, best jalfrezi"
_TASKS = frozenset(
    "carving carve turkey clearing brambles fforc fork prop pigeons gardening allotment "
    "chimney simnai bonfire blueberries".split()
)
_PRAISE = frozenset("best brilliant amazing orders season tymor".split())
_AT_HAND = frozenset(
    "waving pointing aiming threatening outside door window flames trapped inside alarm tent caravan bedroom room "
    "full into".split()
)


def _a_thing_at_a_task(toks: list[_Token], words: list[str]) -> bool:
    harm = any(t.tags & (_INTENT_TAGS | {"threat", "violence", "fear", "harm", "kill"}) for t in toks)
    on_fire = any(t.tags & {"fire_state"} for t in toks) and bool(set(words) & _PRAISE)
    return (bool(set(words) & _TASKS) or on_fire) and not set(words) & _AT_HAND and not harm


_CARRIED = (("with", "me"), ("with", "him"), ("with", "her"), ("on", "holiday"))
_RUN_SHORT = (
    ("forgot", "them"),
    ("ran", "out", "of", "them"),
    ("and", "ran", "out"),
    ("left", "them"),
    ("emergency", "supply"),
    ("need", "more"),
)


def _carried_not_taken(words: list[str]) -> bool:
    """Medicines carried and so run short, not swallowed: "took all my tablets on holiday with me and ran
    out", "took all his meds to his girlfriend's and forgot them" (never "took all my tablets to my room",
    "ran out of hope, took all my pills", "40 tablets")."""
    taken_in = set(words) & (_SWALLOWED | {"take", "overdose", "overdosed", "hope"})
    if taken_in or any(w.isdigit() for w in words) or not _has(words, _RUN_SHORT):
        return False
    for k, w in enumerate(words):
        if w in ("took", "taken") and _has(words[k + 1 : k + 9], _CARRIED):
            return True
        if w in ("took", "taken") and any(
            x == "to" and words[k + j + 2 : k + j + 3] in (["his"], ["her"])
            for j, x in enumerate(words[k + 1 : k + 10])
        ):
            return True  # "took all his meds to his girlfriend's and forgot them"
    return False


def _a_game_or_a_figure(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Blows in a game, or a kill that is a figure of speech, with nothing else said: the rules' own
    reading of the two, applied to the whole message."""
    toks = [t for cl in clauses for t in cl]
    if not _one_signal(clauses) or any(t.tags & {"weapon", "fear", "fear_of"} for t in toks):
        return False
    kills = [k for k, t in enumerate(toks) if t.text in ("killing", "lladd")]
    if kills and all(_a_thing_is_killing(toks, k) for k in kills):
        return True
    said = set(best.phrase.split())
    blows = [
        k for k, t in enumerate(toks) if t.text in said and t.tags & {"violence", "kill", "harm", "jump"}
    ]
    return bool(blows) and all(_in_a_game(toks, k) for k in blows)


_ARENA = frozenset("at in ar yn gan during mewn by".split())
_PLAYED = (
    (_SPORT - {"side"})
    | (_GAMING - {"boss", "level", "levels", "character"})
    | frozenset(
        "pool darts snooker quiz cwis wyddbwyll ball bel laser paintball training tournament league".split()
    )
)
# what is done to a player: beaten, thrashed, tackled, pinned; any blow in a contact sport
_GAME_BLOWS = frozenset(
    "beat beats beaten beating thrashed hammered killing killed kills tackled tackle pinned smashed destroyed "
    "nghuro curo guro battered batter".split()
)
_CONTACT_SPORT = frozenset(
    "rugby boxing judo wrestling wrestlin jitsu mma kickboxing sparring karate taekwondo bjj".split()
)
_INJURED = frozenset(
    "bleeding blood black eye eyes hospital broken bruise bruises bruised unconscious swollen cut lip lips "
    "face nose teeth tooth concussion".split()
)


def _in_a_game(toks: list[_Token], i: int) -> bool:
    """Whether the blow at `i` was dealt in a game or a sport, said just after it: "got beat at pool by my
    boyfriend", "keeps killing me in call of duty", "fy nghuro i bob tro ar wyddbwyll", "pinned me in
    wrestling" (not "he beat me after the football", "punched me at the pub quiz", nor with an injury)."""
    words = [t.text for t in toks]
    if set(words) & _INJURED or _has(words, (("wait", "till"), ("get", "home"), ("tell", "anyone"))):
        return False
    played = _PLAYED | {"side"} if _has(words, (("a", "side"),)) else _PLAYED  # "at 5-a-side"
    if words[i] in ("killed", "killing", "kill"):
        played = played | {"half"}  # "we got killed in the second half" (not "beat me at half time")
    for k in range(i + 1, min(len(words), i + 6)):
        if words[k] in _ARENA and set(words[k + 1 : k + 4]) & played:
            game = set(words[k + 1 : k + 4])
            ball = words[k] in ("by", "gan") and game & {"ball", "bel"}  # "hit by a cricket ball"
            return bool(words[i] in _GAME_BLOWS or game & _CONTACT_SPORT or ball)
    return False


# who or what a danger turns out to be, said after it: "it's the gas engineer", "it's the cat",
# "he's a ginger tom", "turned out to be my son back from uni", "it's my husband looking for the hedgehog"
_HARMLESS_COMERS = _TRADES | _PETS | frozenset("stray tom fox delivery amazon postie".split())
_KNOWN_PEOPLE = frozenset(
    "husband wife partner boyfriend girlfriend son daughter dad mum brother sister neighbour neighbours "
    "landlord mate friend youngest eldest oldest kids".split()
)
_HURTS = frozenset("violence weapon harm kill threat bleeding medical cut burn overdose".split())
_UNNAMED = frozenset(
    "someone somebody someones somebodys man men lad lads bloke guy woman stranger car van rhywun dyn".split()
)
_KNOWN_PEOPLE_CY = frozenset(
    form
    for w in "gwr gwraig partner mab merch tad mam brawd chwaer cymydog cymdogion landlord".split()
    for form in mutations(w)
)


def _explained_away(words: list[str], people: bool = True) -> bool:
    """`people`: a person known may explain it ("it's my husband"), after someone not named, and only
    when no harm is told ("a man was stabbed, it was my brother" stands)."""

    def unknown(k: int) -> bool:  # someone not named comes before: a person only explains a stranger
        return people and bool(set(words[:k]) & _UNNAMED)

    for k in range(len(words)):
        said = words[k : k + 2]
        if said in (["it", "is"], ["its", "the"], ["he", "is"], ["she", "is"], ["it", "was"]):
            if set(words[k + 2 : k + 6]) & _HARMLESS_COMERS:
                return True
            if unknown(k) and _someone_known(words[k + 2 : k + 5]):
                return True  # "it's my husband", "he's the surveyor the landlord sent"
        if words[k : k + 2] == ["its", "my"] and unknown(k) and _someone_known(words[k + 1 : k + 4]):
            return True
        if (
            words[k] in ("fy", "ein")
            and unknown(k)
            and words[k + 1 : k + 2]
            and words[k + 1] in _KNOWN_PEOPLE_CY
        ):
            rest = set(words[k + 2 : k + 5])
            if rest & {"ydy", "yw", "oedd", "ydi"} and rest & {"o", "fo", "hi", "e", "nhw"}:
                return True  # Welsh "fy ngŵr i ydy o": it's my husband
        if words[k : k + 4] == ["turned", "out", "to", "be"] and set(words[k + 4 : k + 7]) & (
            _HARMLESS_COMERS | {"son", "daughter", "kids"}
        ):
            return True
    return False


def _someone_known(words: list[str]) -> bool:
    """ "my husband", "the surveyor", "my new neighbour": a person with "my", "our" or "the" (one the
    writer knows, or a word WordNet knows first as a person), never an ex."""
    if len(words) < 2 or words[0] not in ("my", "our", "the", "just"):
        return False
    if words[0] == "our" and words[1] not in ("ex", "stalker"):
        return True  # "it's our Jordan": family, named"
    rest = [
        w for w in words[1:] if w not in ("new", "next", "door", "own", "my", "the", "little", "big", "baby")
    ]
    return bool(rest) and (rest[0] in _KNOWN_PEOPLE or is_a_person(rest[0]))


def _taken_back(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Medicines returned or thrown away, not swallowed: "took the whole box back to the pharmacy",
    "taking all my old pills to the chemist to get rid of them", "took the lot to the tip" (never "went
    back to the chemist for more", nor with an overdose or a number)."""
    words = [t.text for cl in clauses for t in cl]
    toks = [t for cl in clauses for t in cl]
    if best.kind != "suicide" or any(t.tags & {"overdose"} for t in toks) or "more" in words:
        return False
    if any(w.isdigit() for w in words):
        return False
    for k, w in enumerate(words):
        if w in ("cymryd", "gymryd", "cymerais", "mynd") and _has(words[k + 1 : k + 10], (("yn", "ol"),)):
            if set(words[k + 1 : k + 14]) & {"fferyllfa", "fferyllydd", "feddygfa", "meddygfa"}:
                return _one_signal(clauses)  # "cymryd y tabledi yn ôl i'r fferyllfa": taken back
        if w in ("took", "take", "taking", "taken") and "back" in words[k + 1 : k + 8]:
            j = words.index("back", k + 1)
            rest = words[j + 1 : j + 4]
            if (
                words[j - 1] not in ("got", "went", "came", "coming", "get")
                and rest[:1] == ["to"]
                and (set(rest) & {"pharmacy", "chemist", "chemists", "surgery", "fferyllfa"})
            ):
                return _one_signal(clauses)
        if w in ("took", "take", "taking", "taken") and _carried_away(words[k + 1 : k + 12]):
            return _one_signal(clauses)
    return False


def _carried_away(after: list[str]) -> bool:
    """What follows a "take" says where the thing was carried to be got rid of: "...to the pharmacy
    returns bin", "...to the tip", "...to get rid of them"."""
    if "to" not in after:
        return False
    rest = after[after.index("to") + 1 :]
    return bool(set(rest[:4]) & _DISPOSALS) or rest[:3] == ["get", "rid", "of"]


# where medicines (or anything) are taken to be got rid of
_DISPOSALS = frozenset(
    "pharmacy pharmacist chemist chemists tip recycling returns fferyllfa fferyllydd".split()
)


def _end_of_life_wishes(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Where someone else wants to die of their illness: "mum wants to die at home rather than in
    hospital when the time comes" (never of the writer, with medicines, a means or a now)."""
    words = [t.text for cl in clauses for t in cl]
    toks = [t for cl in clauses for t in cl]
    if best.kind != "suicide" or best.about != "other" or best.tier == "urgent":
        return False
    if any(t.tags & {"substance", "kill", "suicide", "cant_go_on"} for t in toks):
        return False
    place = _has(words, (("die", "at", "home"), ("die", "in", "hospital"), ("die", "in", "a", "hospice")))
    return place and _nothing_else(clauses)


def _a_weapon_to_hand_in(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A gun or a blade asked about as property: "how does he sell his guns legally", "found an old air
    rifle in the loft, can i hand it in" (never with a threat, someone doing something with it, a now)."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    asking = _has(
        words,
        (
            ("hand", "it", "in"),
            ("hand", "them", "in"),
            ("amnesty",),
            ("sell", "them"),
            ("sell", "it"),
            ("renew",),
            ("legally",),
            ("need", "a", "licence"),
            ("need", "a", "license"),
        ),
    )
    doing = set(words) & {
        "waving",
        "pointing",
        "aiming",
        "loaded",
        "outside",
        "drunk",
        "says",
        "said",
        "if",
        "threatening",
        "round",
        "tonight",
        "ex",
        "exs",
    }
    sport = set(words) & _SHOOTING_SPORT  # "a shotgun certificate for pigeon shooting"
    harm = any(
        t.tags & (_INTENT_TAGS | {"threat", "violence", "fear", "harm", "kill"})
        and not (sport and t.text.startswith("shoot"))
        for t in toks
    )
    return best.kind == "danger" and asking and not doing and not harm and not _said_now(clauses)


_SHOOTING_SPORT = frozenset(
    "pigeon pigeons clay clays range target targets deer pheasant pheasants rabbits club".split()
)


def _bounded(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A finality given a bound that makes it ordinary: "i want to sleep and not wake up till noon",
    "she hasn't woken up yet" (for the school bus), "my last message today", "if i'm gone for a week",
    "she'll end it with her boyfriend". Every finality said must have its bound, there is nothing else
    (a means, an amount, a now, a second signal), and a wish's length is no bound."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    if best.tier == "urgent" or any(t.tags & {"substance", "medical", "bleeding"} for t in toks):
        return False
    ends = {
        k + 1
        for k, t in enumerate(toks)
        if t.tags & _FINAL and not (k + 1 < len(toks) and toks[k + 1].tags & _FINAL)
    }
    phrase = best.phrase.split()
    at = _phrase_at(words, best)
    if not ends and at is not None:
        ends.add(at + len(phrase))  # "notice if i am gone": the rules' phrase, of words with no finality
    if not ends or not all(_a_bound(words[e : e + 5], words[max(0, e - 3) : e]) for e in ends):
        return False
    if any(t.tags & (_HELD | {"weapon"}) for t in toks) or not _one_signal(clauses):
        return False
    if set(words) & {"planning", "plan", "planned", "ways", "method", "decided"}:
        return False  # "don't want to be here anymore in the flat, i've been planning how"
    return not any(  # "i just want to sleep": "just" says only, not now; "here anymore at this job": the bound's
        "now" in t.tags
        or t.text in _NOW_WORDS
        and not (t.text == "just" and words[k + 1 : k + 2] in _WANTS)
        and not (t.text == "anymore" and k in ends)
        for k, t in enumerate(toks)
    )


_WANTS = (["want"], ["wanna"], ["wish"], ["need"])


_FINAL = frozenset({"death", "goodbye", "my_absence", "better_without", "medical", "suicide", "kill", "life"})


def _a_bound(after: list[str], before: list[str]) -> bool:
    """Whether the words `after` a finality bound it ("till noon", "yet", "today", "for a week")."""
    if after[:1] == ["up"]:
        after = after[1:]
    first, second, third = (after + ["", "", ""])[:3]
    waking = any(w.startswith(("wake", "woke", "waki", "deffr", "ddeffr")) for w in before)
    if waking and (first == "at" and second[:1].isdigit() or first == "early"):
        return True  # "i don't want to wake up at 5am tomorrow for the bins"
    if (
        waking
        and first in ("till", "until", "til", "tll")
        and (second in _BOUND_TIMES or _a_clock(after[1:3]))
    ):
        return True  # "not wake up till spring" (not "until i shook him", "till the pain stops")
    if before[-1:] in (["here"], ["yma"]) and _a_place_named(after):
        return (
            True  # "don't want to be here anymore at this job", "ddim isio bod yma ddim mwy yn y fflat yma"
        )
    if (
        waking
        and first in ("tomorrow", "fory", "yfory")
        and any(_a_clock(after[k : k + 2]) for k in range(1, 5))
    ):
        return True  # "if i don't wake up tomorrow for the 6am training", "ddim isio deffro fory am 6"
    if waking and (
        first == "yet" or (first, second) in (("early", "enough"), ("in", "time"), ("on", "time"))
    ):
        return True  # "she hasn't woken up yet" (with nothing else said of her)
    if "last" in before and (first == "today" or (first, second, third) == ("of", "the", "day")):
        return True  # "my last message today", "last message of the day"
    if before[-1:] in (["gone"], ["away"]) and first == "for" and second in _A_FEW and third in _A_WHILE:
        return True  # "if i'm gone for a week"
    if before[-1:] == ["it"] and first == "with" and second in ("my", "his", "her") and third in _PARTNERS:
        return True  # "end it with her boyfriend": a break-up (not "end it with him watching")
    return False


def _a_clock(said: list[str]) -> bool:
    """Whether `said` starts with a time of day: "6am", "6 am", "10 oclock", "at 6", Welsh "am 6" (not "4
    real", "100 y cant", "3 years", "2030")."""
    first, second = (said + ["", ""])[:2]
    if re.fullmatch(r"(1[0-2]|0?[1-9])([.:][0-5]\d)?(am|pm)", first):
        return True
    if first in ("at", "am") and re.fullmatch(r"(1[0-2]|0?[1-9])([.:][0-5]\d)?(am|pm)?", second):
        return True
    return bool(re.fullmatch(r"1[0-2]|0?[1-9]", first)) and second in ("am", "pm", "oclock", "o")


def _a_place_named(after: list[str]) -> bool:
    """Whether `after` (what follows "be here") names a place of the day: "anymore at this job", "ddim mwy
    yn y fflat yma", "in this queue" (never the world, a life, or a place the writer would be found)."""
    rest = (
        after[2:]
        if after[:2] in (["ddim", "mwy"], ["any", "more"])
        else after[1:]
        if after[:1] == ["anymore"]
        else after
    )
    if rest[:1] not in (["in"], ["at"], ["yn"], ["ar"]) or len(rest) < 3:
        return False
    place = rest[2] if rest[1] in ("this", "the", "my", "y", "yr", "r") else rest[1]
    return place in _PLACES_OF_A_DAY


_PLACES_OF_A_DAY = frozenset(
    "job work office school flat house queue class swydd gwaith ysgol fflat ty dosbarth ciw shop "
    "town estate street".split()
)
_BOUND_TIMES = frozenset(
    """noon midday lunch lunchtime dinner teatime morning afternoon evening spring summer autumn winter
    monday tuesday wednesday thursday friday saturday sunday weekend tomorrow later christmas xmas
    easter""".split()
)
_A_FEW = frozenset("a the two three few couple".split())
_A_WHILE = frozenset(
    "week weeks weekend day days bit while fortnight month months couple night nights".split()
)
# A question of how to take a medicine, or whether a dose is all right
_DOSE_QUESTIONS = (
    ("is", "that", "ok"),
    ("is", "it", "ok"),
    ("is", "that", "safe"),
    ("is", "it", "safe"),
    ("is", "that", "alright"),
    ("is", "that", "normal"),
    ("before", "or", "after"),
    ("with", "food"),
    ("can", "i", "take"),
    ("should", "i", "take"),
    ("do", "i", "take"),
    ("how", "often"),
    ("dosette",),
    ("blister", "pack"),
    ("blister", "packs"),
    ("the", "fridge"),
    ("same", "cupboard"),
    ("forgot", "to", "take"),
    ("forgotten", "to", "take"),
    ("anghofio", "cymryd"),
)
_INTENT_TAGS = frozenset(
    {
        "death",
        "kill",
        "suicide",
        "despair",
        "goodbye",
        "cant_go_on",
        "better_without",
        "overdose",
        "my_absence",
    }
)
# Words of more than a dose: "2 packs", "a fistful", "double my dose", "twenty", "with wine"
_MORE_THAN_A_DOSE = frozenset(
    """packs packets boxes strips bottles handfuls handful fistful supply double twice triple rest lot lots
    load loads all whole every twenty thirty forty fifty hundred dozen wine vodka whisky beer cider gin
    alcohol drink drunk booze""".split()
)


def _a_dose_question(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A medicine asked about as a medicine: "i've taken 2 ibuprofen and 2 paracetamol, is that ok
    together?", "the tablets in my hand, before or after food?" (never with more than a dose, alcohol,
    words of dying or an overdose, or a second signal)."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    if best.kind != "suicide" or best.tier == "urgent":
        return False
    if not any("substance" in t.tags for t in toks) or not _has(words, _DOSE_QUESTIONS):
        return False
    if any(t.tags & (_INTENT_TAGS | {"amount", "stockpile"}) for t in toks) or set(words) & _MORE_THAN_A_DOSE:
        return False
    if not all(int(w) <= 3 for w in words if w.isdigit() and len(w) <= 3) or any(
        re.fullmatch(r"\d+x\d+\w*", w) for w in words
    ):
        return False
    return _one_signal(clauses)


def _asked_in_case(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A danger asked about before it happens: "what number do i ring if i smell gas?", "what should i do
    if someone collapses at our club" (never when what follows "if" is a state now: "if my dad isn't
    breathing", "if he's outside with a knife"; never "in case of" a person)."""
    if best.kind != "danger" or _said_now(clauses):
        return False
    words = [t.text for cl in clauses for t in cl]
    k = next((k for k, w in enumerate(words) if w == "if"), None)
    if k is None or not any(w in ("what", "who", "which", "how") for w in words[:k]):
        return False
    rest = words[k + 1 :]
    if set(rest[:4]) & _A_STATE_NOW or any(w.endswith("ed") for w in rest[:4]):
        return False  # "if someone's collapsed", "if my dad isnt breathing", "if he's outside"
    return best.phrase.split()[0] in rest[:5] and _one_signal(clauses)


# Words that make what follows "if" a state now, not a case to come
_A_STATE_NOW = frozenset(
    "is isnt are arent was has hasnt have hes shes its theyre im got with really strong already".split()
)

_NOW_WORDS = frozenset("just again still anymore tonight today currently nawr heno eto".split())


def _said_now(clauses: list[list[_Token]]) -> bool:
    """Whether a message says something as happening now: "tonight", "right now", "just", "again"."""
    return any("now" in t.tags or t.text in _NOW_WORDS for cl in clauses for t in cl)


# Words that set what is told in the past, in the news or in a story
# lately, for an emergency over (a fire, a flood, a break-in), never for a blow
_LAST_WEEK = (
    ("last", "week"),
    ("wythnos", "diwethaf"),
    ("wythnos", "diwetha"),
    ("fis", "diwethaf"),
    ("fis", "dwytha"),
)


def _now_again(words: list[str]) -> bool:
    """Whether the message says something is happening again now ("and now he's taken an overdose"),
    not that the writer is well now ("i'm safe and well now i'd like to volunteer")."""
    for q in _BUT_NOW:
        for k in range(len(words) - len(q) + 1):
            if tuple(words[k : k + len(q)]) == q and not _well_now(words, k + q.index("now")):
                return True
    return False


# what a life is now, said after a past: "i'm a nurse now", "training to be a teacher now"
_ROLES = frozenset("nurse teacher student volunteer carer worker counsellor paramedic".split())


def _well_now(words: list[str], k: int) -> bool:
    """Whether the "now" at `k` says the writer is well now: "been well for ages now", "i'm 34 now and
    doing well", "i'm safe now"."""
    before, after = words[max(0, k - 6) : k], words[k + 1 : k + 4]
    well = {"well", "fine", "safe", "better", "ok", "okay", "happy", "good"}
    return (
        "been" in before
        or _has(before, _WELL_NOW)
        or bool(set(after) & well)
        or bool(set(words[max(0, k - 2) : k]) & well)
        or any(w.isdigit() for w in words[max(0, k - 2) : k])
        or bool(set(words[k + 1 : k + 6]) & _GIVING_BACK)  # "and now i'd like to volunteer"
        or bool(set(words[k + 1 : k + 6]) & {"year", "years", "months"})  # "and now it's nearly a year"
        or any(
            w in _ROLES and before[j - 1 : j] in (["a"], ["an"]) for j, w in enumerate(before)
        )  # "a nurse now"
    )


# Lately, not long ago: past only with a word of getting better ("last week ... it's healing")
# Said of a time just gone or to come: an event told long ago does not cover these
_RECENT = (
    ("last", "night"),
    ("yesterday",),
    ("this", "morning"),
    ("earlier",),
    ("hour", "ago"),
    ("hours", "ago"),
    ("minutes", "ago"),
    ("mins", "ago"),
    ("is", "next"),
    ("am", "next"),
    ("bought",),
    ("neithiwr",),
    ("ddoe",),
)
# What is wished or threatened, said after a past event, that keeps the message now
_WISHED = _RISK_CONCEPTS | frozenset(
    {"death", "kill", "cut", "harm", "violence", "suicide", "jump", "hang", "life"}
)
_LATELY = (
    ("last", "week"),
    ("last", "month"),
    ("few", "weeks", "ago"),
    ("weeks", "ago"),
    ("months", "ago"),
    ("last", "spring"),
    ("last", "summer"),
    ("last", "autumn"),
    ("last", "winter"),
    ("last", "year"),
)


_STORIES = frozenset(
    "film films movie movies scene episode series soap show drama book novel play script storyline plot "
    "documentary ffilm cymeriad".split()
)
_STORY_LINKS = frozenset("where when who which about lle pan".split())
_SCREEN = frozenset(
    "film movie episode series soap drama storyline scene novel documentary ffilm netflix".split()
)
_ROLES_PLAYED = frozenset("character characters role part cymeriad rhan".split())
# what may stand between "in"/"on" and a screen: "in the new series", "on last night's episode"
_BEFORE_A_SCREEN = frozenset("the a an new latest last this that tv bbc itv s4c channel nights".split())


def _on_a_screen(after: list[str]) -> bool:
    """Whether the words after a flag put it on a screen: "in the new series", "on the soap" (not "on the
    sofa watching netflix", "on the night of the storyline")."""
    for k, w in enumerate(after[:2]):
        if w in ("in", "on"):
            rest = after[k + 1 :]
            n = next((j for j, x in enumerate(rest) if x not in _BEFORE_A_SCREEN), len(rest))
            return n < len(rest) and rest[n] in _SCREEN
    return False


_FIRST_PERSON = frozenset("i me my myself im fi fy".split())


_LIKE_MY_LIFE = (
    ("to", "me"),
    ("is", "me"),
    ("like", "me"),
    ("doing", "that"),
    ("did", "that"),
    ("same", "thing"),
    ("is", "my", "life"),
    ("what", "he", "did"),
    ("what", "she", "did"),
    ("happening", "to"),
    ("does", "that", "to"),
    ("the", "same"),
    ("feel", "like"),
)


def _in_a_story(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A risk that happens in a story or on a stage: "the film had a scene where she overdosed", "i'm
    playing a suicidal character" (never with a now beside it, a second signal, or the writer in the
    flagged words)."""
    if not _one_signal(clauses) or set(best.phrase.split()) & _FIRST_PERSON:
        return False
    words = [t.text for cl in clauses for t in cl]
    if _has(words, _LIKE_MY_LIFE):
        return False  # "the drama where he strangles her is exactly what my husband did to me"
    at = _phrase_at(words, best)
    span = set() if at is None else set(range(at, at + len(best.phrase.split())))
    toks = [t for cl in clauses for t in cl]
    if any(t.tags & (_MEANS | {"desire"}) for k, t in enumerate(toks) if k not in span):
        return False  # "...a boy hangs himself, and he's been in his room with a belt for an hour"
    for cl in clauses:
        said = [t.text for t in cl]
        at = _phrase_at(said, best)
        if at is None or any("now" in t.tags for t in cl):
            continue
        told = any(
            w in _STORIES and said[j + 1 : j + 2] and said[j + 1] in _STORY_LINKS
            for j, w in enumerate(said[:at])
            if j >= at - 6
        )
        end = at + len(best.phrase.split())
        after = said[end : end + 2]
        on_screen = said[end : end + 1] and said[end] in _SCREEN or _on_a_screen(said[end : end + 5])
        # "the overdose storyline", "got stabbed in the new series" (not "on the sofa watching netflix")
        if told or set(after) & _ROLES_PLAYED or on_screen:
            return True
    return False


def _a_past_year(words: list[str]) -> bool:
    """A year or a decade gone by, said as when: "in 2019", "back in 2015", "in the 70s", "in the
    eighties" (not "since 2019": still going on)."""
    this_year = time.gmtime().tm_year
    return any(
        (w.isdigit() and len(w) == 4 and 1900 <= int(w) < this_year and words[k - 1] in ("in", "yn", "ym"))
        or (_DECADE.fullmatch(w) and words[k - 1] == "the" and words[k - 2 : k - 1] == ["in"])
        for k, w in enumerate(words)
        if k
    )


def _years_ago(words: list[str]) -> bool:
    """Years gone by, said in a language crisis detection reads: "dair blynedd yn ôl", "dwa lata temu",
    "há dois anos", "acum doi ani", "cu trei ani în urmă", "قبل سنتين" (English "years ago" is in
    `_LONG_AGO`). A word of years with a word of "ago" just before or after it."""
    for k, w in enumerate(words):
        if w in _YEARS:
            before, after = words[max(0, k - 3) : k], words[k + 1 : k + 3]
            if set(after) & _AGO_AFTER or set(before) & _AGO_BEFORE:
                return True
    return False


# years (Welsh with its mutations, Polish, Portuguese, Romanian, Arabic), and "ago" after or before them
_YEARS = frozenset(
    "blynedd mlynedd flynedd blwyddyn lata lat rok roku anos ano ani an سنة سنه سنتين سنوات سنين عام اعوام".split()
)
_AGO_AFTER = frozenset("ol temu atras urma passado trecut".split())  # "yn ôl", "temu", "atrás", "în urmă"
_AGO_BEFORE = frozenset("ha acum قبل".split())  # "há dois anos", "acum doi ani", "قبل سنتين"


_DECADE = re.compile(r"(?:19)?[2-9]0s|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties")


_BUT_NOW = (
    ("and", "now"),
    ("but", "now"),
    ("now", "he"),
    ("now", "she"),
    ("now", "i"),
    ("now", "they"),
    ("right", "now"),
)
_CHILDHOOD = (
    ("as", "a", "child"),
    ("as", "a", "kid"),
    ("when", "i", "was", "a"),
    ("when", "i", "was", "little"),
    ("in", "blentyn"),
    ("yn", "blentyn"),
)
_GIVING_BACK = frozenset(
    "volunteer volunteering mentor mentoring qualified retrained fundraise fundraising".split()
)
_GRIEF = (["think"], ["miss"], ["remember"], ["grieve"], ["cry"], ["dream"], ["talk"])
_WELL_NOW = (
    ("got", "out", "of"),
    ("fine", "in", "the", "end"),
    ("escaped", "from"),
    ("doing", "really", "well"),
    ("doing", "so", "well"),
    ("fixed", "the"),
    ("came", "out", "and", "fixed"),
    ("healed", "now"),
    ("faded",),
    ("free", "of", "it"),
    ("years", "free"),
    ("months", "free"),
    ("not", "done", "it", "for"),
    ("havent", "done", "it", "for"),
    ("hasnt", "done", "it", "for"),
    ("not", "done", "it", "since"),
    ("havent", "done", "it", "since"),
    ("so", "much", "better"),
    ("so", "much", "stronger"),
    ("really", "helped"),
    ("healing",),
    ("healed",),
    ("recovered",),
    ("thriving",),
    ("got", "through"),
    ("doing", "well"),
    ("doing", "great"),
    ("been", "well"),
    ("been", "fine"),
    ("been", "ok"),
    ("been", "clean"),
    ("been", "better"),
    ("safe", "now"),
    ("safe", "and", "well"),
    ("long", "dead"),
    ("fine", "for"),
    ("doing", "well"),
    ("recovery",),
    ("recovered",),
)


def _told_of_the_past(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """An event told of someone else long ago, in the news or in a story ("my grandad was shot in the
    war", "the drama where he strangles her"); or the writer's own harm long over ("i used to self harm
    but i've been well for years"). Sexual violence, and anything happening to the writer now, stand."""
    words = [t.text for cl in clauses for t in cl]
    violence = any(t.tags & {"violence", "overdose", "threat"} for cl in clauses for t in cl)
    lately_well = (
        _has(words, _LATELY)
        and _has(words, _WELL_NOW)
        and best.kind in ("self-harm", "danger")
        and not violence
    )  # "cut my wrist on a glass last week, it's healing" (not "strangled me last week, the bruises are healing")
    years_since = any(w == "since" and words[k - 1 : k] == ["years"] for k, w in enumerate(words))
    at_an_age = years_since or any(
        words[k : k + 3] == ["when", "i", "was"] and words[k + 3 : k + 4] != [] and words[k + 3].isdigit()
        for k in range(len(words))
    )
    hurt = any(
        t.tags & {"violence", "weapon", "harm", "cut", "burn", "kill", "threat"} for cl in clauses for t in cl
    )
    over = best.kind == "danger" and not hurt and _has(words, _LAST_WEEK)
    long_ago = (
        _has(words, _LONG_AGO) or _years_ago(words) or _a_past_year(words) or lately_well or at_an_age or over
    )  # "when i was 19"
    if (
        not long_ago
        or best.kind == "sexual-violence"
        or best.phrase.startswith(("affairs settled", "tried before"))
    ):
        return False
    if set(words) & _STORIES and _has(words, _LIKE_MY_LIFE):
        return False  # "i feel like the main character in a film where everyone would be better off without her"  # affairs settled are settled now: "redone her will ... she tried to end it in 2019"
    since = any(w == "since" and words[k - 1 : k] not in (["years"], ["months"]) for k, w in enumerate(words))
    if since or set(words) & {"started", "ers", "ongoing"} or _has(words, (("has", "been"),)):
        return False  # "he has beaten her since they got together in 2019": still going on
    if set(words) & {"planning", "plan", "properly", "blade", "razor", "rope", "noose"} or _has(
        words, (("this", "time"),)
    ):
        return (
            False  # "i'm 23 now and planning to do it properly this time", "but i've got a blade in my room"
        )
    if not _one_signal(clauses):
        return False  # "i got through last month somehow but i'm going to end it"
    toks = [t for cl in clauses for t in cl]
    wish = any(
        t.tags & {"desire", "threat"} and any(u.tags & _WISHED for u in toks[k + 1 : k + 7])
        for k, t in enumerate(toks)
    )
    if _has(words, _RECENT) or any(t.tags & {"stockpile"} for t in toks):
        return False  # "used to self harm ... but i cut really deep last night", "the bridge is next"
    if wish or "anymore" in words:
        return False  # "the counselling last month really helped but i want to die", "he says he'll kill me"
    still = any(
        w == "still"
        and words[k + 1 : k + 2] not in (["needs"], ["need"])
        and words[k + 1 : k + 2] not in _GRIEF
        for k, w in enumerate(words)
    )  # not "i still think about her", "i still miss him"
    if _now_again(words) or still or set(words) & {"just", "again", "tonight", "today", "heno", "eto"}:
        return False  # "my son used to self harm and now he's taken an overdose"
    if any(w == "now" and not _well_now(words, k) for k, w in enumerate(words)):
        return False  # "he used to hit my mum and he's hitting her now" (but "been well for ages now")
    if best.about == "other" and best.kind in ("danger", "abuse", "suicide"):
        return True  # "my grandad took his own life in the 60s"
    if best.kind == "danger" and _has(words, _CHILDHOOD):
        return True  # "our house was on fire when i was a child"
    well_now = _has(words, _WELL_NOW) or any(w == "now" and _well_now(words, k) for k, w in enumerate(words))
    if best.about == "other" and well_now:
        return True  # "my son self harmed years ago, he's doing well now"
    if best.kind == "danger" and _has(words, (("crime", "number"), ("insurance",), ("claim",), ("cyngor",))):
        return True  # "someone broke into my car last month, the police gave me a crime number"
    if best.kind == "danger" and not set(words) & {"outside", "parked", "back", "found", "prison", "here"}:
        return True  # "our chip pan caught fire years ago, the ceiling needs fixing": an emergency over
    return best.about == "self" and best.kind in ("self-harm", "suicide", "abuse") and well_now


_MOVES = frozenset(
    "emigrating emigrate holiday airport retire retiring retirement colleagues abroad downsize downsizes downsizing "
    "declutter decluttering ymddeol uni university symud downsized hedfan".split()
)
_NOUN_TAGS = frozenset({"suicide", "self_harm", "abuse_term", "sexual", "spiked", "overdose"})


def _a_move(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A goodbye said for a move, a holiday or a leaving do (not a goodbye letter, note or message, nor
    a goodbye to life or the world)."""
    words = [t.text for cl in clauses for t in cl]
    moving = bool(set(words) & _MOVES) or _has(
        words,
        (
            ("moving", "to"),
            ("move", "to"),
            ("moved", "to"),
            ("before", "i", "move"),
            ("before", "we", "move"),
            ("before", "moving"),
            ("is", "moving"),
            ("leaving", "do"),
            ("moving", "into"),
            ("moving", "house"),
            ("smaller", "flat"),
            ("smaller", "house"),
            ("smaller", "place"),
            ("downsizing",),
            ("clearing", "out"),
            ("for", "a", "year"),
            ("for", "a", "month"),
            ("am", "flwyddyn"),
            ("am", "fis"),
            ("am", "wythnos"),
        ),
    )
    final = set(words) & {"letter", "note", "notes", "world", "life", "forever", "ever", "last"}
    final = final or set(words) & {
        "llythyr",
        "nodyn",
        "byd",
        "bywyd",
        "byth",
        "olaf",
    }  # a message may say goodbye to a town
    if _has(
        words,
        (
            ("wont", "need"),
            ("no", "point"),
            ("wont", "be", "here"),
            ("better", "place"),
            ("wont", "be", "needing"),
        ),
    ):
        return False  # "giving my stuff away before uni, no point keeping it, i won't be here long"
    said = set(best.phrase.split())
    parting = "goodbye" in best.phrase or "away" in said  # "giving my things away"
    parting = parting or any("goodbye" in t.tags and t.text in said for cl in clauses for t in cl)
    return best.kind == "suicide" and parting and moving and not final


def _a_topic(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A risk named as a subject ("training on noticing suicide", "a memorial walk for people lost to
    suicide"): a word-name of the risk (not "suicidal", not an act) in a message framed by study, work
    or remembrance."""
    if best.kind in ("sexual-violence", "abuse"):
        return False  # "my teacher raped me", "staff at the care home are abusing my mum": people, not topics
    for cl in clauses:
        for k, t in enumerate(cl):
            if t.text in ("took", "taken", "had", "swallowed") and any(
                u.text == "i" for u in cl[max(0, k - 3) : k]
            ):
                return False  # "my teacher knows about the overdose i took last night"
    words = [t for cl in clauses for t in cl]
    framed = False
    for cl in (
        clauses
    ):  # the frame governs the risk word: "training on noticing ... suicide", "a course on self-harm"
        for k, t in enumerate(cl):
            if t.tags & _RISK_CONCEPTS and any(u.text in _TOPIC_FRAME for u in cl[max(0, k - 10) : k]):
                framed = True
    if not framed:
        return False
    named = [t for t in words if t.tags & _RISK_CONCEPTS]
    return (
        bool(named)
        and all(t.tags & _NOUN_TAGS for t in named)
        and not any(t.text.endswith("al") or t.tags & {"kill", "cut", "reflexive_self"} for t in named)
        and not any(
            "now" in t.tags for t in words
        )  # "a course tomorrow, but suicide is all i think of tonight"
    )


_DEFINE = (
    ("what", "is"),
    ("what", "does"),
    ("what", "constitutes"),
    ("what", "counts"),
    ("define",),
    ("meaning", "of"),
)


def _asks_what_a_word_means(clauses: list[list[_Token]]) -> bool:
    """ "what is suicide", "define self harm", "what counts as rape": one clause asking what one risk
    word means, and nothing else said; or what a word of slang means or why it is said ("what does kms
    mean", "why do youtubers say unalive instead of die")."""
    every = [t.text for cl in clauses for t in cl]
    if (
        every[:2] == ["what", "does"]
        and "mean" in every[2:6]
        or every[:2] == ["why", "do"]
        and ("say" in every[2:5] and any(w in ("instead", "mean", "means") for w in every))
    ):
        return True
    if len(clauses) != 1:
        return False
    words = [t.text for t in clauses[0]]
    for ask in _DEFINE:
        if tuple(words[: len(ask)]) == ask:
            rest = [t for t in clauses[0][len(ask) :] if t.text not in ("as", "a", "an", "mean", "means")]
            if not rest or len(rest) > 3 or not rest[0].tags & _RISK_CONCEPTS:
                return False
            if any(
                t.tags & {"overdose", "poison"} or t.text in ("lethal", "fatal", "deadly", "dose")
                for t in rest
            ):
                return False  # "what is a lethal dose": a question of how much would kill
            end = rest[0].start.get(next(iter(rest[0].tags & _RISK_CONCEPTS)), 1)
            return all(t.tags & _RISK_CONCEPTS for t in rest) or len(rest) <= 1 or end > 1
    return False


_SAFETY_KIT = frozenset(
    "alarm alarms larwm larymau detector detectors synhwyrydd extinguisher extinguishers diffoddwr".split()
)
_SOUGHT = frozenset(
    "buy brynu prynu get gael cael order fit fitted install installed free where ble lle shop sell sells".split()
)
# what makes an alarm a danger now: it sounds, or someone is unwell
_SOUNDING_OR_UNWELL = frozenset(
    "going off beeping sounding canu bipian dizzy sick headache headaches benysgafn tost sal drowsy "
    "smell ogla arogl now nawr rwan tonight heno smoke smoking fire flames burning leak leaking answering "
    "bleeping bleep alight floppy screaming vomiting faint fainted still ran out".split()
)


def _safety_kit_sought(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Safety kit sought, not a danger: "ble alla i brynu larwm carbon monocsid?", "where do i get a
    free smoke alarm fitted" (never when it sounds, someone is unwell, or another signal is said)."""
    words = {t.text for cl in clauses for t in cl}
    if best.kind != "danger" or not words & _SAFETY_KIT or not words & _SOUGHT:
        return False
    if any(
        t.tags & {"medical", "fire_state", "missing", "now"} and t.text not in _KIT_NAMES
        for cl in clauses
        for t in cl
    ):
        return False  # "the alarm keeps going and my baby is floppy", "the shed is still alight"
    return not words & _SOUNDING_OR_UNWELL and _one_signal(clauses)


# the words of a kit's name, which carry a danger's tags of their own: "carbon monoxide alarm"
_KIT_NAMES = _SAFETY_KIT | frozenset("carbon monoxide monocsid co smoke mwg fire tan gas nwy".split())
_ENDINGS = frozenset("end ending ended finish finishing cutting cut break breaking".split())
_BONDS = frozenset("ties contact things it".split())


def _a_relationship_ended(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Ending a tie with a person or a firm, not a life: "want to end things with my boyfriend", "ready to
    end it with him", "end it all with my energy supplier", "cutting ties with my old bank" (never "end it with pills", nor beside another
    signal or a wish to die)."""
    if best.kind != "suicide":
        return False
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    at = _phrase_at(words, best)
    if at is None or set(words) & _NOT_A_TIE or any("now" in t.tags for t in toks):
        return False
    for k, w in enumerate(words[:-2]):
        if w not in _ENDINGS or words[k + 1] not in _BONDS or not at <= k < at + len(best.phrase.split()):
            continue
        after = toks[k + 2 : k + 6]
        if after and after[0].text == "all":  # "end it all with my energy supplier"
            after = toks[k + 3 : k + 7]
        if not after or after[0].text != "with":
            continue
        party = [t for t in after[1:] if t.text not in ("my", "our", "the", "a", "old")]
        if party and (party[0].tags & {"partner", "third"} or {t.text for t in party[:3]} & _FIRMS):
            return _one_signal(clauses) and not any(t.tags & _MEANS for t in toks)
    return False


# who a tie is ended with: a person (tagged), or a firm
_FIRMS = frozenset("bank job work company gym club provider supplier landlord council network phone".split())
# an ending that is a life's, or a danger from the other: "tonight", "kill himself"
_NOT_A_TIE = frozenset("tonight tonite heno himself herself pills tablets saving saved".split())


_DISTRESS_NOW = frozenset(
    "crying screaming since yesterday freezing locked nappy drunk gone tonight now night hours "
    "crio sgrechian ers heno nawr rwan".split()
)


def _a_rule_asked(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """What the law or the guidance allows, asked: "can a 7 year old be home alone for half an hour,
    what's the law?" (never beside a child crying, locked in, a night or hours already gone)."""
    words = [t.text for cl in clauses for t in cl]
    if best.kind != "danger" or not set(words) & {"alone", "own"} or not _has(words, _RULE_QUESTIONS):
        return False
    if any(t.tags & _A_DANGER_AROUND for cl in clauses for t in cl) or set(words) & _FOUND_OR_GONE:
        return False  # "found a baby alone in a car in this heat, is it legal", "alone by the canal"
    return not set(words) & _DISTRESS_NOW and _one_signal(clauses)


_A_DANGER_AROUND = frozenset("water vehicle missing vulnerable medical fire_state high_place danger".split())
_FOUND_OR_GONE = frozenset("found heat hot wandered wandering canal river road car".split())


_RULE_QUESTIONS = (
    ("what", "age"),
    ("how", "old"),
    ("the", "law"),
    ("is", "it", "legal"),
    ("is", "that", "legal"),
    ("is", "it", "allowed"),
    ("what", "is", "the", "guidance"),
)


# What frames a risk as the subject of work or study: a course, guidance, a project, a conference
_WORK_FRAMES = frozenset(
    "course courses class classes training dissertation essay research statistics awareness workshop "
    "leaflet leaflets module campaign documentary procedure policy hyfforddiant cwrs traethawd guidance "
    "pathway pathways placement project projects prosiect gwers gwersi cynhadledd conference seminar cpr "
    "safeguarding ystadegau abch pshe curriculum naloxone survivors goroeswyr jitsu judo grappling "
    "referral".split()
)
# the words that name a risk as a subject (not an act done to someone): "suicide", "self-harm", "choking"
_NAMED_RISKS = frozenset(
    "suicide suicides hunanladdiad self harm selfharm hunan niwed niweidio overdose overdoses gorddos "
    "assault abuse violence trais thrais drais cam gam drin domestig domestic exploitation harassment rape "
    "sexual rhywiol molestation fgm spiking".split()
)
_WORK_PHRASES = (("first", "aid"), ("support", "group"), ("grwp", "cefnogi"), ("cymorth", "cyntaf"))
# holds and emergencies taught in a class: "first aid for choking", "learn chokes and strangles"
_TAUGHT = frozenset("choking chokes choke strangles strangle tagu".split())
_A_STATE_BEFORE = frozenset("is s was are were been keeps kept started starts yn wedi".split())


def _a_subject_of_work(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A risk named as the subject of a course, guidance, a project or a conference, with no person it is
    done to and no now: "first aid course, choking and cpr", "the local self-harm pathway guidance",
    "prosiect ysgol am hunanladdiad", "cynhadledd ar drais rhywiol" (never "my baby is choking", "he
    raped me, we had a lesson on it", "suicidal thoughts, is there a course")."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    if not set(words) & _WORK_FRAMES and not _has(words, _WORK_PHRASES):
        return False
    if any("now" in t.tags for t in toks) or not _one_signal(clauses):
        return False
    mine = any(
        a.text in ("my", "fy", "our") and "third" in b.tags for a, b in zip(toks, toks[1:], strict=False)
    )
    if mine or any(t.tags & _SOMEONE_AT_RISK for t in toks) or set(words) & _A_TIME_OF_IT:
        return False  # "my daughter took an overdose last night, what is the referral process"
    named = [k for k, t in enumerate(toks) if t.tags & _RISK_CONCEPTS]
    if not any(_framed(words, k) for k in named):
        return False  # "suicide is all i think about, is there a support group": no frame around it
    for k in named:
        before = set(words[max(0, k - 3) : k])
        if before & ({"i", "im", "dwi", "fi"} | _A_STATE_BEFORE) or set(words[k + 1 : k + 3]) & {
            "me",
            "fi",
            "him",
            "her",
        }:
            return False  # "i am suicidal", "she is choking", "assaulted me"
        if words[k] not in _TAUGHT | _NAMED_RISKS:
            return False  # an act, or a word that is not a name: "raped", "suicidal", "end my life"
    return bool(named)


# someone it is done to, or a writer's own despair: never a subject of work
_SOMEONE_AT_RISK = frozenset("partner attempt despair hopeless desire".split())
_A_TIME_OF_IT = frozenset(
    "yesterday last ago since again tonight today ddoe neithiwr heno heddiw still keep keeps".split()
)
_LISTED = frozenset("and or ac neu a first aid teaches teach taught learn learning practise practice".split())
_ABOUT = frozenset("on about for in into around ar am".split())


def _framed(words: list[str], k: int) -> bool:
    """Whether the risk word at `k` is what a frame of work is about: a frame just after it ("self-harm
    pathway guidance", "suicide awareness course") or a frame then "on/about/for" just before it
    ("a project on suicide", "first aid for choking")."""
    if set(words[k + 1 : k + 3]) & _WORK_FRAMES:
        return True
    j = k - 1
    while j >= 0 and words[j] in _WORK_FRAMES | _LISTED:
        j -= 1
    if set(words[j + 1 : k]) & _WORK_FRAMES:
        return True  # "first aid course, cpr and choking", "grwp cefnogi goroeswyr trais rhywiol"
    before = words[max(0, k - 4) : k]
    return any(
        w in _ABOUT and (set(before[:j]) & _WORK_FRAMES or "aid" in before[:j]) for j, w in enumerate(before)
    )


# Things that snag, prick or scorch in a day's work: "cut my arm on the brambles", "burnt myself on the iron"
_SNAGS = frozenset(
    "thorn thorns bramble brambles rose roses holly nettle nettles cactus hedge iron kettle hob oven tray "
    "straighteners tongs grill toaster jab injection drain fence barbed".split()
)
_MEANT = frozenset(
    "purpose deliberately meant punish punishing again keep keeps bwriad pwrpas because cos coz deserve "
    "numb feel feeling till until whenever bleed bleeding hate razor razors rasel".split()
)
_A_HABIT_OF_HURT = (("i", "burn"), ("i", "cut"), ("i", "scratch"), ("i", "use"), ("i", "hurt"))


def _hurt_by_a_thing(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A small hurt from a thing that snags or scorches, said as where it came from: "cut my arm on the
    brambles", "got stabbed by a rose thorn", "burnt myself on the iron", "a razor to shave her legs"
    (never on purpose, again, with a blade named as a means, or beside another signal)."""
    if best.kind not in ("self-harm", "danger"):
        return False
    words = [t.text for cl in clauses for t in cl]
    if set(words) & _MEANT or not _one_signal(clauses):
        return False
    if _has(words, _A_HABIT_OF_HURT):
        return False  # "i burn myself with my straighteners when i feel numb"
    at = _phrase_at(words, best)
    if at is None:
        return False
    after = words[at : at + len(best.phrase.split()) + 6]
    return any(
        w in ("on", "by", "with", "from", "ar", "gan") and set(after[j + 1 : j + 4]) & _SNAGS
        for j, w in enumerate(after)
    )


_AS_PRESCRIBED = (
    ("as", "the", "doctor"),
    ("as", "my", "doctor"),
    ("as", "prescribed"),
    ("fel", "ddeudodd", "y"),
    ("fel", "ddwedodd", "y"),
    ("fel", "dwedodd", "y"),
    ("fel", "oedd", "y", "doctor"),
    ("fel", "oedd", "y", "meddyg"),
    ("fel", "y", "dywedodd"),
    ("fel", "mae", "r", "doctor"),
    # as the doctor prescribed, in Polish, Portuguese, Romanian and Arabic (small words read in English:
    # Portuguese "o" as "the", Romanian "de" as "of")
    ("przepisane", "przez", "lekarza"),
    ("jak", "kazal", "lekarz"),
    ("zgodnie", "z", "zaleceniem"),
    ("como", "the", "medico"),
    ("receitados", "pelo", "medico"),
    ("prescrise", "of", "doctor"),
    ("prescrise", "of", "medic"),
    ("cum", "a", "zis", "doctorul"),
    ("tratamentul", "s", "has", "terminat"),  # the treatment is over
    ("وصفها", "الطبيب"),
    ("وصفه", "الطبيب"),
    ("كما", "قال", "الطبيب"),
)
# all at once, in each language read: never a course ("naraz", "de uma vez", "deodată", "مرة وحدة")
_AT_ONCE = (
    ("at", "once"),
    ("in", "one", "go"),
    ("all", "together"),
    ("naraz",),
    ("na", "raz"),
    ("of", "uma", "vez"),
    ("deodata",),
    ("dintr", "o", "data"),
    ("مره", "وحده"),
    ("مره", "واحده"),
    ("دفعه", "واحده"),
)


def _taken_as_prescribed(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A course of medicine finished as the doctor said: "taken all my antibiotics as the doctor told me",
    "wedi cymryd y tabledi i gyd fel ddeudodd y meddyg" (never beside "not", an amount past a course,
    drink, a wish or another signal)."""
    if best.kind != "suicide":
        return False
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    if not _has(words, _AS_PRESCRIBED) or not _one_signal(clauses):
        return False
    said = set(words)
    if said & {"not", "ddim", "never", "didnt", "wont", "listen", "unwaith"} or said & (
        _MORE_THAN_A_DOSE - {"all"}
    ):
        return False
    if _has(words, _AT_ONCE) or any("negation" in t.tags for t in toks):
        return False  # "took all my tablets at once as my doctor won't listen"
    if any(w.isdigit() and int(w) > 3 for w in words):
        return False  # "all 30 of them"
    return not any(t.tags & (_INTENT_TAGS | {"stockpile", "overdose"}) for t in toks)


_OTHERS_AFRAID = frozenset("he she hes shes o hi says deud dweud bruise bruises clais crio crying".split())
# fear of going home, and the ordinary reason said for it
_HOME_FEAR_REASONS = frozenset(
    "failed test exam exams results report grades spent gwario forgot forgotten anghofio anghofiais birthday "
    "pen blwydd dark tywyllwch golau lights bus last late flying fly plane freezing cold boiler "
    "broken heating weather snow eira rain dent scratched sale sel bill".split()
)


_PARENTS_TOLD = frozenset("dad mum mam father mother parents".split())  # "... show my dad my report lol"
_WHO_MIGHT_PUNISH = frozenset(
    "husband wife partner boyfriend girlfriend stepdad stepmum dad mum mam father mother parents they them "
    "checks locks locked belt happens lost mental".split()
)


def _home_feared_for_a_trifle(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Fear of going home said with its ordinary reason: "scared to go home and tell my mum i failed my
    driving test", "ofn mynd adra achos dw i wedi anghofio pen-blwydd y wraig", "afraid to go home to a
    freezing house" (never with a blow, a threat, drink, a person's anger named or another signal)."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    if (
        best.kind != "abuse"
        or not any(t.tags & {"fear"} for t in toks)
        or not set(words) & {"home", "adra", "adref"}
    ):
        return False
    if any(t.tags & (_HURTFUL_TAGS - {"fear", "threat"}) for t in toks) or not _one_signal(clauses):
        return False
    if set(words) & {
        "drunk",
        "drinks",
        "drinking",
        "angry",
        "mad",
        "temper",
        "hit",
        "shout",
        "shouts",
        "yell",
    }:
        return False
    punisher = set(words) & _WHO_MIGHT_PUNISH and not (set(words) & _JOKING and set(words) & _PARENTS_TOLD)
    if any(a < 18 for cl in clauses for a in _ages(cl)) or set(words) & _OTHERS_AFRAID or punisher:
        return False  # "10 year old on my street says he's scared to go home": a child's fear
    if any(t.tags & {"partner", "control"} for t in toks):
        return False  # "scared to go home, i spent £10 on lunch and my husband checks the bank"
    k = next(k for k, t in enumerate(toks) if "fear" in t.tags)
    if not set(words[max(0, k - 4) : k]) & {"i", "im", "dw", "dwi", "fi", "were", "we"}:
        return False  # the writer's own fear only
    return len(set(words) & _HOME_FEAR_REASONS) >= 1


_NO_MORE_DAYS = frozenset("decided decision without reason face yma gone".split())
_NO_MORE_DAYS_SAID = (
    ("wont", "see"),
    ("never", "see"),
    ("is", "the", "day"),
    ("made", "my", "mind"),
    ("ddim", "yma"),
)
_DESPAIR_TAGS = frozenset("despair hopeless desire cant_go_on forever without better".split())
_LAST_WORDS_OF_A_DAY = frozenset(
    "xmas christmas holiday holidays gwyliau nadolig data battery credit log signing january ionawr tomorrow "
    "fory monday week weekend term wela later school form".split()
)


def _a_last_message_of_the_day(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A "last message" that is the last before a break, an earlier one, or another's: "my last message
    before i log off for xmas", "my last message wasn't clear", "last message from the school" (never
    beside another goodbye, a death, a means or a second signal)."""
    if best.kind != "suicide" or not set(best.phrase.split()) & {"last", "olaf"}:
        return False
    if not set(best.phrase.split()) & {"message", "neges", "text", "msg"}:
        return False  # "the last time you'll hear from me" is no message of the day
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    at = _phrase_at(words, best)
    if at is None or not _one_signal(clauses):
        return False
    end = at + len(best.phrase.split())
    if any(t.tags & ({"death", "kill", "suicide", "better_without", "my_absence"} | _MEANS) for t in toks):
        return False
    if any("goodbye" in t.tags for k, t in enumerate(toks) if not at <= k < end):
        return False  # "my last message. see you on the other side"
    earlier = words[end : end + 1] in (["was"], ["wasnt"], ["didnt"], ["said"]) or (
        words[end : end + 1] == ["from"] and words[end + 1 : end + 2] not in (["me"], ["fi"], ["us"])
    )  # "last message from the school" (not "last message from me")
    if earlier:
        return True
    if (
        set(words) & _NO_MORE_DAYS
        or _has(words, _NO_MORE_DAYS_SAID)
        or any(t.tags & _DESPAIR_TAGS for t in toks)
    ):
        return False  # "my last message, tomorrow is the day", "i won't see monday", "no reason to stay"
    return any(
        w in ("before", "cyn", "till", "until", "tan", "for")
        and set(words[k + 1 : k + 7]) & _LAST_WORDS_OF_A_DAY
        for k, w in enumerate(words[end : end + 4], end)
    )  # "my last message before i log off for xmas"


_UNSAFE_FROM_PEOPLE = frozenset(
    "home adra adref group gang lads men shouts shout shouted shouting follows hijab race racist sleeping".split()
)
_ON_THE_ROAD = frozenset(
    "drive driving gyrru yrru cycle cycling bike beic walking walk cerdded roads road underpass snow ice eira "
    "rhew crossing pavement traffic lights golau footpath lane lon heights ladder".split()
)


def _unsafe_on_the_road(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Not safe to drive, cycle or walk a way, said of the road, the weather or the lighting: "ddim yn saff
    i yrru yn yr eira", "don't feel safe walking through the underpass at night, can the council put
    lights in" (never with a person, a following, a threat or a fear of someone)."""
    if best.kind != "danger" or not set(best.phrase.split()) & {"safe", "saff", "ddiogel", "scared"}:
        return False
    toks = [t for cl in clauses for t in cl]
    words = {t.text for t in toks}
    if not words & _ON_THE_ROAD or not _one_signal(clauses) or words & _UNSAFE_FROM_PEOPLE:
        return False  # "don't feel safe at home so i'm sleeping in my car", "a group shouts at me"
    return not any(
        t.tags & {"third", "follow", "intruder_who", "threat", "fear_of", "partner", "weapon"} for t in toks
    )


_ERRANDS_FOR_PAPERS = frozenset(
    "renew renewal renewing embassy photocopy photocopied mistake accident".split()
)
_PAPERS_KEPT = frozenset("since says said every anywhere cant cannot home money food".split())
_PAPERS_TAKEN = frozenset("passport passports card licence documents".split())


def _papers_on_an_errand(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A passport or a card taken on an errand: "my husband took my passport to the post office to renew
    it", "took my bank card by mistake" (never kept, not given back, or beside a blow or a threat)."""
    toks = [t for cl in clauses for t in cl]
    words = {t.text for t in toks}
    if best.kind != "abuse" or not words & _ERRANDS_FOR_PAPERS or not words & _PAPERS_TAKEN:
        return False
    if not _one_signal(clauses) or words & {"owe", "owes", "visa", "deported", "report", "leave", "complain"}:
        return False
    if words & {"never", "kept", "keeps", "back", "wont", "refuses", "hides", "hidden", "without"}:
        return False
    if words & _PAPERS_KEPT or any("negation" in t.tags for t in toks):
        return False  # "i haven't seen it since, he says i can't go home", "he does it every week"
    return not any(t.tags & (_HURTFUL_TAGS - {"threat"}) for t in toks)


_PHONE_REASONS = frozenset(
    "updates update battery bill contract eyesight sight step steps repair repairs fix settings storage "
    "accident mistake".split()
)
_JEALOUSY = frozenset("cheating jealous who talking allowed let password everyone texts messaging".split())


_PHONE_KEPT_FROM = frozenset(
    "locks locked lock where mad every night hour anyone nobody spoken talked".split()
)
_CALLS_STOPPED = (("cant", "call"), ("cant", "ring"), ("cannot", "call"), ("cant", "phone"), ("cant", "text"))


def _a_phone_minded(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A phone checked or taken for a reason said: "checks my phone for updates", "checks my phone bill
    cos we share the contract", "took my phone to work by accident" (never for who the writer talks to,
    nor beside a blow, a threat or a fear)."""
    toks = [t for cl in clauses for t in cl]
    words = {t.text for t in toks}
    if best.kind != "abuse" or not words & {"phone", "mobile", "ffon"} or not words & _PHONE_REASONS:
        return False
    kept_from = words & _PHONE_KEPT_FROM or _has([t.text for t in toks], _CALLS_STOPPED)
    if words & _JEALOUSY or kept_from or not _one_signal(clauses):
        return False  # "takes my phone to fix it every night so i can't call anyone"
    return not any(t.tags & (_HURTFUL_TAGS | {"fear", "fear_of"}) for t in toks)


def _struck_with_words(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """The idiom "hit someone with" words: "dad hits me with the worst puns", "she hit me with a load of
    questions": the flagged "hit", then "with" and a head word that WordNet knows first as something
    said or known, never as a thing nor as a written work one could strike with (`is_a_saying`; never
    "with a belt", "with the bible"; never another verb: "beats me with", "threatens me with"), and
    nothing else alarming."""
    words = [t.text for cl in clauses for t in cl]
    if best.kind != "abuse" or not _one_signal(clauses) or not set(best.phrase.split()) & _HIT:
        return False
    after = _after_the_phrase(words, best, 6)
    if not after or after[0] != "with":
        return False
    heads, last = [], None  # the last word of each part ("his words and his fists": "words", "fists")
    for w in after[1:] + ["."]:
        if w in ("and", "or", ".") or w in _PREPOSITIONS - {"of"} or w in _STOP_THE_PHRASE:
            heads += [last] if last else []
            last = None
            if w not in ("and", "or"):
                break
        else:
            last = w  # "a load of questions": the head comes after "of"
    return bool(heads) and all(is_a_saying(h) for h in heads)


_STOP_THE_PHRASE = frozenset(
    "but every each when whenever because cos again today tonight yesterday now".split()
)
_HIT = frozenset("hit hits hitting".split())


def _a_tracker_of_ones_own(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A tracker found that the writer says is their own: "found an airtag in my bag, it's my own" (never
    "isn't mine", nor beside another signal)."""
    words = [t.text for cl in clauses for t in cl]
    if best.kind != "abuse" or not set(words) & _TRACKERS or not _one_signal(clauses):
        return False
    own = _has(
        words,
        (("is", "my", "own"), ("its", "my", "own"), ("is", "mine"), ("its", "mine"), ("i", "put", "it")),
    )
    own = own or bool(set(words) & {"lose", "loses", "losing", "lost"})  # "on my keys because i lose them"
    return own and not _has(words, (("not", "mine"), ("isnt", "mine"), ("not", "my", "own")))


_NEWS = (("the", "news"), ("news", "said"), ("on", "the", "news"), ("y", "newyddion"), ("in", "the", "paper"))
_KIN = frozenset("my son daughter brother sister mum dad husband wife partner me i fy mab merch".split())


def _heard_on_the_news(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A public event heard on the news, asked about for the day: "saw on the news there was a stabbing in
    town, is the high street open" (never when it touches the writer's own people)."""
    toks = [t for cl in clauses for t in cl]
    words = [t.text for t in toks]
    if best.kind != "danger" or not _has(words, _NEWS) or set(words) & _KIN:
        return False
    return _one_signal(clauses) and not any("now" in t.tags for t in toks)


_ROPE_PLAY = frozenset(
    "tug swing climbing climb abseil abseiling harness harnesses skipping boat knots tow camping tent "
    "scouts".split()
)


def _a_rope_for_play(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """A rope got ready for a game, a swing or a climb: "got the rope ready for tug of war", "the rope's
    in my bag for the climbing wall" (never beside a wish, a death, a beam to hang from and nothing to do
    with it, or a second signal)."""
    toks = [t for cl in clauses for t in cl]
    words = {t.text for t in toks}
    if best.kind != "suicide" or not words & {"rope", "ropes", "rhaff"} or not words & _ROPE_PLAY:
        return False
    if any(
        t.tags & {"desire", "death", "kill", "suicide", "reflexive_self", "cant_go_on", "goodbye"}
        for t in toks
    ):
        return False
    if words & _A_ROPE_MADE_READY:
        return False  # "took the tow rope and tied a noose in it", "for camping but really it's for me"
    return _one_signal(clauses) and not any("negation" in t.tags for t in toks)  # "not for camping"


_A_ROPE_MADE_READY = frozenset(
    "noose tied tie tying knot beam beams loft banister really tonight heno hold holds me myself fi".split()
)


# A pet or a small child that follows or gets in: "the stray cat follows me to work", "my toddler
# follows me to the toilet", "the neighbour's cat keeps getting in through the catflap", "i'm being
# followed by a seagull", "mae'r ci yn fy nilyn i bob man". An animal is a pet's name or any word WordNet
# has first of all as an animal and never as a person (`wordnet.is_an_animal`: "stray", "budgie", "pony";
# not "cow" or "snake", which name people too). A small child is read as for a learned concern
# (`_young_agent`). The creature must be the doer, named after "by" or as the subject (`_the_creature`).
# Not a blow or a bite: a dog's bite or a toddler's fall is an injury all the same.
_CREATURE_ACTS = frozenset({"follow", "break_in"})
_WELSH_ANIMALS = frozenset("ci gi nghi cŵn cwn cath gath nghath chath cathod".split())
_PERSON_TAGS = frozenset({"third", "self", "victim", "intruder_who"})
_BEFORE_THE_ACT = frozenset(
    "keeps keep kept always still just constantly often sometimes even also then is was has have had been "
    "will would yn mae wedi fy dy ei ein eich eu".split()
)
_ENGLISH_ARTICLES = frozenset("a an the my our your his her their this that some".split())
_ARTICLES = _ENGLISH_ARTICLES | {"yr", "y"}


def _done_by_a_creature(clauses: list[list[_Token]], best: CrisisSignal) -> bool:
    """Every act of following or getting in that the message tells is done by an animal or a small
    child, who is the only one named besides the writer (and its owner: "the neighbour's cat"), and
    nothing else alarming is named: no fear, no blood, no blow, no weapon (`_nothing_else`)."""
    acts = [
        (cl, i)
        for cl in clauses
        for i, t in enumerate(cl)
        if t.tags & _CREATURE_ACTS and not (i and cl[i - 1].tags & _CREATURE_ACTS)  # a phrase's first word
    ]
    doers = [_the_creature(cl, i) for cl, i in acts]
    if not acts or None in doers:
        return False
    named = {id(cl[j]) for (cl, _), j in zip(acts, doers, strict=True)}
    named |= {id(cl[j - 1]) for (cl, _), j in zip(acts, doers, strict=True) if j}  # its owner
    # no one else ("followed by a stray and a bloke in a balaclava"), nothing alarming ("bit my son")
    for cl in clauses:
        for t in cl:
            if t.tags & _ALARMING or t.tags & _OTHERS and "self" not in t.tags and id(t) not in named:
                return False
    return _nothing_else(clauses)


def _followed_only_online(clauses: list[list[_Token]]) -> bool:
    """Every following the message tells has an online place named just after it, in any language the
    rules read ("follow my daughter on instagram"; Portuguese "me seguindo no instagram", read "in the
    instagram"), and nothing takes it off the screen: no place the writer is, lives or goes, no fear
    or threat ("following me on insta and now he waits outside my work")."""
    follows = [(cl, i) for cl in clauses for i, t in enumerate(cl) if "follow" in t.tags]
    if not follows:
        return False
    for cl in clauses:
        for t in cl:
            if t.text in _OFF_THE_SCREEN or t.tags & _OFF_THE_SCREEN_TAGS:
                return False  # "and in the street too", "czeka pod blokiem" (waits below the flats)
    return all(
        any(u.text in _ONLINE for u in cl[i + 1 : i + 7])
        and any(u.text in _ONLINE_BEFORE for u in cl[i + 1 : i + 6])
        for cl, i in follows
    )


# what takes a following off the screen: where the writer is, lives or goes, what is seen of them, what
# a groomer sends; a place named (in any language the rules read), a fear, a threat, a weapon, a blow
_OFF_THE_SCREEN = frozenset(
    "every location turning turned turns outside home house address live lives waiting waits school work "
    "car street door followed irl shows showed gifts presents money cash pics photos meet".split()
)
_OFF_THE_SCREEN_TAGS = frozenset(
    {"fear", "fear_of", "threat", "weapon", "violence", "near_place", "home_place"}
)
_ONLINE = frozenset(
    "instagram insta facebook fb tiktok twitter snapchat snap online youtube whatsapp strava twitch "
    "reddit linkedin pinterest threads".split()
)
# on, in, and their Welsh, Polish and Romanian words ("na"/"no" are read as "in the")
_ONLINE_BEFORE = frozenset("on in ar pe w".split())


_OTHERS = frozenset({"third", "intruder_who"})
_ALARMING = frozenset(
    {"fear", "fear_of", "bleeding", "medical", "violence", "threat", "weapon", "harm", "kill"}
)
_PASSIVE = frozenset("being been was were am is are got get getting gets".split())


def _the_creature(clause: list[_Token], i: int) -> int | None:
    """Where the one who does the act at `i` is named, when that is a creature: after "by" ("followed by a
    stray cat"), or as the subject just before the act, skipping the words between ("the cat keeps
    getting in", "my toddler follows me"). None for anyone else, and for an act whose doer is unsaid
    ("me and my toddler were followed home")."""
    later = [k for k in range(i + 1, len(clause)) if clause[k].text in ("by", "gan")]
    if later:
        k = later[0] + 1
        while k < len(clause) and clause[k].text in _ARTICLES:
            k += 1
        return k if k < len(clause) and _a_creature(clause, k) else None
    j = i - 1
    while j >= 0 and clause[j].text in _BEFORE_THE_ACT:
        j -= 1
    if j < 0 or clause[i].text.endswith("ed") and i and clause[i - 1].text in _PASSIVE:
        return None  # "me and my toddler were followed home": by whom is unsaid
    young = clause[j].text in _YOUNG_ONES and _young_agent(clause, j + 1)
    return j if young or _a_creature(clause, j) else None


_YOUNG_ONES = _YOUNG | _LITTLE_ONES | {"old", "oed"}  # the last word of "my toddler", "my 3 year old"


def _a_creature(clause: list[_Token], j: int) -> bool:
    """A pet's name or a Welsh one, or an English animal after an English article ("a stray", "the
    pony"; not the Welsh "'na gar", a car, though WordNet has "gar" as a fish), and not the first half
    of a person's name ("a dog walker")."""
    tok = clause[j]
    after = clause[j + 1].text if j + 1 < len(clause) else ""
    if tok.tags & _PERSON_TAGS or is_a_person(after):
        return False
    if tok.text in _PETS or tok.text in _WELSH_ANIMALS:
        return True
    return j > 0 and clause[j - 1].text in _ENGLISH_ARTICLES and is_an_animal(tok.text)
