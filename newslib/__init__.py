"""newslib: compare how news outlets covered the same story.

The public API is small and imported lazily so that ``import newslib`` stays
fast (pandas, scikit-learn, trafilatura and matplotlib load on first use):

* :func:`load_corpus` / :class:`Corpus`: read a folder, files or records.
* :func:`compare`: run every stage and get a :class:`Coverage` of tables.
* :func:`extract_quotes`: the direct quotes of one text.
* :class:`Settings`: every option, with its default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "Coverage",
    "Settings",
    "compare",
    "extract_quotes",
    "load_corpus",
    "__version__",
]

_LAZY = {
    "Corpus": ("newslib.corpus", "Corpus"),
    "load_corpus": ("newslib.corpus", "load_corpus"),
    "Coverage": ("newslib.coverage", "Coverage"),
    "compare": ("newslib.coverage", "compare"),
    "extract_quotes": ("newslib.quotes", "extract_quotes"),
    "Settings": ("newslib.settings", "Settings"),
}

if TYPE_CHECKING:  # pragma: no cover
    from newslib.corpus import Corpus, load_corpus
    from newslib.coverage import Coverage, compare
    from newslib.quotes import extract_quotes
    from newslib.settings import Settings


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newslib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))
