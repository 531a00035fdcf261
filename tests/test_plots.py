"""Tests for newslib.plots: every chart states N, hands back its table, and renders.

The Coverage here is built by hand from the contract columns (claims,
claim_links, quotes, originality, loaded_terms, sentiment), with sentences
taken from the Kim-Putin seed story, so each expected number can be counted
by eye.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from newslib import plots
from newslib.coverage import Coverage
from newslib.settings import Settings

OUTLETS = ["Business Insider", "CBN News", "Daily Star", "HuffPost", "Newsweek"]

#: (claim_id, label, kind, outlets carrying it)
CLAIMS = [
    ("c01", "They're also two desperate leaders of the world's most noted pariah states.",
     "quote", ["Business Insider", "Daily Star", "HuffPost", "Newsweek"]),
    ("c02", "It's showing that Mr. Putin is scrambling for help.",
     "quote", ["Business Insider", "Daily Star", "HuffPost", "Newsweek"]),
    ("c03", "The New York Times reported on Monday that Kim is planning to travel to Russia "
            "later this month to discuss supplying weapons to Russia.",
     "narrative", ["Business Insider", "HuffPost", "Newsweek"]),
    ("c04", "Putin is hoping to gain additional artillery shells and antitank missiles from Kim",
     "narrative", ["CBN News", "HuffPost", "Newsweek"]),
    ("c05", "They share the same type of caliber weapon systems.",
     "quote", ["Business Insider", "Daily Star"]),
    ("c06", "A meeting set to take place next month is aimed at Putin buying weapons from North "
            "Korea to help him continue his onslaught invasion of Ukraine.",
     "narrative", ["Daily Star"]),
    ("c07", "Russia seems to be ready to provide that even through violation of the UN sanctions, "
            "which cost $6,000 per $1 of aid.",
     "quote", ["CBN News"]),
]


def _coverage(**extra: pd.DataFrame) -> Coverage:
    claims = pd.DataFrame(
        [(c, label, len(outs), ";".join(sorted(outs)), kind) for c, label, kind, outs in CLAIMS],
        columns=["claim_id", "label", "n_outlets", "outlets", "kind"],
    )
    links = pd.DataFrame(
        [(c, f"{o[:3]}-s{i:04d}", f"art-{o[:3]}", o, 0.8)
         for i, (c, _, _, outs) in enumerate(CLAIMS) for o in outs],
        columns=["claim_id", "sent_id", "article_id", "outlet", "score"],
    )
    articles = pd.DataFrame({"article_id": [f"art-{o[:3]}" for o in OUTLETS], "outlet": OUTLETS})
    tables = {"articles": articles, "claims": claims, "claim_links": links, **extra}
    return Coverage(settings=Settings(), texts={}, tables=tables)


def _texts(fig) -> str:  # type: ignore[no-untyped-def]
    """All text drawn on a figure (titles, labels, notes), for assertions."""
    from matplotlib.text import Text

    return "\n".join(t.get_text() for t in fig.findobj(Text))


@pytest.fixture
def cov() -> Coverage:
    quotes = pd.DataFrame(
        {
            "quote_id": [f"q{i}" for i in range(7)],
            "outlet": ["Newsweek", "Newsweek", "Business Insider", "HuffPost", "Daily Star",
                       "CBN News", "CBN News"],
            "speaker": ["Mark Hertling", "Mark Hertling", "Mark Hertling", "James Marks",
                        "James Marks", "Linda Thomas-Greenfield", None],
        }
    )
    originality = pd.DataFrame(
        {
            "article_id": ["n1", "n2", "h1"],
            "outlet": ["Newsweek", "Newsweek", "HuffPost"],
            "n_words": [400, 100, 300],
            "n_words_shared": [100, 100, 30],
            "originality": [0.75, 0.0, 0.9],
        }
    )
    loaded = pd.DataFrame(
        {
            "term": ["desperate", "desperate", "pariah", "slammed", "despots"],
            "outlet": ["Newsweek", "Daily Star", "CBN News", "Daily Star", "Daily Star"],
            "count": [2, 3, 1, 1, 1],
        }
    )
    sentiment = pd.DataFrame(
        {
            "outlet": ["Newsweek", "Newsweek", "Daily Star", "Daily Star"],
            "compound": [-0.6, 0.2, -0.8, -0.02],
        }
    )
    return _coverage(quotes=quotes, originality=originality, loaded_terms=loaded,
                     sentiment=sentiment)


# ---- titles state N, tables are the data ------------------------------------------
@pytest.mark.parametrize(
    ("function", "title"),
    [
        (plots.plot_claim_matrix, "Claims by outlet (N=7 claims, 5 outlets)"),
        (plots.plot_claim_intersections, "Claims shared by each set of outlets (N=7 claims, 5 outlets)"),
        (plots.plot_outlet_overlap, "Claims shared by each pair of outlets (N=7 claims, 5 outlets)"),
        (plots.plot_quotes_by_speaker,
         "Quotes per speaker and outlet (N=7 quotes, 3 speakers, 5 outlets)"),
        (plots.plot_originality, "Originality per outlet (N=3 articles, 2 outlets)"),
        (plots.plot_loaded_terms, "Loaded terms per outlet (N=8 uses of 4 terms, 5 outlets)"),
        (plots.plot_sentiment, "Sentence sentiment per outlet (N=4 sentences, 2 outlets)"),
    ],
)
def test_every_chart_states_n_and_renders(cov: Coverage, function, title: str) -> None:  # type: ignore[no-untyped-def]
    result = function(cov)
    assert isinstance(result, plots.ChartResult)
    assert result.title == title
    assert title in _texts(result.figure)
    assert isinstance(result.table, pd.DataFrame) and len(result.table)
    png = result.to_png()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert result._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "function",
    [plots.plot_claim_matrix, plots.plot_claim_intersections, plots.plot_outlet_overlap,
     plots.plot_quotes_by_speaker, plots.plot_originality, plots.plot_loaded_terms,
     plots.plot_sentiment],
)
def test_empty_coverage_gives_an_n0_chart_not_an_error(function) -> None:  # type: ignore[no-untyped-def]
    empty = Coverage(settings=Settings(), texts={}, tables={})
    result = function(empty)
    assert "(N=0 " in result.title
    assert len(result.table) == 0
    assert result.to_png()[:4] == b"\x89PNG"


def test_claim_presence_orders_by_outlets_and_filters_outlets(cov: Coverage) -> None:
    table = plots.claim_presence(cov)
    assert list(table.columns) == ["claim_id", "label", "kind", "n_outlets", *OUTLETS]
    assert list(table["n_outlets"]) == [4, 4, 3, 3, 2, 1, 1]
    assert table.loc[table["claim_id"] == "c04", "CBN News"].item() == 1
    only_two = plots.claim_presence(cov, outlets=["Daily Star", "CBN News"])
    assert list(only_two.columns[-2:]) == ["Daily Star", "CBN News"]
    # c03 is carried by neither: it is left out; counts are among the chosen outlets.
    assert "c03" not in set(only_two["claim_id"])
    assert dict(zip(only_two["claim_id"], only_two["n_outlets"]))["c01"] == 1


def test_matrix_caps_claims_with_a_note_and_keeps_all_in_table(cov: Coverage) -> None:
    result = plots.plot_claim_matrix(cov, max_claims=3)
    assert len(result.table) == 7
    assert result.table["shown"].sum() == 3
    text = _texts(result.figure)
    assert "Showing the 3 claims carried by most outlets; 4 more are in the table." in text
    assert len(result.figure.axes[0].get_yticklabels()) == 3


SENTENCES = [
    "North Korea leader Kim Jong Un is purportedly planning to meet with Russian President "
    "Vladimir Putin later this month to discuss supplying Moscow with additional weapons.",
    "US officials estimated last month that Russia's military casualties are approaching 300,000.",
    "The Kremlin has so far refused to comment on the reports.",
    "In May, open-source intelligence website Oryx said the Russian military has lost at least "
    "two-thirds of its tanks since the war began.",
    "Kim is also reportedly \"seeking food aid for his impoverished nation.\"",
]


def _many_claims(n: int) -> Coverage:
    """``n`` claims: claim i is carried by the first (i % 5) + 1 outlets."""
    claims = pd.DataFrame(
        [(f"c{i:02d}", f"{SENTENCES[i % len(SENTENCES)]} (report {i})", (i % 5) + 1, "", "narrative")
         for i in range(n)],
        columns=["claim_id", "label", "n_outlets", "outlets", "kind"],
    )
    links = pd.DataFrame(
        [(f"c{i:02d}", f"{o[:3]}-s{i:04d}", f"art-{o[:3]}", o, 0.8)
         for i in range(n) for o in OUTLETS[: (i % 5) + 1]],
        columns=["claim_id", "sent_id", "article_id", "outlet", "score"],
    )
    articles = pd.DataFrame({"article_id": [f"art-{o[:3]}" for o in OUTLETS], "outlet": OUTLETS})
    return Coverage(settings=Settings(), texts={},
                    tables={"articles": articles, "claims": claims, "claim_links": links})


def test_matrix_draws_the_top_claims_fast_as_one_image_with_every_label_inside() -> None:
    import io

    from PIL import Image

    result = plots.plot_claim_matrix(_many_claims(60))
    ax = result.figure.axes[0]
    assert len(result.table) == 60 and result.table["shown"].sum() == plots.MAX_CLAIMS
    assert len(ax.get_yticklabels()) == plots.MAX_CLAIMS
    assert (f"Showing the {plots.MAX_CLAIMS} claims carried by most outlets; "
            f"{60 - plots.MAX_CLAIMS} more are in the table.") in _texts(result.figure)
    # One image for all cells and two line collections for the grid: no artist per cell.
    assert len(ax.images) == 1 and len(ax.patches) == 0 and len(ax.collections) == 2
    png = result.to_png()
    width, height = Image.open(io.BytesIO(png)).size
    assert width == round(plots.MATRIX_WIDTH * plots.PNG_DPI)
    # Hand layout: every claim label and the title lie inside the figure.
    renderer = result.figure.canvas.get_renderer()
    for text in [*ax.get_yticklabels(), *ax.get_xticklabels(), result.figure._suptitle]:
        box = text.get_window_extent(renderer)
        assert box.x0 >= 0 and box.y0 >= 0, text.get_text()
        assert box.x1 <= result.figure.bbox.x1 + 1 and box.y1 <= result.figure.bbox.y1 + 1
    # The figure grows with the rows drawn, not with the claims in the table.
    small = plots.plot_claim_matrix(_many_claims(6))
    assert small.figure.get_size_inches()[1] < result.figure.get_size_inches()[1]
    assert plots.plot_claim_matrix(_many_claims(90)).figure.get_size_inches()[1] == pytest.approx(
        result.figure.get_size_inches()[1])


def test_matrix_labels_are_wrapped_and_dollar_signs_stay_literal(cov: Coverage) -> None:
    result = plots.plot_claim_matrix(cov)
    labels = [t.get_text() for t in result.figure.axes[0].get_yticklabels()]
    for label in labels:
        lines = label.split("\n")
        assert len(lines) <= plots.LABEL_MAX_LINES
        assert all(len(line) <= plots.LABEL_WRAP_CHARS for line in lines)
    assert any("…" in label for label in labels)  # the long c06 label is shortened
    assert any(r"\$6,000" in label for label in labels)  # escaped: no mathtext
    result.to_png()  # would raise a mathtext ParseException if "$" were not escaped
    italic = [t.get_fontstyle() for t in result.figure.axes[0].get_yticklabels()]
    assert italic[:2] == ["italic", "italic"]  # c01, c02 are quotes


def test_intersections_count_claims_by_exact_outlet_set(cov: Coverage) -> None:
    table = plots.plot_claim_intersections(cov).table
    counts = dict(zip(table["outlets"], table["n_claims"]))
    assert counts == {
        "Business Insider;Daily Star;HuffPost;Newsweek": 2,
        "Business Insider;HuffPost;Newsweek": 1,
        "CBN News;HuffPost;Newsweek": 1,
        "Business Insider;Daily Star": 1,
        "Daily Star": 1,
        "CBN News": 1,
    }
    assert table.iloc[0]["degree"] == 4
    assert table["n_claims"].sum() == len(CLAIMS)
    row = table[table["outlets"] == "CBN News"].iloc[0]
    assert [row[o] for o in OUTLETS] == [0, 1, 0, 0, 0]


def test_intersections_cap_adds_note(cov: Coverage) -> None:
    result = plots.plot_claim_intersections(cov, max_intersections=2)
    assert "Showing the 2 largest of 6 outlet sets" in _texts(result.figure)


def test_overlap_table_is_the_library_overlap(cov: Coverage) -> None:
    from newslib.claims import outlet_overlap

    result = plots.plot_outlet_overlap(cov)
    expected = outlet_overlap(cov.claims, cov.claim_links, outlets=OUTLETS)
    pd.testing.assert_frame_equal(result.table.reset_index(drop=True), expected)
    pair = result.table[(result.table["outlet_a"] == "HuffPost")
                        & (result.table["outlet_b"] == "Newsweek")].iloc[0]
    assert pair["shared"] == 4 and pair["jaccard"] == 1.0


def test_quotes_by_speaker_counts_unattributed_separately(cov: Coverage) -> None:
    table = plots.plot_quotes_by_speaker(cov).table.set_index("speaker")
    assert table.loc["Mark Hertling", "Newsweek"] == 2
    assert table.loc["Mark Hertling", "total"] == 3
    assert table.loc[plots.UNATTRIBUTED, "CBN News"] == 1
    assert table["total"].sum() == 7
    assert table.index[0] == "Mark Hertling"


def test_originality_is_word_weighted_per_outlet(cov: Coverage) -> None:
    table = plots.plot_originality(cov).table.set_index("outlet")
    # Newsweek: 1 - (100 + 100) / (400 + 100) = 0.6, not the mean of 0.75 and 0.0.
    assert table.loc["Newsweek", "originality"] == pytest.approx(0.6)
    assert table.loc["Newsweek", "n_articles"] == 2
    assert table.loc["HuffPost", "originality"] == pytest.approx(0.9)


def test_loaded_terms_sum_the_count_column(cov: Coverage) -> None:
    table = plots.plot_loaded_terms(cov).table.set_index("term")
    assert table.loc["desperate", "Daily Star"] == 3
    assert table.loc["desperate", "total"] == 5
    assert table.index[0] == "desperate"


def test_sentiment_shares_use_vader_cutoffs(cov: Coverage) -> None:
    table = plots.plot_sentiment(cov).table.set_index("outlet")
    assert table.loc["Daily Star", "mean_compound"] == pytest.approx(-0.41)
    assert table.loc["Daily Star", "share_negative"] == 0.5  # -0.02 is neutral
    assert table.loc["Newsweek", "share_positive"] == 0.5


def test_save_chart_writes_png_and_its_csv_side_by_side(cov: Coverage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = plots.plot_claim_matrix(cov)
    saved = plots.save_chart(result, tmp_path / "charts", "claims by outlet!")
    assert saved.png == tmp_path / "charts" / "claims-by-outlet.png"
    assert saved.csv.with_suffix(".png") == saved.png
    assert saved.png.read_bytes()[:4] == b"\x89PNG"
    back = pd.read_csv(saved.csv)
    assert list(back["claim_id"]) == list(result.table["claim_id"])


def test_save_chart_refuses_an_unusable_name(cov: Coverage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        plots.save_chart(plots.plot_sentiment(cov), tmp_path, "../")


def test_draws_into_a_given_axes(cov: Coverage) -> None:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(12, 6))
    left, right = fig.subplots(1, 2)
    result = plots.plot_originality(cov, ax=right)
    assert result.figure is fig
    assert result.title in right.get_title(loc="left")
    upset = plots.plot_claim_intersections(cov, ax=left)
    assert upset.figure is fig
    assert left not in fig.axes  # its area was split into the three panels


def test_no_pyplot_state_is_created(cov: Coverage) -> None:
    from matplotlib import _pylab_helpers

    before = _pylab_helpers.Gcf.get_num_fig_managers()
    for function in (plots.plot_claim_matrix, plots.plot_outlet_overlap, plots.plot_sentiment):
        function(cov).to_png()
    assert _pylab_helpers.Gcf.get_num_fig_managers() == before


def test_hostile_labels_are_plain_text(cov: Coverage) -> None:
    hostile = _coverage()
    hostile.claims.loc[0, "label"] = "<script>alert(1)</script> $x$ \x00\x07 and \\frac{1}{2}"
    result = plots.plot_claim_matrix(hostile)
    labels = [t.get_text() for t in result.figure.axes[0].get_yticklabels()]
    assert labels[0].startswith("<script>alert(1)</script> \\$x\\$")
    assert "\x00" not in labels[0]
    result.to_png()


def test_importing_plots_and_widgets_stays_light() -> None:
    code = ("import sys, newslib.plots, newslib.widgets; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sentiment_leaves_headlines_out_and_terms_split_quotes_and_headlines() -> None:
    sentiment = pd.DataFrame(
        {
            "sent_id": ["a-title", "a-s0000", "a-s0001"],
            "outlet": ["Daily Star"] * 3,
            "location": ["headline", "body", "body"],
            "compound": [-0.9, 0.4, 0.2],
        }
    )
    loaded = pd.DataFrame(
        {
            "outlet": ["Daily Star", "Daily Star", "Newsweek"],
            "location": ["headline", "body", "body"],
            "term": ["desperate", "desperate", "desperate"],
            "in_quote": [False, True, True],
            "count": [1, 2, 1],
        }
    )
    cov = _coverage(sentiment=sentiment, loaded_terms=loaded)
    table = plots.plot_sentiment(cov).table.set_index("outlet")
    assert table.loc["Daily Star", "n_sentences"] == 2
    assert table.loc["Daily Star", "mean_compound"] == pytest.approx(0.3)
    terms = plots.plot_loaded_terms(cov).table.set_index("term")
    assert terms.loc["desperate", "total"] == 4
    assert terms.loc["desperate", "in_quotes"] == 3
    assert terms.loc["desperate", "in_headlines"] == 1


def test_matrix_draws_at_most_max_outlets_columns_and_keeps_all_in_table() -> None:
    outlets = [f"Outlet {i:02d}" for i in range(30)]
    claims = pd.DataFrame(
        [(f"c{i}", f"{SENTENCES[i % len(SENTENCES)]} (report {i})", 30 - i, "", "narrative") for i in range(4)],
        columns=["claim_id", "label", "n_outlets", "outlets", "kind"],
    )
    # claim i is carried by outlets i..29: outlets 0-2 carry fewer claims than the rest
    links = pd.DataFrame(
        [(f"c{i}", f"s{i}-{j}", f"a{j}", outlets[j], 1.0) for i in range(4) for j in range(i, 30)],
        columns=["claim_id", "sent_id", "article_id", "outlet", "score"],
    )
    articles = pd.DataFrame({"article_id": [f"a{j}" for j in range(30)], "outlet": outlets})
    cov = Coverage(settings=Settings(), texts={}, tables={"claims": claims, "claim_links": links, "articles": articles})
    result = plots.plot_claim_matrix(cov, max_outlets=24)
    names = [t.get_text() for t in result.figure.axes[0].get_xticklabels()]
    # the 24 carrying most of the drawn claims (outlets 3-29 carry all four; ties by name), in order
    assert names == outlets[3:27]
    assert set(outlets) <= set(result.table.columns)
    text = " ".join(_texts(result.figure).split())
    assert "Showing the 24 outlets carrying most of these claims; 6 more are in the table." in text


def test_count_heatmaps_draw_the_busiest_outlets_and_keep_all_in_table() -> None:
    outlets = [f"Outlet {i:02d}" for i in range(20)]
    # outlet i quotes Hertling i + 1 times and uses "desperate" i + 1 times: the last 12 are the busiest
    quotes = pd.DataFrame([(f"q{i}-{k}", f"a{i}", outlets[i], "Mark Hertling") for i in range(20) for k in range(i + 1)],
                          columns=["quote_id", "article_id", "outlet", "speaker"])
    loaded = pd.DataFrame([(f"a{i}", outlets[i], "desperate", "body", i + 1) for i in range(20)],
                          columns=["article_id", "outlet", "term", "location", "count"])
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(20)], "outlet": outlets})
    cov = Coverage(settings=Settings(), texts={}, tables={"quotes": quotes, "loaded_terms": loaded, "articles": articles})
    for chart, what in ((plots.plot_quotes_by_speaker, "quotes"), (plots.plot_loaded_terms, "uses")):
        result = chart(cov)
        drawn = [t.get_text() for t in result.figure.axes[0].get_xticklabels()]
        assert drawn == outlets[8:], chart.__name__
        assert set(outlets) <= set(result.table.columns)
        note = " ".join(_texts(result.figure).split())
        assert f"Showing the 12 outlets with the most {what}; 8 more are in the table." in note
