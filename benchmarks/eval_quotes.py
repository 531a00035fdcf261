"""Evaluate the quotes stage on the labelled set ``benchmarks/data/quotes_gold.jsonl``.

Input: the gold file (one JSON record per paragraph group: ``id``, ``style``,
``text``, ``quotes`` [{text, speaker, kind}], ``not_quotes`` [strings that
must not be returned as quotes]). Output: printed tables of quote precision,
recall and speaker accuracy, overall and by style, for the dev split and the
held-out split; exit status 1 when ``--gate`` is given and a held-out figure
is below its target.

Matching rules:

* Each record's text is run through :func:`newslib.extract_quotes` on its
  own (one record = one article).
* Quote texts are normalised before comparison: quotation marks and
  apostrophes unified, case folded, whitespace collapsed, and punctuation
  stripped from both ends (so ``"…attention,"`` matches ``…attention.``).
* A predicted quote matches a gold quote when ``rapidfuzz.fuzz.ratio`` of the
  normalised texts is at least 90. Matching is one-to-one and greedy by score
  within a record.
* Speaker accuracy is measured on matched pairs: the predicted canonical
  speaker must equal the gold speaker after case folding and removing dots;
  ``None`` (unattributed) must match ``None``.
* A prediction matching a ``not_quotes`` string counts as a false positive
  (and is listed under "not-quote violations"); so does any other unmatched
  prediction.

Split: a record is held out when ``md5(id) % 3 == 0`` (about a third). The
quotes stage was developed looking only at dev errors (``--errors dev``);
two batches of records were written blind (before running the stage on
them). The held-out errors were then inspected once, after recording the
clean figures (held-out direct speaker accuracy 0.965, recall 1.000 on 135
quotes), and the three general bugs they showed were fixed, so the held-out
split is no longer untouched: add a new blind batch for a fresh estimate.

Usage::

    .venv/bin/python benchmarks/eval_quotes.py [--errors dev|heldout|all] [--gate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

GOLD = Path(__file__).parent / "data" / "quotes_gold.jsonl"
#: Fuzzy match threshold (rapidfuzz ratio, 0-100) for "same quote text".
#: 90 tolerates a dropped word or a different final punctuation in a
#: 10-word quote but not a different sentence.
MATCH_RATIO = 90
#: Targets from issue 3 (checked on the held-out split with ``--gate``).
TARGET_SPEAKER_ACCURACY = 0.95
TARGET_RECALL = 0.95

_MARKS = str.maketrans({c: "'" for c in "‘’‚‛′'`"} | {c: '"' for c in "“”„‟″«»"})


def normalise(text: str) -> str:
    """Quote text as compared: marks unified, case folded, edges stripped."""
    t = text.translate(_MARKS).casefold()
    t = t.replace('"', "")
    t = re.sub(r"\s+", " ", t)
    return t.strip(" .,;:!?'\u2026-\u2014")


def same_speaker(pred: object, gold: object) -> bool:
    """Canonical speakers equal (None == None); dots and case ignored."""
    def norm(v: object) -> str | None:
        if v is None or (isinstance(v, float) and v != v):
            return None
        return re.sub(r"[.\s]+", " ", str(v)).strip().casefold()
    return norm(pred) == norm(gold)


def held_out(record_id: str) -> bool:
    """About a third of the records, chosen by a hash of the id."""
    return int(hashlib.md5(record_id.encode("utf-8")).hexdigest(), 16) % 3 == 0


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching of predicted and gold quotes by text ratio."""
    from rapidfuzz import fuzz

    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            score = fuzz.ratio(normalise(p["text"]), normalise(g["text"]))
            if score >= MATCH_RATIO:
                pairs.append((score, i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def evaluate(records: list[dict]) -> tuple[dict, list[str]]:
    """Counts per (split, style) and a list of error lines."""
    from rapidfuzz import fuzz

    from newslib import extract_quotes

    counts: dict = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    for rec in records:
        split = "heldout" if held_out(rec["id"]) else "dev"
        frame = extract_quotes(rec["text"])
        preds = frame[["text", "speaker", "kind"]].to_dict("records")
        golds = rec["quotes"]
        pairs = match(preds, golds)
        for key in ((split, "ALL"), (split, rec["style"]), ("all", "ALL")):
            c = counts[key]
            c["gold"] += len(golds)
            c["pred"] += len(preds)
            c["tp"] += len(pairs)
            c["gold_direct"] += sum(g.get("kind", "direct") == "direct" for g in golds)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            ok = same_speaker(preds[i]["speaker"], golds[j]["speaker"])
            direct = golds[j].get("kind", "direct") == "direct"
            for key in ((split, "ALL"), (split, rec["style"]), ("all", "ALL")):
                counts[key]["spk_ok"] += ok
                if direct:
                    counts[key]["tp_direct"] += 1
                    counts[key]["spk_ok_direct"] += ok
            if not ok:
                errors.append(f"[{split}] {rec['id']}: SPEAKER {preds[i]['speaker']!r} != {golds[j]['speaker']!r}"
                              f" for {golds[j]['text'][:70]!r}")
        for j, g in enumerate(golds):
            if j not in matched_g:
                errors.append(f"[{split}] {rec['id']}: MISSED {g['text'][:80]!r} ({g['speaker']})")
        for i, p in enumerate(preds):
            if i in matched_p:
                continue
            bad = any(fuzz.ratio(normalise(p["text"]), normalise(n)) >= MATCH_RATIO for n in rec.get("not_quotes", []))
            if bad:
                for key in ((split, "ALL"), (split, rec["style"]), ("all", "ALL")):
                    counts[key]["violations"] += 1
            errors.append(f"[{split}] {rec['id']}: {'NOT-QUOTE' if bad else 'EXTRA'} {p['text'][:80]!r} ({p['speaker']})")
    return counts, errors


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(counts: dict) -> list[str]:
    """Printable table lines."""
    lines = [f"{'split':8} {'style':15} {'gold':>5} {'pred':>5} {'prec':>6} {'recall':>6} "
             f"{'spk_acc':>7} {'direct_recall':>13} {'direct_spk_acc':>14} {'not_q':>5}"]
    order = sorted(counts, key=lambda k: ({"dev": 0, "heldout": 1, "all": 2}[k[0]], k[1] != "ALL", k[1]))
    for split, style in order:
        c = counts[(split, style)]
        lines.append(
            f"{split:8} {style:15} {c['gold']:5d} {c['pred']:5d} {_ratio(c['tp'], c['pred']):>6} "
            f"{_ratio(c['tp'], c['gold']):>6} {_ratio(c['spk_ok'], c['tp']):>7} "
            f"{_ratio(c['tp_direct'], c['gold_direct']):>13} {_ratio(c['spk_ok_direct'], c['tp_direct']):>14} "
            f"{c['violations']:5d}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--errors", choices=["none", "dev", "heldout", "all"], default="none",
                        help="print the mismatches of this split")
    parser.add_argument("--gate", action="store_true",
                        help="exit 1 if held-out direct speaker accuracy or recall is below target")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    counts, errors = evaluate(records)
    n_direct = sum(q.get("kind", "direct") == "direct" for r in records for q in r["quotes"])
    print(f"{len(records)} records, {sum(len(r['quotes']) for r in records)} gold quotes ({n_direct} direct); "
          f"match = rapidfuzz ratio >= {MATCH_RATIO} after normalising")
    print("\n".join(report(counts)))
    if args.errors != "none":
        print()
        for line in errors:
            if args.errors == "all" or line.startswith(f"[{args.errors}]"):
                print(line)
    if args.gate:
        c = counts[("heldout", "ALL")]
        spk = c["spk_ok_direct"] / c["tp_direct"] if c["tp_direct"] else 0.0
        rec = c["tp"] / c["gold"] if c["gold"] else 0.0
        if spk < TARGET_SPEAKER_ACCURACY or rec < TARGET_RECALL:
            print(f"GATE FAILED: held-out direct speaker accuracy {spk:.3f}, recall {rec:.3f}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
