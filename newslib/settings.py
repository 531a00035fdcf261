"""One settings object for every stage of the pipeline.

Input: nothing. Output: :class:`Settings`, a frozen dataclass whose fields are
the keyword options accepted by :func:`newslib.compare`. Each field says what
it controls and, for tuned numbers, how the value was chosen.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Settings:
    """All options of the pipeline, with their defaults.

    Build one with ``Settings(claim_threshold=0.4)`` or pass the same keywords
    to :func:`newslib.compare`. Unknown keywords raise ``TypeError``.
    """

    # ---- loading (corpus stage) -------------------------------------------
    #: Files larger than this are refused with a ``too_large`` problem row.
    #: 20 MB is two orders of magnitude above any real article (the seeds are
    #: 2-4 kB) while still keeping a hostile upload from eating the memory.
    max_file_bytes: int = 20_000_000
    #: Name of the optional metadata file inside an input folder.
    manifest_name: str = "manifest.csv"
    #: Only keep these outlets (exact names); ``None`` keeps all of them.
    outlets: tuple[str, ...] | None = None
    #: Show a progress bar when more than this many articles are processed.
    progress_min_articles: int = 40

    # ---- cleaning (clean stage) -------------------------------------------
    #: A line that appears in at least this many articles of the same outlet is
    #: that outlet's boilerplate. Two is the smallest number that can show a
    #: template; article sentences are almost never copied word for word
    #: between two stories of one outlet *and* short enough to pass the length
    #: guard below.
    outlet_boilerplate_min_articles: int = 2
    #: Lines longer than this many words are never removed by the corpus-level
    #: (repeated line) signal: long lines are prose, even when repeated.
    outlet_boilerplate_max_words: int = 25

    # ---- sentences stage ----------------------------------------------------
    #: Extra abbreviations (lower case, without the final dot) for Punkt.
    extra_abbreviations: tuple[str, ...] = ()

    # ---- quotes stage -------------------------------------------------------
    #: Quotes shorter than this many words are treated as scare quotes unless
    #: a speech verb attributes them.
    quote_min_words: int = 4

    # ---- claims stage -------------------------------------------------------
    #: Similarity threshold above which two sentences from different outlets
    #: state the same claim (see ``benchmarks/eval_claims.py`` for tuning).
    claim_threshold: float = 0.35
    #: Alignment method: ``"tfidf"`` (default) or ``"embedding"`` (optional).
    claim_method: str = "tfidf"
    #: Number of nearest neighbours considered per sentence.
    claim_top_k: int = 10
    #: A claim is in the shared core when at least this many outlets carry it.
    shared_core_min_outlets: int = 3

    # ---- reuse stage --------------------------------------------------------
    #: Minimum length, in words, of a verbatim passage shared by two articles.
    reuse_min_words: int = 8
    #: A word n-gram (of ``reuse_min_words`` words) found in more than this many
    #: articles is a stock phrase or leftover boilerplate, not reuse, and is not
    #: used to seed passages (a passage that merely runs through it is still
    #: found, because seeds are extended word by word). 50 is above the largest
    #: story in realistic coverage ("a few dozen outlets") and bounds the
    #: candidate pairs per n-gram at 50*49/2; raise it for wire copy reprinted
    #: by hundreds of outlets. On the generated 10,000-article benchmark corpus
    #: it drops only template n-grams (see ``benchmarks/README.md``).
    reuse_max_shingle_articles: int = 50
    #: Fold British spellings to American (calibre -> caliber) before comparing
    #: words, so a passage copied with a house spelling change still counts as
    #: verbatim reuse. The word list is ``newslib/data/spelling_variants.csv``.
    reuse_fold_spelling: bool = True

    # ---- framing stage ------------------------------------------------------
    #: Optional CSV of extra loaded terms (columns: term, category, note).
    lexicon_path: str | None = None

    # ---- pipeline -----------------------------------------------------------
    #: Stages to run after sentences; the default runs all of them.
    stages: tuple[str, ...] = field(
        default=("quotes", "claims", "conflicts", "reuse", "framing")
    )

    def replace(self, **changes: Any) -> "Settings":
        """Return a copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_options(cls, settings: "Settings | None" = None, **options: Any) -> "Settings":
        """Merge keyword options into ``settings`` (or the defaults)."""
        base = settings or cls()
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - names)
        if unknown:
            raise TypeError(f"unknown newslib option(s): {', '.join(unknown)}")
        for key in ("outlets", "extra_abbreviations", "stages"):
            if key in options and options[key] is not None and not isinstance(options[key], tuple):
                value = options[key]
                options[key] = (value,) if isinstance(value, str) else tuple(value)
        return dataclasses.replace(base, **options)
