"""Fit crisis detection's learned reader and write search_index/crisis_model.npz.

    python scripts/train_crisis_model.py            # fit on every source and write the model (about 2 min)
    python scripts/train_crisis_model.py --check    # cross-validate by group of sets, write nothing
    python scripts/train_crisis_model.py --without 35   # fit without set 35, to measure on it

It learns from the held-out sets (tests/crisis_heldout*.yml), the development table of
tests/test_crisis.py and the language tables of tests/test_crisis_languages.py, the safety reviews'
probes (tests/crisis_review_probes.txt), and the everyday
messages of the development sets for search (tests/relevance_questions.yml, tests/meaning_dev.yml).
Set 45, written blind at the start of the twelfth round, is never read: it is the honest judge of the
model shipped (set 46, written beside it, is learned from, as are set 43, the eleventh round's judge, and
set 38, the tenth's). Twelfth round (sets 1-44 and 46, and the round's review probes): left out by group,
threshold 0.791 passes 83.6% of risk messages on its own; soften under 0.0139 (45.2% of harmless
messages, 0.2% of risk ones); set 45 87.5% / 7.5% with the rules, as with the reader of the round's start.
Eleventh round (sets 1-42 and 44): left out by group, threshold 0.786 passes 84.1% of risk messages on
its own; soften under 0.0126 (44.8% of harmless messages, 0.2% of risk ones). Tenth round (sets 1-37 and
39-42, and 48 look-alikes of a relative who is lonely or ageing added to the development table):
left out by group, threshold 0.793 passes 83.8% of risk messages on its own; soften under 0.0089 (40.3%
of harmless messages, 0.2% of risk ones). Without those look-alikes the reader gave "my mum lives alone
and nobody calls her" 0.968: the sets hold many neighbours who live alone and have not been seen for
days, and few who are only lonely. Hand-written tables counted three times
instead of two made a look-alike of the development table a concern ("the mould is getting worse in
the baby's room and the landlord won't answer my texts": 0.865 against 0.844): they stay at two.
The hand-written tables (development and language tables, probes) weigh twice: they hold the look-alikes the
reader must never flag ("i'm not going to jump off anything, i'm fine"), a few of which it flagged
when they weighed as much as a set's messages (3 of the development table's at 2.5%; with the language
tables out, 3 of their Portuguese and Romanian look-alikes).

With the held-out sets left out a group at a time (FOLDS groups, every `FOLDS`-th set; each set is
left out whole) and the reader fitted on the rest, two thresholds are chosen: `threshold`, which at
most MAX_FALSE_ALARMS of the left-out harmless messages pass (a concern where the rules find nothing),
and `soften`, under which at most MAX_SOFTENED of the left-out risk messages fall (a crisis the rules
raise becomes a concern). Six groups rather than one set at a time keep the whole run near two minutes
on two cores (one fit takes 10-15 s; one set at a time would take about seven minutes).

Figures of the ninth round (2026-11-30), all with the rules (`detect_crisis`) unless said "alone";
"x / y" is the share of risk / harmless messages flagged:

- Set 35 left out of training. The reader fitted on sets 1-26 and 28 (the one shipped before): set 35
  90.7% / 3.6% (the rules alone 82.7% / 3.6%). Refitted as it was (same features and sources) on
  every set but 35 (1-34, 36, the development table, the everyday messages): 91.6% / 3.6% (196/214,
  7/196); left out by group, the reader alone passes 80.3% of risk at 2.5% of harmless, and with the
  rules the left-out sets read 94.2% / 5.8% (rules alone 83.0% / 4.8%). The reader shipped now, fitted
  the same way without set 35 (`--without 35`): 91.1% / 3.6% (195/214, 7/196) at 2.5% and at 3%.
- Features tried, each left out by group on sets 1-34 and 36 with the development table and everyday
  messages (the reader alone at 2.5% of harmless; with the rules; set 35, fitted on all the rest):
  stems, bigrams and concepts as before 80.3%, 94.2% / 5.8%, 196/214; with the message's word vector
  (engine.meaning.embed, 256 numbers, beside the sparse features) 81.2%, 94.4% / 5.8%, 196; with the
  vector and the elementwise maximum of its clauses' vectors 81.6%, 94.3% / 5.8%, 195; with letter
  triples 82.9%, 94.4% / 5.8%, 197; with letter triples and the vector 83.4%, 94.4% / 5.8%, 197. At
  the same added false alarms with the rules (+0.75 point over the rules alone) the triples caught
  93.8% and triples with the vector 94.0%: a few messages apart. The triples were kept (the vector
  needs a 16 MB model loaded, a fallback without it, and half again the fitting time).
- In the final recipe (probes and language tables in, hand-written tables twice), set 35 left out:
  the letter triples against the features as before, alone 82.5% against 79.8%; with the rules the
  two are level (94.1% / 5.8% against 94.0% / 5.7%), set 35 195/214 and 7/196 both; the triples
  soften more harmless crises for the same risk ones (52 against 38 of 212). So they win alone and
  on softening, and tie with the rules. Weighting three times the messages the rules pass (where the
  reader is asked) did no better (94.2% / 5.8%, set 35 192/214).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search_index import crisis, crisis_model  # noqa: E402

BLIND = "crisis_heldout_47.yml"  # written blind for the thirteenth round: never read here
TRAIN_SETS = ["crisis_heldout.yml"] + [f"crisis_heldout_{n}.yml" for n in (*range(2, 47), 48)]
TWICE = ("development table", "language tables", "review probes")
FOLDS = 6
L2 = 1e-4  # chosen by left-out recall at 2% false alarms on sets 1-22 (3e-4: 71.8%, 1e-4: 73.0%);
# with letter triples on sets 1-34 and 36, 3e-5 did no better (83.5% at 2.5%, 94.4% / 5.8% with the rules)
ROUNDS = 3000
RATE = 0.5
# Left out by group (sets 1-34 and 36), the reader alone and with the rules, and set 35 with the rules:
#   alone at 1.5% of harmless: 75.9% of risk; with the rules 93.2% / 5.3%; set 35 190/214, 7/196
#             2.0%:            79.6%;                      93.7% / 5.6%;        193/214, 7/196
#             2.5%:            82.5%;                      94.1% / 5.8%;        195/214, 7/196
#             3.0%:            85.2%;                      94.6% / 6.1%;        195/214, 7/196
#             4.0%:            88.3%;                      95.0% / 6.7%;        197/214, 7/196
# (the rules alone 83.0% / 4.8%; set 35 177/214, 7/196). Up to 3% each half point catches about 30
# more of the 6,156 left-out risk messages for about 16 more concerns among the 6,495 harmless ones
# (a concern only puts the helplines beside the results and asks "are you safe?"), and neither the
# development table nor the safe probes are flagged; from 3% to 4% it costs more harmless concerns than
# it catches risks (38 for 26) and the development table's look-alikes are flagged. At 3%, with the ninth
# round's rules merged, two of the development tables' look-alikes are concerns ("the mould is getting
# worse in the baby's room and the landlord won't answer", 0.762 against 0.761): it stays at 2.5%.
MAX_FALSE_ALARMS = 0.025
# Of the crises the rules raise on the left-out sets, softened to a concern (still flagged, helplines
# beside the results instead of above) at 0.1%: 5 of 3,130 risk ones, 33 of 212 harmless ones; at 0.2%:
# 8 / 52; at 0.5%: 13 / 83 (no crisis of the probes or the development table at any). A real crisis
# keeps its helplines first: it stays at 0.2%.
MAX_SOFTENED = 0.002


def rows(texts: list[str]) -> list[list[int]]:
    return [crisis.features(t) for t in texts]


def sets() -> dict[str, tuple[list[str], list[str]]]:
    out = {}
    for name in TRAIN_SETS:
        assert name != BLIND
        data = yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))
        out[name] = ([str(t) for t in data["risk"]], [str(t) for t in data["harmless"]])
    sys.path.insert(0, str(ROOT / "tests"))
    import test_crisis

    # the development table, and the ninth round's tables of what is done to a person (and its look-alikes)
    out["development table"] = (
        [r[0] for r in test_crisis.CRISIS + test_crisis.DONE_TO_A_PERSON] + list(test_crisis.STILL_DONE_TO),
        list(test_crisis.HARMLESS) + list(test_crisis.ORDINARY_DONE_TO),
    )
    import test_crisis_languages as lang

    out["language tables"] = (
        [r[0] for r in lang.POLISH + lang.ARABIC + lang.PORTUGUESE + lang.ROMANIAN],
        lang.POLISH_HARMLESS + lang.ARABIC_HARMLESS + lang.PORTUGUESE_HARMLESS + lang.ROMANIAN_HARMLESS,
    )
    probes = test_crisis._review_probes()
    out["review probes"] = (
        [t for label, t in probes if label != "safe"],
        [t for label, t in probes if label == "safe"],
    )
    # residents' everyday messages of the development sets for search (none is a held-out set)
    asked = yaml.safe_load((ROOT / "tests" / "relevance_questions.yml").read_text(encoding="utf-8"))
    dev = yaml.safe_load((ROOT / "tests" / "meaning_dev.yml").read_text(encoding="utf-8"))
    everyday = [q["q"] for q in asked if not q["crisis"]] + [str(w) for w, _ in dev["lay"]]
    everyday += [m["q"] for m in dev["messages"]] + [str(q) for q in dev["unanswerable"]]
    out["everyday messages"] = ([q["q"] for q in asked if q["crisis"]], everyday)
    return out


def featured(data: dict) -> dict[str, tuple[list[list[int]], list[list[int]]]]:
    """Each source's risk and harmless messages as feature ids (read once)."""
    return {name: (rows(risk), rows(harmless)) for name, (risk, harmless) in data.items()}


