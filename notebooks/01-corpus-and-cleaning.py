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
# # 01 · Corpus and cleaning
#
# **Question: what did we load, what did cleaning take out and why, and did any file
# cause a problem?**
#
# Every later notebook works on the cleaned text shown here, so this is where to check
# that nothing that belongs to the story was dropped and no page clutter was kept.
# The parameters below can be set by papermill (`-p corpus path/to/folder`).

# %% tags=["parameters"]
corpus = "../data/seeds"  # folder (or file) of articles; relative paths start in notebooks/
outlets = None  # e.g. ["Newsweek", "HuffPost"]; None keeps every outlet

# %%
from newslib import widgets

cov = widgets.open_coverage(corpus, outlets=outlets, stages=())
cov

# %% [markdown]
# ## Which articles were loaded, from which outlets?
# One row per article, with the metadata found in the file or the manifest.

# %%
widgets.table_html(
    cov.articles,
    columns=["article_id", "outlet", "title", "published", "byline", "url", "n_sentences", "n_words"],
    caption="Articles",
)

# %% [markdown]
# ## Did any file fail to load?
# Empty, binary, unreadable or oversized files are listed here instead of stopping the run.

# %%
widgets.table_html(cov.problems, caption="Problems", empty="No problems: every file loaded.")

# %% [markdown]
# ## What did cleaning remove, and why?

# %%
widgets.table_html(widgets.removal_reasons(cov), caption="Removed lines by reason")

# %% [markdown]
# Every removed line, in its article and line order:

# %%
widgets.table_html(cov.removed, caption="Removed lines", max_rows=200)

# %% [markdown]
# ## Which lines repeat earlier lines of the same article?
# Repeats are flagged, not deleted: the sentence stays in the text.

# %%
widgets.table_html(cov.line_repeats, caption="Repeated lines", empty="No repeated lines.")

# %% [markdown]
# ## How was each article split into sentences?
# The first sentences of the corpus, with their offsets into the cleaned text.

# %%
widgets.table_html(cov.sentences, columns=["sent_id", "outlet", "paragraph", "position", "text"],
                   caption="Sentences", max_rows=25)

# %% [markdown]
# ## What does one article look like after cleaning?
# Pick an article: removed lines are struck through with their reason, in their original place.

# %%
widgets.article_viewer(cov)
