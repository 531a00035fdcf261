# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 · Conflicts and framing
#
# **Question: where do outlets contradict each other, which words and tone does each
# outlet choose, and how much of each article is its own writing?**

# %% tags=["parameters"]
corpus = "../data/seeds"  # folder (or file) of articles; relative paths start in notebooks/
outlets = None  # e.g. ["Newsweek", "HuffPost"]; None keeps every outlet
claim_threshold = None  # similarity threshold; None uses newslib.Settings().claim_threshold
reuse_min_words = None  # shortest verbatim passage counted as reuse; None = default
lexicon_path = None  # optional CSV of extra loaded terms (term, category, note)

# %%
from newslib import plots, widgets

cov = widgets.open_coverage(corpus, outlets=outlets, claim_threshold=claim_threshold,
                            reuse_min_words=reuse_min_words, lexicon_path=lexicon_path)
cov

# %% [markdown]
# ## Where do outlets contradict each other?
# Dates, numbers, titles and quote wording: one row per dispute, each side's outlets with
# the sentence they printed.

# %%
widgets.conflicts_html(cov)

# %% [markdown]
# Filter the conflicts by kind or by outlet:

# %%
widgets.conflict_browser(cov)

# %% [markdown]
# ## Which loaded or evaluative words does each outlet use?

# %%
plots.plot_loaded_terms(cov)

# %% [markdown]
# ## How negative or positive is each outlet's tone?

# %%
plots.plot_sentiment(cov)

# %% [markdown]
# ## What does each headline foreground?

# %%
widgets.table_html(cov.headlines, caption="Headlines", empty="No headlines.",
                   columns=["outlet", "title", "foregrounds", "lead_actor", "loaded_terms",
                            "source", "compound"])

# %% [markdown]
# ## How much of each article is its own writing?

# %%
plots.plot_originality(cov)

# %% [markdown]
# ## Which passages do articles share word for word?

# %%
widgets.table_html(cov.reuse_passages, caption="Shared passages", max_rows=50,
                   columns=["outlet_a", "outlet_b", "n_words", "upstream", "text"],
                   empty="No verbatim passages shared between articles.")

# %% [markdown]
# ## Where does the shared text come from?
# The shared passages summed up by the source they trace back to:

# %%
widgets.shared_text_sources_html(cov, caption="Sources of shared text")

# %% [markdown]
# ## Who may have copied whom?
# Per pair of articles: shared words traced to a quoted speaker or a cited source (both
# most likely took them from there) and untraced words (copied one way, or from a source
# neither names), with the earlier publication date.

# %%
widgets.copying_html(cov)

# %% [markdown]
# ## Whom does each outlet credit for its material? (outlet → cited source → speaker)

# %%
widgets.table_html(cov.attribution, caption="Attribution chain", empty="No attribution found.",
                   columns=["outlet", "source", "speaker", "n_quotes", "example_quote"])
