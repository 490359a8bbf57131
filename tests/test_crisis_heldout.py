"""Crisis detection judged on messages it was never tuned on (tests/crisis_heldout.yml, written before
the detector). A miss here is fixed in the mechanism with a different example in the dev table
(tests/test_crisis.py), never by copying these words into the concept data."""

from pathlib import Path

import yaml

from search_index.crisis import detect_crisis

SETS = ("crisis_heldout.yml", "crisis_heldout_2.yml", "crisis_heldout_3.yml", "crisis_heldout_4.yml")
HELDOUT = {"risk": [], "harmless": []}
for name in SETS:
    data = yaml.safe_load((Path(__file__).parent / name).read_text(encoding="utf-8"))
    HELDOUT["risk"] += data["risk"]
    HELDOUT["harmless"] += data["harmless"]
RISK_FLAGGED = 0.95  # at least this share of risk messages flagged
HARMLESS_FLAGGED = 0.02  # at most this share of harmless look-alikes flagged


def test_heldout_set_is_big_enough():
    assert len(HELDOUT["risk"]) >= 150 and len(HELDOUT["harmless"]) >= 120


def test_risk_messages_are_flagged():
    missed = [t for t in HELDOUT["risk"] if detect_crisis(t) is None]
    rate = 1 - len(missed) / len(HELDOUT["risk"])
    print(
        f"\nheld-out risk flagged: {rate:.1%} ({len(HELDOUT['risk']) - len(missed)}/{len(HELDOUT['risk'])})"
    )
    for t in missed:
        print("  missed:", t)
    assert rate >= RISK_FLAGGED, missed


def test_harmless_lookalikes_are_not_flagged():
    flagged = [(t, s) for t in HELDOUT["harmless"] if (s := detect_crisis(t)) is not None]
    rate = len(flagged) / len(HELDOUT["harmless"])
    print(f"\nheld-out harmless flagged: {rate:.1%} ({len(flagged)}/{len(HELDOUT['harmless'])})")
    for t, s in flagged:
        print(f"  flagged: {t!r} as {s.kind}/{s.tier} ({s.phrase!r})")
    assert rate <= HARMLESS_FLAGGED, flagged
