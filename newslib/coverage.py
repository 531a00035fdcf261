"""The whole pipeline and the object that holds its tables.

Input: a folder, a list of files, or a :class:`~newslib.corpus.Corpus`.
Output: :class:`Coverage`, whose attributes are the tidy tables described in
the README's data dictionary, plus views (``matrix``, ``omissions`` ...) that
are computed from those tables on demand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from newslib.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from newslib.corpus import Corpus

#: Every table a Coverage can hold, in the order they are written to disk.
TABLES: tuple[str, ...] = (
    "articles",
    "problems",
    "removed",
    "line_repeats",
    "sentences",
    "paragraphs",
    "quotes",
    "speakers",
    "sources",
    "quote_variants",
    "claims",
    "claim_links",
    "sentence_repeats",
    "conflicts",
    "reuse_passages",
    "originality",
    "attribution",
    "loaded_terms",
    "sentiment",
    "headlines",
)


def check_writable_folder(folder: Path, *, what: str) -> None:
    """Create ``folder`` and check that a file can be written in it.

    Run before long work whose result goes there (the CLI's tables, a
    report), so a bad output path fails at once instead of after the run.

    Raises:
        OSError: "cannot write <what> into <folder>: <reason>", when the
            folder can not be created or a probe file can not be made in it.
    """
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".newslib-probe-"):
            pass
    except OSError as exc:
        raise OSError(f"cannot write {what} into {folder}: {exc.strerror or exc}") from exc


@dataclass
class Coverage:
    """The tables produced by :func:`compare` for one corpus.

    Every attribute named in :data:`TABLES` is a pandas DataFrame (empty with
    the documented columns when its stage did not run). ``texts`` maps each
    ``article_id`` to its cleaned text, the string that every ``start``/``end``
    offset points into.
    """

    settings: Settings
    texts: dict[str, str]
    tables: dict[str, "pd.DataFrame"] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        if name in TABLES:
            import pandas as pd

            return pd.DataFrame()
        raise AttributeError(name)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{n}={len(self.tables[n])}" for n in TABLES if n in self.tables)
        return f"Coverage({sizes})"

    # ---- output -----------------------------------------------------------
    def to_dir(self, path: str | os.PathLike[str]) -> list[Path]:
        """Write every table as ``<name>.csv`` under ``path`` and return the paths."""
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            if name in self.tables:
                target = out / f"{name}.csv"
                self.tables[name].to_csv(target, index=False)
                written.append(target)
        return written

    def summary(self) -> dict[str, int]:
        """Row counts of the main tables (what the CLI prints)."""
        return {name: len(self.tables[name]) for name in TABLES if name in self.tables}

    # ---- claim views (computed from claims + claim_links) -----------------
    def matrix(self, *, outlets: Iterable[str] | None = None) -> "pd.DataFrame":
        """Claim × outlet presence (0/1), claims carried by most outlets first."""
        from newslib import claims

        return claims.claim_matrix(self.claims, self.claim_links, outlets=self._outlets(outlets))

    def unique_claims(self, outlet: str) -> "pd.DataFrame":
        """Claims that only ``outlet`` reported."""
        from newslib import claims

        return claims.unique_claims(self.claims, self.claim_links, outlet)

    def omissions(self, outlet: str, *, min_share: float = 0.5) -> "pd.DataFrame":
        """Claims carried by at least ``min_share`` of the other outlets but not ``outlet``."""
        from newslib import claims

        return claims.omissions(
            self.claims, self.claim_links, outlet, outlets=self._outlets(None), min_share=min_share
        )

    def overlap(self) -> "pd.DataFrame":
        """Outlet × outlet table of shared claims and their Jaccard index."""
        from newslib import claims

        return claims.outlet_overlap(self.claims, self.claim_links, outlets=self._outlets(None))

    def shared_core(self, k: int | None = None) -> "pd.DataFrame":
        """Claims carried by at least ``k`` outlets.

        The default is ``settings.shared_core_min_outlets``, lowered to the
        number of outlets when there are fewer (two outlets: the claims both
        carry) but never below 2: what one outlet says is not shared.
        """
        from newslib import claims

        if k is None:
            k = claims.core_min_outlets(self.settings.shared_core_min_outlets, len(self._outlets(None)))
        return claims.shared_core(self.claims, k)

    # ---- reuse view ------------------------------------------------------------
    def copying(self) -> "pd.DataFrame":
        """Who may have copied whom: shared words per pair of articles, traced
        to a common source or not, and which was published first."""
        from newslib import reuse

        return reuse.copying(self.tables.get("reuse_passages"), self.tables.get("articles"))

    def realign(self, **options: Any) -> "Coverage":
        """Re-run the claim stage and the stages after it with new options.

        Cheap enough for a widget: loading, cleaning, sentences and quotes are
        reused as they are.
        """
        settings = Settings.from_options(self.settings, **options)
        tables = dict(self.tables)
        new = Coverage(settings=settings, texts=self.texts, tables=tables)
        _run_claim_stages(new)
        return new

    def _outlets(self, outlets: Iterable[str] | None) -> list[str]:
        if outlets is not None:
            return list(outlets)
        if "articles" in self.tables and len(self.tables["articles"]):
            return sorted(self.tables["articles"]["outlet"].unique())
        return []


def compare(
    source: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | Corpus",
    *,
    settings: Settings | None = None,
    progress: bool = False,
    **options: Any,
) -> Coverage:
    """Run the whole pipeline on a corpus and return its tables.

    Args:
        source: a folder of articles, a list of files, or a loaded
            :class:`~newslib.corpus.Corpus`.
        settings: a :class:`~newslib.settings.Settings` to start from.
        progress: show progress bars (files, then stages) when the corpus has
            more than ``settings.progress_min_articles`` articles.
        **options: any :class:`~newslib.settings.Settings` field, for example
            ``claim_threshold=0.4`` or ``outlets=["Newsweek", "HuffPost"]``.

    Returns:
        A :class:`Coverage` whose attributes are the tables of every stage.

    Raises:
        FileNotFoundError: when ``source`` is a path that does not exist.
        ValueError: when a folder holds no files at all.
    """
    from newslib import clean, corpus, sentences

    settings = Settings.from_options(settings, **options)
    if isinstance(source, corpus.Corpus):
        loaded = source
    else:
        loaded = corpus.load_corpus(source, settings=settings, progress=progress)
    if settings.outlets is not None:
        loaded = loaded.select_outlets(settings.outlets)

    bar = _StageBar(enabled=progress and len(loaded) > settings.progress_min_articles,
                    stages=("clean", "sentences", *settings.stages))
    bar.step("clean")
    cleaned = clean.clean_corpus(loaded, settings=settings)
    bar.step("sentences")
    sents = sentences.split_sentences(cleaned.texts, cleaned.articles, settings=settings)
    articles = sentences.add_counts(cleaned.articles, sents, cleaned.texts)

    cov = Coverage(
        settings=settings,
        texts=cleaned.texts,
        tables={
            "articles": articles,
            "problems": loaded.problems,
            "removed": cleaned.removed,
            "line_repeats": cleaned.line_repeats,
            "sentences": sents,
            "paragraphs": cleaned.paragraphs,
        },
    )
    stages = set(settings.stages)
    if "quotes" in stages:
        bar.step("quotes")
        _run_quote_stages(cov)
    bar.step("claims")
    _run_claim_stages(cov)
    if "reuse" in stages:
        bar.step("reuse")
        from newslib import reuse

        result = reuse.find_reuse(
            cov.texts,
            cov.articles,
            quotes=cov.quotes,
            sources=cov.sources,
            sentences=cov.sentences,
            settings=settings,
        )
        cov.tables.update(
            reuse_passages=result.passages,
            originality=result.originality,
            attribution=result.attribution,
        )
    if "framing" in stages:
        bar.step("framing")
        from newslib import framing

        result = framing.frame(cov.articles, cov.sentences, settings=settings)
        cov.tables.update(
            loaded_terms=result.loaded_terms,
            sentiment=result.sentiment,
            headlines=result.headlines,
        )
    bar.close()
    return cov


class _StageBar:
    """A progress bar over pipeline stages (a no-op unless enabled)."""

    def __init__(self, *, enabled: bool, stages: tuple[str, ...]) -> None:
        self._bar = None
        self._started = False
        if enabled:
            from tqdm.auto import tqdm

            self._bar = tqdm(total=len(stages), desc="stages", unit="stage")

    def step(self, name: str) -> None:
        if self._bar is not None:
            if self._started:
                self._bar.update(1)
            self._started = True
            self._bar.set_description(name)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.update(self._bar.total - self._bar.n)
            self._bar.close()


def _run_quote_stages(cov: Coverage) -> None:
    import pandas as pd

    from newslib import quotes, sources, variants

    result = quotes.find_quotes(cov.texts, cov.sentences, cov.articles, settings=cov.settings)
    cov.tables["quotes"] = result.quotes
    cov.tables["speakers"] = result.speakers
    if len(result.problems):
        cov.tables["problems"] = pd.concat(
            [cov.tables["problems"], result.problems], ignore_index=True
        )
    cov.tables["sources"] = sources.find_sources(cov.sentences, cov.articles, settings=cov.settings)
    cov.tables["quote_variants"] = variants.quote_variants(cov.quotes, settings=cov.settings)


def _run_claim_stages(cov: Coverage) -> None:
    stages = set(cov.settings.stages)
    if "claims" in stages:
        from newslib import claims

        result = claims.align_claims(cov.sentences, cov.quotes, settings=cov.settings)
        cov.tables.update(
            claims=result.claims,
            claim_links=result.links,
            sentence_repeats=result.repeats,
        )
    if "conflicts" in stages:
        from newslib import conflicts

        cov.tables["conflicts"] = conflicts.find_conflicts(
            claims=cov.claims,
            claim_links=cov.claim_links,
            sentences=cov.sentences,
            articles=cov.articles,
            quotes=cov.quotes,
            speakers=cov.speakers,
            quote_variants=cov.quote_variants,
            settings=cov.settings,
        )
