"""Pairwise accuracy of claim alignment, and the threshold sweep behind the default.

Input:

* ``benchmarks/data/seed_claim_tags.csv`` (sent_id, outlet, text, tags): every
  one of the 97 seed sentences tagged by an independent annotator with the
  atomic claims it states (";"-joined ids, described in
  ``benchmarks/data/seed_claim_glossary.csv``). Used as given.
* ``benchmarks/data/claim_pairs.csv`` (labelled cross-outlet sentence pairs,
  built by ``benchmarks/make_claim_pairs.py``): a hand-picked seed pair set
  and the invented multi-outlet stories of the wider set.
* the seed corpus ``data/seeds``.

Output (stdout): pairwise precision, recall and F1

* on the seeds, **exhaustively** (the primary seed figure): every pair of seed
  sentences from different outlets, positive when the annotator gave both at
  least one common tag (timing variants of one event such as meet_this_month
  / meet_next_month are separate tags, and both sentences also carry
  kim_putin_meeting_planned, so such a pair is positive through that tag);
* on the hand-picked seed pairs of ``claim_pairs.csv`` (the earlier figure);
* on the wider set: dev stories (used for tuning) and held-out test stories,
  the latter also split into the first-round stories, the stories added in
  the second round (:data:`FRESH_STORIES`, written before that round's
  tuning and never looked at pair by pair while tuning) and the stories
  written blind in a third round, after the method was fixed
  (:data:`ROUND3_PREFIX`);

then recall per kind of pair, a sweep of ``claim_threshold`` and the
threshold it selects (best mean of dev F1 and exhaustive seed F1).

A pair counts as predicted positive when its two sentences share at least one
claim in ``claim_links``. The seeds are aligned as the pipeline does it (the
real sentence and quote stages of ``newslib.compare``), the wider pairs inside
one corpus made of all invented stories together (quotes found by the real
quote stage on the joined sentences), so a sentence can also be pulled into a
claim from another story; such cross-story links are counted and printed as
well (each is a false positive by construction).

Usage::

    python benchmarks/eval_claims.py            # sweep, then report at the default
    python benchmarks/eval_claims.py --threshold 0.3 --no-sweep
    python benchmarks/eval_claims.py --no-sweep --errors   # list the wrong pairs
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "benchmarks" / "data" / "claim_pairs.csv"
TAGS = ROOT / "benchmarks" / "data" / "seed_claim_tags.csv"
SEEDS = ROOT / "data" / "seeds"

#: Floors the alignment must not fall below (issue 4): F1 on the seeds
#: (exhaustive pairs) and on the held-out wider stories. The script exits 1
#: when either is missed.
F1_FLOOR = {"seeds": 0.9, "wider": 0.8}

#: Held-out stories added to ``make_claim_pairs.py`` in the second round of
#: work on the claim stage, before that round's method and threshold changes
#: (the first-round test stories had been seen while it was designed).
FRESH_STORIES = frozenset({"summit", "drug_recall", "mayor_election"})

#: Stories written blind in a third round, after the speaker rules of the
#: claim stage were in place (keys start with this prefix): scored once, as
#: they came, and reported on their own.
ROUND3_PREFIX = "r3_"


def seed_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and quotes of the seed corpus, from the real pipeline stages."""
    import newslib

    cov = newslib.compare(SEEDS, stages=("quotes",))
    return cov.sentences, cov.quotes


