"""Crisis detection: does a message signal risk to life, self-harm, abuse or immediate danger?

Kept apart from ranking on purpose: it reads the whole message (not the filtered search words),
in English and Welsh, with the misspellings people type in distress and indirect phrasing such as
"I can't go on". Harmless phrases that share words ("kill time", "killer sudoku", "my phone died",
"knife crime project", "memorial garden", "dying to learn") are removed before matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import clean_text, fold

KINDS = ("suicide", "self-harm", "abuse", "danger")

# Which categories fit each kind, best first: used to put the right crisis lines first.
KIND_CATEGORIES = {
    "suicide": ("mental-health",),
    "self-harm": ("mental-health", "health"),
    "abuse": ("domestic-abuse",),
    "danger": ("domestic-abuse", "hate-crime", "health"),
}

# Words a search for each kind adds, to rank the crisis entries that fit.
KIND_WORDS = {
    "suicide": "suicide suicidal listening talk struggling cope mental health samaritans",
    "self-harm": "self harm listening talk mental health struggling cope",
    "abuse": "domestic abuse violence partner sexual violence helpline safe",
    "danger": "emergency 999 police ambulance danger",
}

_ME = r"(?:my ?self|me ?self|my ?sefl|myslef|mysef|meself|mysefl|myselfe)"
_KILL = r"(?:kill|kil|kll|klil|murder)"
_WANT = r"(?:want|wnat|wanna|wana|going|gonna|gona|about|ready|planning|plan|tempted|thinking of|thinking about|feel like|trying)"

_PATTERNS: dict[str, list[str]] = {
    "suicide": [
        rf"\b{_KILL}(?:ing|ed)? {_ME}\b",
        r"\bsu+i+c+i*d+e*s?\b",
        r"\bsu?ic+ide\b|\bsucide\b|\bsuicde\b|\bsuiside\b|\bsuicid\b|\bsucidal\b|\bsuicdal\b|\bsuisidal\b",
        r"\bsuicidal\b",
        r"\bend(?:ing)? (?:it all|my life|my own life|everything)\b",
        r"\btake my (?:own )?life\b",
        rf"\b{_WANT} to die\b|\bwanna die\b|\bwant to be dead\b|\bwish i (?:was|were) dead\b",
        r"\b(?:dont|do not|dnt) want to (?:live|be alive|be here|exist|wake up|go on)\b",
        r"\bno (?:reason|point) (?:to|in) (?:live|living|going on|carrying on|being here)\b",
        r"\bnot worth (?:living|it anymore|going on)\b|\blife (?:isnt|is not|aint) worth\b",
        r"\bcant (?:go on|carry on|do this anymore|take it anymore|take this anymore|take anymore|live like this)\b",
        r"\bcannot (?:go on|carry on|take it)\b",
        r"\bbetter off (?:dead|without me)\b",
        r"\b(?:overdose|overdosing|overdosed|od ing)\b",
        r"\b(?:took|taken|take|swallowed) (?:all )?(?:my |the |a |too many |loads of |a load of |a bunch of )?(?:pills|tablets)\b",
        r"\bhang(?:ing)? (?:myself|me self)\b",
        r"\bjump (?:off (?:a |the )?(?:bridge|building|roof|cliff|car park)|in front of (?:a |the )?(?:train|car|bus|lorry))\b",
        r"\bslit(?:ting)? my wrists?\b",
        r"\bgoodbye (?:cruel )?world\b",
        r"\b(?:goodbye|suicide|farewell) (?:message|note|text|letter)\b",
        r"\bsaid goodbye (?:to everyone|forever)\b",
        r"\bno one would (?:miss|care)\b|\bnobody would (?:miss|care)\b",
        r"\bdisappear forever\b",
        # Welsh
        r"\bl?ladd (?:fy ?hun|fy hunan|fi fy hun|fy hunain)\b",
        r"\bhunanladd(?:iad|iol)?\b",
        r"\b(?:eisiau|isio|moyn) marw\b",
        r"\b(?:ddim|dim) (?:eisiau|isio|moyn) byw\b",
        r"\bmethu (?:mynd ymlaen|cario mlaen|cario ymlaen|ymdopi mwy)\b",
        r"\bdim pwynt byw\b|\bdim rheswm i fyw\b",
        r"\bgorddos\b",
        r"\bdod a(?: fy)? mywyd i ben\b|\bgorffen (?:y cyfan|fy mywyd)\b",
    ],
    "self-harm": [
        r"\bself ?harm(?:ing|ed)?\b|\bselfharm\w*\b",
        r"\b(?:cut|cutting|cuts|burn|burning|hurt|hurting|harm|harming) (?:myself|my self|me self|my arms?|my legs?|my wrists?)\b",
        r"\bhunan ?niw(?:ed|eid)\w*\b|\bniweidio fy hun\b|\bbrifo fy hun\b|\btorri fy hun\b",
    ],
    "abuse": [
        r"\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|ex|dad|mum|stepdad|step dad|father|mother|uncle|someone)\b[\w ]{0,20}?\b(?:hits|hit|hitting|beats|beat|beating|punched|punches|punching|kicked|kicks|strangled|strangles|strangling|choked|chokes|choking|raped|rapes|attacked|hurts|hurt|slapped|slaps|threatens|threatened|abuses|abused|abusing|touches|touched)\b(?: me\b| us\b| my (?:kids|children|son|daughter|baby|mum|sister|brother)\b| the (?:kids|children|baby)\b)",
        r"\b(?:strangled|choked|raped|sexually assaulted|beaten up) me\b",
        r"\bbeen (?:raped|sexually assaulted|attacked|beaten|strangled)\b",
        r"\bi was (?:raped|sexually assaulted|strangled|choked)\b",
        r"\bthreaten\w* to kill (?:me|us|my)\b",
        r"\b(?:going to|gonna|will|wants to|would) (?:kill|hurt|murder) (?:me|us|my kids|my children|the kids)\b",
        r"\b(?:hell|shell|theyll|hed|shed|hes gonna|shes gonna) (?:kill|hurt|murder) (?:me|us|my kids|my children|the kids)\b",
        r"\b(?:scared|afraid|frightened) (?:of|for) my (?:life|safety|kids|children)\b",
        r"\b(?:scared|afraid|frightened) (?:to go|of going) home\b",
        r"\b(?:being|been) abused\b|\babusing me\b|\babuses me\b",
        r"\bhe(?:s| is) (?:violent|abusive)\b|\bshe(?:s| is) (?:violent|abusive)\b",
        r"\bnot safe at home\b|\bunsafe at home\b|\bdont feel safe at home\b",
        r"\blocked me in\b|\bwont let me (?:leave|out|go)\b",
        # Welsh
        r"\b(?:yn|wedi) fy (?:nharo|nghuro|mwrw|nhreisio|nghicio|nhagu)\b",
        r"\bfy (?:nharo|nghuro|nhreisio|nhagu)\b",
        r"\bofn am fy (?:mywyd|mhlant|diogelwch)\b",
        r"\bddim yn saff adref\b|\bddim yn ddiogel (?:adref|gartref)\b",
        r"\bbygwth fy lladd\b|\bmynd i fy lladd\b",
        r"\bwedi cael fy (?:nhreisio|ngham-drin|ngham drin|nghuro)\b",
    ],
    "danger": [
        r"\bin danger\b|\bin immediate danger\b",
        r"\b(?:someone|somebody|a man|he|she|they) (?:has|have|got|with) a (?:knife|gun|weapon)\b",
        r"\b(?:trying|going) to (?:break in|get in|kill)\b",
        r"\bnot breathing\b|\bcant breathe\b|\bunconscious\b|\bcollapsed\b|\bbleeding (?:badly|heavily|a lot)\b",
        r"\bcall (?:an )?ambulance\b|\bneed (?:an )?ambulance\b",
        r"\b(?:is|are) being (?:attacked|hurt)\b",
        r"\bmewn perygl\b|\bangen ambiwlans\b|\bddim yn anadlu\b",
    ],
}

# Harmless phrases that share words with the patterns above. Removed before matching.
_HARMLESS = [
    r"\bkill(?:ing)? (?:time|the time|an hour|a few hours|boredom)\b",
    r"\bkiller (?:sudoku|app|heels|whale|queen|instinct|deal|tune|line)\b",
    r"\bkilling it\b|\bkilled it\b|\bmy feet are killing me\b|\bmy back is killing me\b",
    r"\b(?:phone|battery|laptop|car|computer|tablet|telly|tv|boiler|fridge|plant|plants|van|engine) (?:has )?(?:died|is dead|dead)\b",
    r"\bdying (?:to|for) (?:learn|try|see|meet|go|know|get|join|start|have|hear)\b",
    r"\bknife crime\b",
    r"\bsuicide (?:prevention|awareness|bereavement|training|course|squad)\b",
    r"\b(?:overdose|naloxone) (?:awareness|training|course|prevention|kit)\b",
    r"\bmemorial\b",
    r"\bhit (?:the|a) (?:gym|road|shops|jackpot)\b",
    r"\bbeat (?:the|my) (?:record|score|cost|heat|queue|rush|habit)\b",
    r"\bcut (?:my|the) (?:hair|grass|costs|bills|hedge)\b",
    r"\bend of (?:the|my) (?:day|week|month|tether)\b",
    r"\bover the top\b",
    r"\bhurt (?:my|his|her) (?:back|knee|leg|arm|ankle|wrist) (?:at|playing|lifting)\b",
    r"\bladd amser\b",
    r"\bkick(?:ed|s|ing)? (?:me|us|him|her|them) out\b",
]

_COMPILED = {k: [re.compile(p) for p in v] for k, v in _PATTERNS.items()}
_HARMLESS_RE = re.compile("|".join(_HARMLESS))
_CRISIS_WORDS = ("suicide", "suicidal", "overdose", "strangled")


# Signs that something is happening now: the emergency line comes first.
_URGENT = re.compile(
    r"\b(?:took|taken|swallowed|had) (?:all |a load of |loads of |too many |lots of |the )?(?:my )?(?:pills|tablets|paracetamol)\b"
    r"|\boverdosed\b|\bnot breathing\b|\bunconscious\b|\bbleeding\b|\bright now\b|\btonight\b"
    r"|\boutside my (?:door|house)\b|\bhas a (?:knife|gun|weapon)\b|\bgoodbye (?:message|note|text)\b|\bwont answer\b"
)


@dataclass(frozen=True)
class CrisisSignal:
    kind: str  # one of KINDS
    phrase: str  # the words that matched, as the resident wrote them (after folding)
    urgent: bool = False  # happening now: the emergency line (999) first

    @property
    def categories(self) -> tuple[str, ...]:
        return KIND_CATEGORIES[self.kind]


def _normalise(text: str) -> str:
    text = fold(clean_text(text, limit=10_000))
    text = re.sub(r"['’`]", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\b(?:i m|im|iam)\b", "i am", text)
    text = re.sub(r"\b(?:dont|don t|do nt)\b", "dont", text)
    text = re.sub(r"\b(?:cant|can t|cannot|cnt)\b", "cant", text)
    text = re.sub(r"\b(?:any more)\b", "anymore", text)
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)  # "pleeeease" -> "pleease"
    return " ".join(text.split())


def _near_crisis_word(text: str) -> str | None:
    """Catch misspellings of the strongest words: 'sucidal', 'suacide', 'overdoes'."""
    for word in text.split():
        if len(word) < 6:
            continue
        for target in _CRISIS_WORDS:
            if abs(len(word) - len(target)) <= 1 and word[0] == target[0] and _within_one(word, target):
                return word
    return None


def _within_one(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance <= 1 (one insert, delete, change or swap)."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if a == b[:i] + b[i + 1 :]:
            return True
    return False


def detect_crisis(text: str) -> CrisisSignal | None:
    """Return the strongest crisis signal in `text`, or None when there is none."""
    norm = _normalise(text)
    if not norm:
        return None
    norm = _HARMLESS_RE.sub(" ", norm)
    urgent = bool(_URGENT.search(norm))
    for kind in KINDS:
        for pattern in _COMPILED[kind]:
            m = pattern.search(norm)
            if m:
                return CrisisSignal(kind, m.group(0).strip(), urgent or kind == "danger")
    word = _near_crisis_word(norm)
    if word:
        return CrisisSignal("suicide" if not word.startswith("strang") else "abuse", word, urgent)
    return None
