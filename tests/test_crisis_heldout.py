"""Crisis detection judged on messages it was not tuned on (tests/crisis_heldout*.yml, each written before
the detector of its day ran on it; each file states its first-run figures). A miss here is fixed in the
mechanism with a different example in the dev table (tests/test_crisis.py), never by copying these words
into the concept data."""

from pathlib import Path

import yaml

from search_index.crisis import detect_crisis

HERE = Path(__file__).parent
SETS = sorted(p.name for p in HERE.glob("crisis_heldout*.yml"))
DATA = {name: yaml.safe_load((HERE / name).read_text(encoding="utf-8")) for name in SETS}
RISK = [t for d in DATA.values() for t in d["risk"]]
HARMLESS = [t for d in DATA.values() for t in d["harmless"]]
# The target is at least 95% of risk messages flagged and at most 2% of harmless look-alikes. The honest
# figures are each set's first run (rules and meaning, and from set 14 on the learned reader):
# set 5 80.8% / 4.0%; set 6 79.2% / 5.6%; set 7 83.5% / 1.9%; set 8 94.1% / 4.2%; set 9 88.3% / 8.3%;
# set 10 95.0% / 3.3%; set 11 93.3% / 11.7% (all written by the team that writes the rules).
# Sets 12-16 were written blind, by people who had not read the rules, and show how far the
# figures above were flattered: set 12 78.8% / 7.5%; set 13 54.4% / 9.8%; set 14 79.8% / 12.2% (the
# learned reader's first run; rules alone 59.0% / 8.8%); set 15 74.7% / 7.6% (rules alone 56.2% /
# 6.5%; the code before that day's work: 45.6% / 7.3%); set 16 72.1% / 7.9% (without the learned
# reader 61.7% / 7.5%; the code before that day's work: 50.5% / 7.0%). Sets 17 and 18 were written blind
# on 2026-11-30 and committed before anything ran on them: with the code of that morning 72.8% / 17.1%
# and 79.2% / 14.2%; after that day's round (set 16 learned from) 74.9% / 16.7% and 82.5% / 15.9%
# (rules alone 61.3% / 13.8% and 50.0% / 11.0%). They were written with many near pairs (a harmless
# line reusing a risk line's words), and their false alarms show it. Sets 19 (young people) and 20
# (adults, older people and those who report for them) were written blind the same day, before a second
# round made from sets 1-18: with the code of that morning 79.1% / 19.7% and 71.6% / 12.4%; after the
# round 80.9% / 19.7% and 75.9% / 10.7% (rules alone 59.1% / 16.4% and 49.6% / 9.9%). Sets 21 (short
# messages) and 22 (Welsh and limited English), written blind before a third round made from sets 1-20:
# with the code of that morning 72.6% / 9.4% and 66.1% / 12.5%; after the round 78.2% / 8.5% and 68.3% /
# 9.4% (rules alone 71.8% / 8.5% and 54.3% / 8.9%). Sets 23 (a broad year of messages) and 24 (longer
# messages, the danger said once among the details), written blind before a fourth round made from sets
# 1-22: with the code of that morning 68.3% / 8.8% and 90.3% / 24.4%; after the round 73.8% / 8.8% and
# 90.8% / 20.0% (rules alone 54.6% / 7.9% and 64.6% / 19.1%). A safety review then found the day's new
# filters reading away real crises; narrowed (tests/test_crisis.py holds its probes), sets 23 and 24
# give 73.8% / 8.8% and 91.7% / 21.3% (a second run). Set 25, written blind before a fifth round (recall
# only, from sets 23 and 24): with the code of that morning 70.1% / 12.2%, after the round 78.1% / 10.4%
# (rules alone 58.7% / 9.0%). Sets 26-28, written blind on 2026-11-30, first runs: 26 (broad) 90.9% / 12.4%
# (the code of the morning before: 89.1% / 15.4%); 28 (a week of residents' messages, mostly everyday)
# 90.3% / 3.6% (86.3% / 4.5%); 27 (broad) 80.6% / 9.4% (74.4% / 10.7%), measured mid-round. After the
# round (rules from sets 26 and 28, the learned reader refitted on sets 1-26 and 28): 27 82.8% / 9.8%. All
# twenty-eight together: 92.5% / 6.7%; sets 1-26 and 28 have been tuned on or learned from, 27 not. Set
# 29 (half Welsh), written blind before a round on the Welsh concept lists: 66.5% / 12.8% (Welsh lines
# 56.3% / 14.6%, English and mixed 82.5% / 9.8%; the morning before: 57.8% / 10.5%); after a round on the
# Welsh concept lists by someone who never saw it, 75.7% / 14.2% (Welsh lines 70.6% / 16.8%). Set 30
# (broad), written blind during the round and measured at its end: 81.6% / 14.7% (the code at the start
# of the session 78.1% / 14.0%; the morning before 71.5% / 14.7%). Set 31 (broad), written blind during a
# last round from set 30's misses and measured at its end: 81.7% / 12.6% (the code at the start of the
# session 79.8% / 12.1%; the morning before 72.8% / 15.0%). Set 32 (broad), written blind during a round
# from set 31's misses and measured at its end: 82.7% / 10.9% (the code at the start of the session 78.5% /
# 9.9%; the morning before 71.7% / 14.6%). Sets 33 and 34 (broad), written blind during the seventh round
# (what a whole message says, read across its clauses): set 33 with the code of the round's start 85.7% /
# 7.9%, at the end of its first half 87.2% / 6.8% (then tuned on); set 34, measured at the round's start
# 87.4% / 10.5% and at its end 88.0% / 8.4%. Sets 35 and 36, written blind at the start of the eighth round
# (a danger told by what is happening): set 35 with the code of the round's start 88.8% / 3.6%, at its end
# 90.7% / 3.6% (never read: the honest figure); set 36 at the start 78.3% / 4.1%, after the round's first
# batch 79.1% / 4.1% (then tuned on). All thirty-six together: 95.2% / 5.0% (4.96%) (93.3% / 5.3% with the
# code of the round's start). Set 37, written blind at the start of the ninth round (a danger said in
# passing, reported by others, in fragments), never read: with the code of the round's start 85.8% / 2.2%;
# after the round's rules (from set 35's and every set's misses, narrowed by two safety reviews) 86.2% /
# 1.7%; with the learned reader refitted 88.0% / 2.2%; with the sentence reader added (the round's end)
# 88.9% / 2.2%. Set 35 was tuned on in that round (90.7% / 3.6% -> 98.1% / 0.5%). All thirty-seven
# together: 96.4% / 3.8% (6360/6595, 265/6921). Set 38, written blind at the start of the tenth round (how
# people type on a phone: text-speak, slang, run-on messages), with the code of the round's start: 83.5% /
# 8.5% (197/236, 20/235). Set 39, written blind beside it (the phone register and humour) to be tuned on: with
# the same code 87.3% / 6.3% (207/237, 15/238). Sets 40-42, written blind during the round to be learned
# from, with the same code: 40 (danger told by what is happening) 61.7% / 0.9%, 41 (harm done by people,
# told indirectly) 73.2% / 1.3%, 42 (suicide and self-harm said indirectly, beside figures of speech)
# 80.1% / 8.1%. All forty-two together: 93.6% / 4.0% (7260/7760, 324/8089). At the tenth round's end
# (the readers refitted on every set but 38; a worry for someone the learned reader is at least 0.9 sure
# of is a concern; look-alikes of a lonely relative learnt): set 38, never read, 89.4% / 8.1% (set 41
# fitted without it: 74.5% -> 80.5% / 1.3% from that bar alone). All forty-two together: 95.2% / 3.9%
# (7387/7760, 318/8089). Set 43, written blind at the start of the eleventh round (every kind of danger,
# mostly typed on a phone, with Welsh and other languages), never read: with the code of the round's start
# 92.2% / 9.0%; set 44, written beside it to be learned from (danger words as everyday talk on a phone), with
# the same code 87.9% / 13.9%. At the eleventh round's end (who is meant when no one is named, a laugh taken
# back, an injury at sport; both readers refitted on every set but 43): set 43, never read, 92.6% / 8.2%.
# All forty-four together: 95.2% / 4.3% (7837/8235, 365/8571). Set 45, written blind at the start of the
# twelfth round (every kind of danger and its look-alikes), never read: with the code of the round's start
# 87.5% / 7.5%; set 46, written beside it to be learned from (who does what to whom, told in plain words,
# beside everyday threats and scorelines), with the same code 83.9% / 18.3%. All forty-six together:
# 94.7% / 4.7% (8240/8705, 425/9041). At the twelfth round's end (both readers refitted on every set but
# 45, with sets 43 and 46 and the round's review probes; a laugh taken back by any word that says no):
# set 45, never read, 87.5% / 7.5%, unchanged; set 46 83.9% / 18.3% -> 87.4% / 14.8%. All forty-six
# together: 94.8% / 4.6% (8252/8705, 417/9041). Set 47, written blind at the start of the thirteenth round
# (every kind of danger, as a town's residents write them, and its look-alikes), never read: with the code
# of the round's start 90.4% / 6.1%; set 48, written beside it to be learned from (danger told by plain
# facts, reports by professionals and children, a quarter in other languages), 78.5% / 11.0%. All
# forty-eight together: 94.2% / 4.8% (8670/9200, 461/9559). At the thirteenth round's end (a bare call for
# help, a deed with its doer unsaid, a small child's blows, the people named at home, other languages by
# their stems, what is left of a supply; both readers refitted on every set but 47): set 47, never read,
# 91.2% / 6.1%; set 48 81.7% / 7.1%. All forty-eight together: 94.5% / 4.7% (8697/9200, 447/9559).
# Fourteenth round: set 49, written blind and never read, 79.1% / 13.9% at the start and at the end; set 50,
# written beside it to be learned from (terse messages, slang, mixed languages, morbid figures of speech),
# 88.8% / 18.2% -> 89.5% / 17.8%. All fifty together: 94.0% / 5.3% (9154/9743, 534/10097) at the start,
# 94.0% / 5.2% (9161/9743, 528/10097) at the end.
# Fifteenth round: sets 51 (never read) and 52 (to learn from), written blind, at the start 85.2% / 16.1%
# and 86.2% / 9.1%; all fifty-two together 93.6% / 5.6% (9598/10253, 593/10611). At the end: set 51
# 85.5% / 15.7%, set 52 88.2% / 6.7%, all fifty-two 93.8% / 5.4% (9621/10253, 573/10611).
# Sixteenth round: sets 53 (never read) and 54 (to learn from), written blind, at the start 89.2% / 9.4% and
# 87.7% / 14.8%; all fifty-four together 93.6% / 5.7% (10082/10774, 637/11135). At the end: set 53 90.4% /
# 9.4%, set 54 89.3% / 14.8%, all fifty-four 94.0% / 5.7% (10125/10774, 634/11135).
# Seventeenth round: sets 55 (never read) and 56 (to learn from; short plain messages), written blind, at the
# start 89.7% / 14.8% and 85.2% / 7.2%; all fifty-six together 93.7% / 5.9% (10564/11276, 689/11635). At
# the end: set 55 91.3% / 14.8%, set 56 92.4% / 7.2%, all fifty-six 94.6% / 5.9% (10664/11276, 691/11635),
# the floors below.
RISK_FLAGGED = 0.944  # at least this share of risk messages flagged (target 0.95)
# at most this share of harmless look-alikes flagged (target 0.02; the blind sets' false alarms are
# counted, not tuned away)
HARMLESS_FLAGGED = 0.060