def seed_tags(sentences: pd.DataFrame, path: Path = TAGS) -> dict[str, frozenset[str]] | None:
    """sent_id -> the annotator's claim tags, or None when the file is missing.

    Rows are matched on ``sent_id`` when its text is the sentence's text,
    otherwise on the text within the outlet (so a re-numbered sentence stage
    does not silently shift the labels). Unmatched rows are reported.
    """
    if not path.exists():
        return None
    table = pd.read_csv(path, dtype=str).fillna("")
    text_of = dict(zip(sentences["sent_id"], sentences["text"]))
    tags: dict[str, frozenset[str]] = {}
    lost = 0
    for row in table.itertuples():
        sent_id = row.sent_id if text_of.get(row.sent_id) == row.text else match_sentence(row.text, row.outlet, sentences)
        if sent_id is None:
            lost += 1
            continue
        tags[sent_id] = frozenset(t.strip() for t in row.tags.split(";") if t.strip())
    if lost:
        print(f"warning: {lost} tagged seed sentences not found in the seeds", file=sys.stderr)
    missing = set(sentences["sent_id"]) - set(tags)
    if missing:
        print(f"warning: {len(missing)} seed sentences have no tag row (counted as untagged)", file=sys.stderr)
    return tags


def exhaustive_pairs(sentences: pd.DataFrame, tags: dict[str, frozenset[str]]) -> pd.DataFrame:
    """Every pair of sentences from different outlets, labelled from the tags.

    ``label`` is 1 when the two sentences share a tag; ``shared`` lists the
    shared tags (";"-joined). A sentence without tags (or without a row) is
    negative with everything.
    """
    ids = sentences["sent_id"].tolist()
    outlets = sentences["outlet"].tolist()
    rows = []
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            if outlets[i] == outlets[j]:
                continue
            shared = tags.get(ids[i], frozenset()) & tags.get(ids[j], frozenset())
            rows.append((ids[i], ids[j], outlets[i], outlets[j], int(bool(shared)), ";".join(sorted(shared))))
    return pd.DataFrame(rows, columns=["sent_a", "sent_b", "outlet_a", "outlet_b", "label", "shared"])


def wider_quotes(sentences: pd.DataFrame) -> pd.DataFrame:
    """Quotes of the wider pseudo-articles, found by the real quote stage."""
    from newslib.quotes import find_quotes

    texts = {art: "\n\n".join(group["text"]) for art, group in sentences.groupby("article_id", sort=False)}
    articles = sentences.drop_duplicates("article_id")[["article_id", "outlet"]]
    return find_quotes(texts, sentences.drop(columns="story"), articles).quotes


def wider_sentences(pairs: pd.DataFrame) -> pd.DataFrame:
    """One pseudo-article per (story, outlet), its sentences in pair-file order."""
    seen: dict[tuple[str, str], list[str]] = {}
    for row in pairs.itertuples():
        for outlet, text in ((row.outlet_a, row.text_a), (row.outlet_b, row.text_b)):
            texts = seen.setdefault((row.story, outlet), [])
            if text not in texts:
                texts.append(text)
    rows = []
    for (story, outlet), texts in seen.items():
        article_id = f"{story}-{outlet.lower().replace(' ', '_')}"
        offset = 0
        for n, text in enumerate(texts):
            rows.append(
                {
                    "sent_id": f"{article_id}-s{n:04d}",
                    "article_id": article_id,
                    "outlet": outlet,
                    "paragraph": n,
                    "position": n / max(1, len(texts) - 1),
                    "start": offset,
                    "end": offset + len(text),
                    "text": text,
                    "story": story,
                }
            )
            offset += len(text) + 2
    return pd.DataFrame(rows)


def match_sentence(text: str, outlet: str, sentences: pd.DataFrame) -> str | None:
    """sent_id of the sentence of ``outlet`` whose text is ``text``.

    Exact match first; otherwise the best rapidfuzz match among the outlet's
    sentences (so a small change in sentence splitting does not lose a pair).
    """
    from rapidfuzz import fuzz, process

    own = sentences[sentences["outlet"] == outlet]
    exact = own[own["text"] == text]
    if len(exact):
        return str(exact["sent_id"].iloc[0])
    best = process.extractOne(text, own["text"].tolist(), scorer=fuzz.ratio, score_cutoff=85)
    if best is None:
        return None
    return str(own["sent_id"].iloc[best[2]])


