"""Evaluate the quotes stage on every labelled quote file in ``benchmarks/data``.

Input: the labelled files (one JSON record per line: ``id``, ``style``,
``text``, ``quotes`` [{text, speaker, kind}], ``not_quotes`` [strings that
must not be returned as quotes]). By default every file that exists among

* ``quotes_gold.jsonl``: the main set (336 quotes), written by the engineer
  who built the stage, split into dev and held-out records;
* ``quotes_blind.jsonl``: blind batch 1 (130 quotes), written by someone who
  never saw the code;
* ``quotes_blind2.jsonl``: blind batch 2 (144 quotes), written by another
  independent writer after the batch-1 fixes;
* ``quotes_blind3.jsonl``: blind batch 3 (144 quotes), by a further
  independent writer after the batch-2 fixes;
* ``quotes_blind4.jsonl`` (when it arrives): blind batch 4, the next
  held-out batch;

is evaluated and reported on its own (``--gold PATH``, repeatable, picks
files instead). Output: printed tables of quote precision, recall and speaker
accuracy, overall and by style, per file; exit status 1 when ``--gate`` is
given and a held-out figure of the main set is below its target.

What each figure is worth (read this before quoting a number):

* Main set. A record is held out when ``md5(id) % 3 == 0`` (about a third).
  The stage was developed on dev errors only; the held-out errors were then
  inspected once, after recording the clean figures (held-out direct speaker
  accuracy 0.965, recall 1.000 on 135 quotes), and the three general bugs
  they showed were fixed. Both splits are now development data: their
  figures show that nothing regressed, not how well the stage generalises.
* Blind batch 1. Measured BEFORE any change prompted by it, it gave the
  clean estimate of the stage as first written: direct speaker accuracy
  0.911 (92/101), precision 0.992, recall 0.992, all-quote speaker accuracy
  0.884. Its errors were then used to find and fix general weaknesses
  (datelines and capitalised common nouns read as names, organisations as
  speakers, role words left in names, pronoun gender, quoted show titles
  cutting a subject from its verb, epithets in quotes), so it is now DEV data
  too and its current figures overstate accuracy.
* Blind batch 2. Written after the batch-1 fixes by a writer who saw
  neither the code nor batch 1's errors, and measured BEFORE any change
  prompted by it, it gave the clean estimate of the stage after those fixes:
  direct speaker accuracy 0.878 (108/123), precision 1.000 (142/142), recall
  0.986 (142/144), all-quote speaker accuracy 0.894 (127/142). Its errors
  were then used to find and fix general weaknesses (lower-case role nouns
  between an affiliation and a name, organisation names read as people
  after ``a <role> at the <Organisation>``, ``who said`` clauses, verb-first
  ``Said X:`` and ``dismissed X as "…"`` cues, tabloid epithets such as
  ``the mother-of-three``, coordinated names sharing a surname, honorifics
  and gender choosing among people with one surname, pronouns of a
  subordinate clause giving a wrong gender, a title word that is also a
  first name), so it is now DEV data too.
* Blind batch 3. Written by a writer who saw neither the code nor the
  earlier batches' errors, never opened while the batch-2 fixes were made,
  and measured BEFORE any change prompted by it, it gave the clean estimate
  of the stage after the batch-2 fixes: direct speaker accuracy 0.891
  (98/110), precision 1.000 (144/144), recall 1.000 (144/144), all-quote
  speaker accuracy 0.896 (129/144). Its errors were then used to find and
  fix general weaknesses (quotes whose speaker is named in the next
  sentence or paragraph, ``So said X``, a speaker carried from the sentence
  before a quote-only sentence, a lede's ``A grandmother who … has said``
  named in the next paragraph, emotive epithets such as ``The furious
  manager``, organisations in apposition with a company noun or surrounded
  by company wording, party labels as roles, verb-first cues before a
  lower-case role, long role phrases before an apposed name), so it is now
  DEV data too. Across batches 1-3 the fresh estimates of direct speaker
  accuracy were 0.911, 0.878 and 0.891: each batch's fixes raise the dev
  figures to about 1.0 but the next fresh batch lands near 0.9, which is
  the figure to quote for unseen copy.
* Blind batch 4 (if present). Never to be opened while fixing: it is the
  fresh held-out estimate after the batch-3 fixes. Look at its numbers,
  not at its errors; evaluate the other files with explicit ``--gold``
  paths so that its errors are never printed by accident.

Policy: newslib's ``speaker`` is a person. Organisations (``the Bank of
England said``, ``NATS said``) get ``speaker = None`` with the mention kept
and a reason. The blind writers label such quotes None. The main set used to
label three organisation partial quotes with the organisation (tab-09 NATS,
tech-02 Google, q-01 Harrow Homes); they were relabelled ``null`` to follow
the rule, so all labelled files now use one policy (none of the three is a
direct quote, so the direct-quote figures above are unaffected).

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

Usage::

    .venv/bin/python benchmarks/eval_quotes.py [--gold PATH ...] [--errors dev|heldout|all] [--gate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable

DATA = Path(__file__).parent / "data"
GOLD = DATA / "quotes_gold.jsonl"
#: The labelled files evaluated by default, in report order, with what their
#: figures mean (see the module docstring). Missing files are skipped.
LABELLED: tuple[tuple[str, str], ...] = (
    ("quotes_gold.jsonl", "main set: dev / held-out split by md5(id) % 3 (both used in development)"),
    ("quotes_blind.jsonl", "blind batch 1: clean estimate measured before fixes was 0.911 direct speaker "
                           "accuracy; used for fixing since, so now DEV"),
    ("quotes_blind2.jsonl", "blind batch 2: clean estimate measured before its fixes was 0.878 direct speaker "
                            "accuracy; used for fixing since, so now DEV"),
    ("quotes_blind3.jsonl", "blind batch 3: clean estimate measured before its fixes was 0.891 direct speaker "
                            "accuracy; used for fixing since, so now DEV"),
    ("quotes_blind4.jsonl", "blind batch 4: not looked at during the batch-3 fixes, the fresh held-out estimate"),
)
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


def md5_split(record_id: str) -> str:
    """Split of a main-set record: ``"heldout"`` or ``"dev"``."""
    return "heldout" if held_out(record_id) else "dev"


def whole_file(record_id: str) -> str:
    """Split of a blind-batch record: the file is one set (``"all"`` only)."""
    return "all"


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


def evaluate(records: list[dict], *, split: Callable[[str], str] = md5_split) -> tuple[dict, list[str]]:
    """Counts per (split, style) and a list of error lines.

    Args:
        records: labelled records of one file.
        split: record id → split name; :func:`md5_split` for the main set,
            :func:`whole_file` for a blind batch. Counts are also kept under
            ``("all", …)``.

    Returns:
        ``(counts, errors)``: counts[(split, style)] is a dict of gold, pred,
        tp, gold_direct, tp_direct, spk_ok, spk_ok_direct and violations;
        errors are printable lines prefixed with ``[split]``.
    """
    from rapidfuzz import fuzz

    from newslib import extract_quotes

    counts: dict = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    for rec in records:
        part = split(rec["id"])
        keys = {(part, "ALL"), (part, rec["style"]), ("all", "ALL")}
        frame = extract_quotes(rec["text"])
        preds = frame[["text", "speaker", "kind"]].to_dict("records")
        golds = rec["quotes"]
        pairs = match(preds, golds)
        for key in keys:
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
            for key in keys:
                counts[key]["spk_ok"] += ok
                if direct:
                    counts[key]["tp_direct"] += 1
                    counts[key]["spk_ok_direct"] += ok
            if not ok:
                errors.append(f"[{part}] {rec['id']}: SPEAKER {preds[i]['speaker']!r} != {golds[j]['speaker']!r}"
                              f" for {golds[j]['text'][:70]!r}")
        for j, g in enumerate(golds):
            if j not in matched_g:
                errors.append(f"[{part}] {rec['id']}: MISSED {g['text'][:80]!r} ({g['speaker']})")
        for i, p in enumerate(preds):
            if i in matched_p:
                continue
            bad = any(fuzz.ratio(normalise(p["text"]), normalise(n)) >= MATCH_RATIO for n in rec.get("not_quotes", []))
            if bad:
                for key in keys:
                    counts[key]["violations"] += 1
            kind = "NOT-QUOTE" if bad else "EXTRA"
            errors.append(f"[{part}] {rec['id']}: {kind} {p['text'][:80]!r} ({p['speaker']})")
    return counts, errors


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(counts: dict) -> list[str]:
    """Printable table lines (splits in the order dev, heldout, all)."""
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


def load(path: Path) -> list[dict]:
    """The records of one labelled file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def default_files(data: Path = DATA) -> list[tuple[Path, str]]:
    """The labelled files present in ``data``, with their descriptions."""
    return [(data / name, note) for name, note in LABELLED if (data / name).exists()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="append", default=None, metavar="PATH",
                        help="labelled file to evaluate (repeatable); default: every labelled file present")
    parser.add_argument("--errors", choices=["none", "dev", "heldout", "all"], default="none",
                        help="print the mismatches of this split (blind batches only have 'all')")
    parser.add_argument("--gate", action="store_true",
                        help="exit 1 if the main set's held-out direct speaker accuracy or recall is below target")
    args = parser.parse_args(argv)
    if args.gold:
        notes = {name: note for name, note in LABELLED}
        files = [(Path(p), notes.get(Path(p).name, "")) for p in args.gold]
    else:
        files = default_files()
    status = 0
    for path, note in files:
        records = load(path)
        main_set = path.name == GOLD.name
        counts, errors = evaluate(records, split=md5_split if main_set else whole_file)
        n_direct = sum(q.get("kind", "direct") == "direct" for r in records for q in r["quotes"])
        print(f"== {path.name}" + (f": {note}" if note else ""))
        print(f"{len(records)} records, {sum(len(r['quotes']) for r in records)} gold quotes ({n_direct} direct); "
              f"match = rapidfuzz ratio >= {MATCH_RATIO} after normalising")
        print("\n".join(report(counts)))
        if args.errors != "none":
            print()
            for line in errors:
                if args.errors == "all" or line.startswith(f"[{args.errors}]"):
                    print(line)
        print()
        if args.gate and main_set:
            c = counts[("heldout", "ALL")]
            spk = c["spk_ok_direct"] / c["tp_direct"] if c["tp_direct"] else 0.0
            rec = c["tp"] / c["gold"] if c["gold"] else 0.0
            if spk < TARGET_SPEAKER_ACCURACY or rec < TARGET_RECALL:
                print(f"GATE FAILED: held-out direct speaker accuracy {spk:.3f}, recall {rec:.3f}")
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
