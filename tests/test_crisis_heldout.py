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
# The target is at least 95% of risk messages flagged and at most 2% of harmless look-alikes. On all
# sets together (rules and meaning): 95.7% and 1.8%; the sets written last are the honest figures.
# First runs: set 5, rules alone 78.8% / 3.0%, with meaning 80.8% / 4.0%; set 6 (written for the
# meaning layer), rules alone 77.6% / 2.4%, with meaning 79.2% / 5.6%; set 7 (2026-11-29), rules alone
# 77.1% / 1.9%, with meaning 83.5% / 1.9%; set 8 (written after the fixes set 7 prompted), rules alone
# 92.1% / 4.2%, with meaning 94.1% / 4.2%; set 9 (longer messages, harmless ones as near pairs of the
# risk ones, written before the fixes made after set 8), rules alone 81.7% / 6.7%, with meaning
# 88.3% / 8.3%; set 10 (near pairs, written after the round that followed set 9), rules alone
# 90.0% / 1.7%, with meaning 95.0% / 3.3%; set 11 (near pairs, after a round aimed at false alarms),
# rules alone 91.7% / 8.3%, with meaning 93.3% / 11.7%.
RISK_FLAGGED = 0.95  # at least this share of risk messages flagged (target 0.95)
HARMLESS_FLAGGED = 0.022  # at most this share of harmless look-alikes flagged (target 0.02)


def test_heldout_sets_are_big_enough():
    assert len(SETS) >= 11
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