def fitted(feats: dict, names: list[str]):
    xs: list[list[int]] = []
    ys: list[int] = []
    for n in names:
        risk, harmless = feats[n]
        times = 2 if n in TWICE else 1
        xs += (risk + harmless) * times
        ys += ([1] * len(risk) + [0] * len(harmless)) * times
    return crisis_model.fit(xs, ys, l2=L2, rounds=ROUNDS, rate=RATE)


def scores(w, b, ids: list[list[int]]) -> list[float]:
    return [float(1 / (1 + np.exp(-(w[r].sum() + b)))) for r in ids]


def left_out_scores(feats: dict) -> tuple[list[float], list[float]]:
    """Each held-out set's messages scored by a reader fitted without that set (nor its group)."""
    risk_scores: list[float] = []
    harmless_scores: list[float] = []
    for k in range(FOLDS):
        group = TRAIN_SETS[k::FOLDS]
        w, b = fitted(feats, [n for n in feats if n not in group])
        for name in group:
            risk, harmless = feats[name]
            risk_scores += scores(w, b, risk)
            harmless_scores += scores(w, b, harmless)
    return risk_scores, harmless_scores


def main(args: list[str]) -> None:
    global TRAIN_SETS
    if "--without" in args:  # "--without 35": that set neither fitted on nor in the groups left out
        n = args[args.index("--without") + 1]
        TRAIN_SETS = [s for s in TRAIN_SETS if s != f"crisis_heldout_{n}.yml"]
    feats = featured(sets())
    risk_scores, harmless_scores = left_out_scores(feats)
    threshold = float(np.quantile(harmless_scores, 1 - MAX_FALSE_ALARMS))
    caught = np.mean(np.array(risk_scores) >= threshold)
    print(f"left out by group: threshold {threshold:.3f} passes {caught:.1%} of risk messages on its own")
    soften = float(np.quantile(risk_scores, MAX_SOFTENED))
    softened = np.mean(np.array(harmless_scores) < soften)
    print(f"soften under {soften:.4f}: {softened:.1%} of harmless messages, {MAX_SOFTENED:.1%} of risk ones")
    if "--check" in args:
        return
    w, b = fitted(feats, list(feats))
    np.savez_compressed(crisis_model.MODEL, weights=w, bias=b, threshold=threshold, soften=soften)
    print(f"wrote {crisis_model.MODEL.relative_to(ROOT)} ({len(feats)} sources)")


if __name__ == "__main__":
    main(sys.argv[1:])