def attach_ids(pairs: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    out = pairs.copy()
    out["sent_a"] = [match_sentence(t, o, sentences) for t, o in zip(out["text_a"], out["outlet_a"])]
    out["sent_b"] = [match_sentence(t, o, sentences) for t, o in zip(out["text_b"], out["outlet_b"])]
    return out


def predict(pairs: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    claims_of = links.groupby("sent_id")["claim_id"].apply(set).to_dict()
    return pd.Series(
        [
            int(bool(claims_of.get(a, set()) & claims_of.get(b, set())))
            for a, b in zip(pairs["sent_a"], pairs["sent_b"])
        ],
        index=pairs.index,
    )


def scores(labels: pd.Series, predicted: pd.Series) -> dict[str, float]:
    tp = int(((labels == 1) & (predicted == 1)).sum())
    fp = int(((labels == 0) & (predicted == 1)).sum())
    fn = int(((labels == 1) & (predicted == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(labels), "tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def cross_story_links(links: pd.DataFrame, sentences: pd.DataFrame) -> int:
    """Pairs of sentences from different stories that share a claim."""
    story = dict(zip(sentences["sent_id"], sentences["story"]))
    total = 0
    for _, group in links.groupby("claim_id"):
        stories = pd.Series([story[s] for s in group["sent_id"]]).value_counts()
        n = int(stories.sum())
        total += (n * (n - 1) - int((stories * (stories - 1)).sum())) // 2
    return total


def predicted_pairs(links: pd.DataFrame, sentences: pd.DataFrame, pairs: pd.DataFrame) -> dict[str, int]:
    """Every cross-outlet sentence pair the alignment joins, by label status.

    The labelled seed pairs are not exhaustive (pairs an annotator could argue
    either way are left out), so pairwise precision only sees joined pairs
    that were labelled. This counts all joined pairs, so the unlabelled ones
    can be inspected (``--errors`` does not list them; they are a lower bound
    on what a reader of the matrix would call a wrong link).
    """
    outlet = dict(zip(sentences["sent_id"], sentences["outlet"]))
    joined: set[tuple[str, str]] = set()
    for _, group in links.groupby("claim_id"):
        ids = sorted(set(group["sent_id"]))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if outlet[a] != outlet[b]:
                    joined.add((a, b))
    label = {tuple(sorted((a, b))): int(y) for a, b, y in zip(pairs["sent_a"], pairs["sent_b"], pairs["label"])}
    counts = {"joined": len(joined), "labelled_1": 0, "labelled_0": 0, "unlabelled": 0}
    for pair in joined:
        y = label.get(pair)
        counts["unlabelled" if y is None else f"labelled_{y}"] += 1
    return counts


class Evaluator:
    """Holds both corpora and their labelled pairs; runs alignment per setting."""

    def __init__(self) -> None:
        pairs = pd.read_csv(PAIRS)
        self.seed_sents, self.seed_quotes = seed_tables()
        self.wide_sents = wider_sentences(pairs[pairs["set"] == "wider"])
        self.wide_quotes = wider_quotes(self.wide_sents)
        self.seed_pairs = attach_ids(pairs[pairs["set"] == "seeds"], self.seed_sents)
        self.wide_pairs = attach_ids(pairs[pairs["set"] == "wider"], self.wide_sents)
        missing = self.seed_pairs[self.seed_pairs[["sent_a", "sent_b"]].isna().any(axis=1)]
        if len(missing):
            print(f"warning: {len(missing)} seed pairs have a sentence not found in the seeds", file=sys.stderr)
        self.seed_pairs = self.seed_pairs.dropna(subset=["sent_a", "sent_b"])
        self.tags = seed_tags(self.seed_sents)
        self.seed_all = exhaustive_pairs(self.seed_sents, self.tags) if self.tags is not None else None

    def run(self, **options: object) -> dict[str, object]:
        from newslib.claims import align_claims
        from newslib.settings import Settings

        settings = Settings(**options)  # type: ignore[arg-type]
        start = time.perf_counter()
        seed_links = align_claims(self.seed_sents, self.seed_quotes, settings=settings).links
        wide_links = align_claims(self.wide_sents.drop(columns="story"), self.wide_quotes, settings=settings).links
        elapsed = time.perf_counter() - start
        sp, wp = self.seed_pairs.copy(), self.wide_pairs.copy()
        sp["pred"] = predict(sp, seed_links)
        wp["pred"] = predict(wp, wide_links)
        test = wp["split"] == "test"
        fresh = wp["story"].isin(FRESH_STORIES)
        third = wp["story"].str.startswith(ROUND3_PREFIX)
        out: dict[str, object] = {
            "seed_predicted": predicted_pairs(seed_links, self.seed_sents, self.seed_pairs),
            "seeds": scores(sp["label"], sp["pred"]),
            "dev": scores(wp.loc[wp["split"] == "dev", "label"], wp.loc[wp["split"] == "dev", "pred"]),
            "test": scores(wp.loc[test, "label"], wp.loc[test, "pred"]),
            "test_first": scores(wp.loc[test & ~fresh & ~third, "label"], wp.loc[test & ~fresh & ~third, "pred"]),
            "test_fresh": scores(wp.loc[test & fresh, "label"], wp.loc[test & fresh, "pred"]),
            "test_round3": scores(wp.loc[test & third, "label"], wp.loc[test & third, "pred"]),
            "cross_story": cross_story_links(wide_links, self.wide_sents),
            "seconds": elapsed,
            "seed_pairs": sp,
            "wide_pairs": wp,
            "seed_links": seed_links,
        }
        if self.seed_all is not None:
            ap = self.seed_all.copy()
            ap["pred"] = predict(ap, seed_links)
            out["seeds_all"] = scores(ap["label"], ap["pred"])
            out["seed_all_pairs"] = ap
        return out


def _fmt(s: dict[str, float]) -> str:
    return (
        f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
        f"(pairs={s['n']}, tp={s['tp']}, fp={s['fp']}, fn={s['fn']})"
    )


def by_kind(pairs: pd.DataFrame) -> str:
    parts = []
    for kind, group in pairs.groupby("kind"):
        if kind == "hard_negative":
            parts.append(f"hard_negative wrongly joined {int(group['pred'].sum())}/{len(group)}")
        else:
            parts.append(f"{kind} found {int(group['pred'].sum())}/{len(group)}")
    return "; ".join(parts)


def similarity_ceiling(sentences: pd.DataFrame, quotes: pd.DataFrame, pairs: pd.DataFrame,
                       method: str = "tfidf") -> tuple[float, float]:
    """Best F1 any single threshold on the claim vectors could reach, without clustering.

    Each labelled pair of sentences gets the highest cosine between their
    units (the similarity the claim stage starts from); the threshold with
    the best pairwise F1 is searched on the labels themselves, so this is an
    optimistic bound on what the representation (``method``: ``"tfidf"``,
    or ``"embedding"`` for the optional all-MiniLM-L6-v2 backend) can
    separate, not a result. Returns ``(best F1, its threshold)``.
    """
    import numpy as np

    from newslib import claims
    from newslib.settings import Settings

    table = sentences.reset_index(drop=True)
    texts = table["text"].astype(str).tolist()
    units = claims._build_units(texts, claims._direct_quote_spans(table, quotes))
    if method == "tfidf":
        X = claims._tfidf(units.tokens)
        unit_sim = (X @ X.T).toarray()
    else:
        unit_texts = [texts[r][s:e] for r, s, e in zip(units.sent_row, units.start, units.end)]
        E = np.asarray(claims._embed(unit_texts, Settings().claim_embedding_model), dtype=np.float64)
        unit_sim = E @ E.T
    rows = np.asarray(units.sent_row)
    sim = np.zeros((len(texts), len(texts)))
    for i, r in enumerate(rows.tolist()):
        np.maximum.at(sim[r], rows, unit_sim[i])
    index = {s: i for i, s in enumerate(table["sent_id"])}
    values = np.array([sim[index[a], index[b]] for a, b in zip(pairs["sent_a"], pairs["sent_b"])])
    labels = pairs["label"].to_numpy().astype(bool)
    best = (0.0, 0.0)
    for thr in np.arange(0.02, 0.9, 0.01):
        predicted = values >= thr
        tp = int((predicted & labels).sum())
        f1 = 2 * tp / (2 * tp + int((predicted & ~labels).sum()) + int((~predicted & labels).sum()))
        best = max(best, (f1, float(thr)))
    return best


def by_tag(pairs: pd.DataFrame) -> pd.DataFrame:
    """Recall of the exhaustive seed positives, per annotator tag."""
    rows = []
    positives = pairs[pairs["label"] == 1]
    for shared, pred in zip(positives["shared"], positives["pred"]):
        for tag in shared.split(";"):
            rows.append((tag, int(pred)))
    table = pd.DataFrame(rows, columns=["tag", "found"])
    return table.groupby("tag")["found"].agg(["sum", "count"]).sort_values("count", ascending=False)


def main(argv: list[str] | None = None) -> int:
    from newslib.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None, help="claim_threshold to report (default: Settings)")
    parser.add_argument("--no-sweep", action="store_true", help="skip the threshold sweep")
    parser.add_argument("--errors", action="store_true", help="print the misaligned pairs")
    parser.add_argument("--ceiling", action="store_true", help="print the best threshold-only F1 of the unit cosines")
    args = parser.parse_args(argv)

    ev = Evaluator()
    n_all = len(ev.seed_all) if ev.seed_all is not None else 0
    n_pos = int(ev.seed_all["label"].sum()) if ev.seed_all is not None else 0
    print(f"labelled pairs: seeds exhaustive {n_all} ({n_pos} positive), seed pair set {len(ev.seed_pairs)}, "
          f"wider {len(ev.wide_pairs)} (dev {int((ev.wide_pairs['split'] == 'dev').sum())}, "
          f"test {int((ev.wide_pairs['split'] == 'test').sum())})")
    if ev.seed_all is None:
        print(f"warning: {TAGS.name} not found: no exhaustive seed figure", file=sys.stderr)
    default = Settings().claim_threshold
    if not args.no_sweep:
        print("\nthreshold sweep (choose on dev stories + exhaustive seeds; test stories are held out)")
        print(f"{'thr':>6} {'dev F1':>7} {'seeds F1':>8} {'P':>6} {'R':>6} | {'test F1':>7} {'pairs F1':>8} {'x-story':>7}")
        best = None
        for step in range(4, 25):
            thr = round(step * 0.025, 3)
            r = ev.run(claim_threshold=thr)
            d = r["dev"]
            sa = r.get("seeds_all", r["seeds"])
            objective = (d["f1"] + sa["f1"]) / 2  # type: ignore[index]
            print(f"{thr:6.3f} {d['f1']:7.3f} {sa['f1']:8.3f} {sa['precision']:6.3f} {sa['recall']:6.3f} | "  # type: ignore[index]
                  f"{r['test']['f1']:7.3f} {r['seeds']['f1']:8.3f} {r['cross_story']:7d}")
            # best mean F1; on a tie keep the higher threshold (fewer false links at scale)
            if best is None or objective >= best[1] - 1e-9:
                best = (thr, objective)
        assert best is not None
        print(f"\nbest mean of dev and seed F1 {best[1]:.3f} at claim_threshold={best[0]:.3f} "
              f"(Settings default: {default})")

    threshold = args.threshold if args.threshold is not None else default
    r = ev.run(claim_threshold=threshold)
    print(f"\nat claim_threshold={threshold} (alignment of both corpora took {r['seconds']:.2f} s)")
    if "seeds_all" in r:
        print(f"  seeds, all cross-outlet pairs  {_fmt(r['seeds_all'])}  <- primary seed figure")
    print(f"  seeds, pair set {_fmt(r['seeds'])}")
    print(f"              {by_kind(r['seed_pairs'])}")
    sp_ = r["seed_predicted"]
    print(f"              all cross-outlet seed pairs joined: {sp_['joined']} "
          f"(labelled same claim {sp_['labelled_1']}, labelled different {sp_['labelled_0']}, "
          f"not labelled {sp_['unlabelled']})")
    print(f"  wider dev   {_fmt(r['dev'])}")
    print(f"  wider test  {_fmt(r['test'])}  <- held out")
    print(f"    first-round test stories   {_fmt(r['test_first'])}")
    print(f"    fresh test stories         {_fmt(r['test_fresh'])}")
    if r["test_round3"]["n"]:
        print(f"    third-round blind stories  {_fmt(r['test_round3'])}")
    print(f"              {by_kind(r['wide_pairs'][r['wide_pairs']['split'] == 'test'])}")
    print(f"  cross-story sentence pairs sharing a claim (all false): {r['cross_story']}")
    if args.ceiling and ev.seed_all is not None:
        f1, thr = similarity_ceiling(ev.seed_sents, ev.seed_quotes, ev.seed_all)
        print(f"\n  ceiling: the best single cosine threshold on the exhaustive seed pairs, chosen on "
              f"their own labels and without clustering, reaches F1 {f1:.3f} (at {thr:.2f})")
        try:
            f1, thr = similarity_ceiling(ev.seed_sents, ev.seed_quotes, ev.seed_all, method="embedding")
        except ImportError:
            print("  (the optional embedding backend is not installed: no embedding ceiling)")
        else:
            print(f"  the same ceiling with the optional embedding backend (all-MiniLM-L6-v2): "
                  f"F1 {f1:.3f} (at {thr:.2f})")
    if args.errors and "seed_all_pairs" in r:
        ap = r["seed_all_pairs"]
        print("\nexhaustive seed positives found, per tag (found / pairs):")
        table = by_tag(ap)
        print("  " + "; ".join(f"{tag} {int(row['sum'])}/{int(row['count'])}" for tag, row in table.iterrows()))
        text = dict(zip(ev.seed_sents["sent_id"], ev.seed_sents["text"]))
        wrong = ap[ap["label"] != ap["pred"]]
        print(f"\nexhaustive seed pairs: {len(wrong)} errors")
        for row in wrong.itertuples():
            tag = f"MISSED {row.shared}" if row.label else "FALSE"
            print(f"  {tag}\n    {row.outlet_a}: {text[row.sent_a][:120]}\n    {row.outlet_b}: {text[row.sent_b][:120]}")
    if args.errors:
        for name in ("seed_pairs", "wide_pairs"):
            wrong = r[name][r[name]["label"] != r[name]["pred"]]
            print(f"\n{name}: {len(wrong)} errors")
            for row in wrong.itertuples():
                tag = "MISSED" if row.label else "FALSE "
                print(f"  {tag} [{row.kind}] {row.outlet_a}: {row.text_a[:110]}")
                print(f"         {'':{len(row.kind) + 2}} {row.outlet_b}: {row.text_b[:110]}")
    seed_f1 = r["seeds_all"]["f1"] if "seeds_all" in r else r["seeds"]["f1"]
    ok = seed_f1 >= F1_FLOOR["seeds"] and r["test"]["f1"] >= F1_FLOOR["wider"]
    print(f"\nfloors: seeds (exhaustive) F1 >= {F1_FLOOR['seeds']}, held-out wider F1 >= {F1_FLOOR['wider']}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