def test_heldout_sets_are_big_enough():
    assert len(SETS) >= 56
    assert (
        len(DATA["crisis_heldout.yml"]["risk"]) >= 150 and len(DATA["crisis_heldout.yml"]["harmless"]) >= 120
    )
    assert all(len(DATA["crisis_heldout_6.yml"][side]) >= 120 for side in ("risk", "harmless"))


def test_risk_messages_are_flagged():
    for name, d in DATA.items():  # for the record (pytest -s): the newest set is the honest estimate
        risk = sum(detect_crisis(t) is not None for t in d["risk"]) / len(d["risk"])
        harmless = sum(detect_crisis(t) is not None for t in d["harmless"]) / len(d["harmless"])
        print(f"\n{name}: risk flagged {risk:.1%}, harmless flagged {harmless:.1%}")
    missed = [t for t in RISK if detect_crisis(t) is None]
    rate = 1 - len(missed) / len(RISK)
    print(f"\nheld-out risk flagged: {rate:.1%} ({len(RISK) - len(missed)}/{len(RISK)})")
    for t in missed:
        print("  missed:", t)
    assert rate >= RISK_FLAGGED, missed


def test_harmless_lookalikes_are_not_flagged():
    flagged = [(t, s) for t in HARMLESS if (s := detect_crisis(t)) is not None]
    rate = len(flagged) / len(HARMLESS)
    print(f"\nheld-out harmless flagged: {rate:.1%} ({len(flagged)}/{len(HARMLESS)})")
    for t, s in flagged:
        print(f"  flagged: {t!r} as {s.kind}/{s.tier} ({s.phrase!r})")
    assert rate <= HARMLESS_FLAGGED, flagged
