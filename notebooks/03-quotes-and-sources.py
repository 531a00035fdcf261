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
# # 03 · Quotes and sources
#
# **Question: who is quoted by which outlet, which sources does each outlet cite, and how
# did the wording of the same quote change from one outlet to the next?**

# %% tags=["parameters"]
corpus = "../data/seeds"  # folder (or file) of articles; relative paths start in notebooks/
outlets = None  # e.g. ["Newsweek", "HuffPost"]; None keeps every outlet
quote_min_words = None  # shorter quotes are scare quotes unless attributed; None = default

# %%
from newslib import plots, widgets

cov = widgets.open_coverage(corpus, outlets=outlets, quote_min_words=quote_min_words)
cov

# %% [markdown]
# ## Who is quoted, and by which outlet?

# %%
plots.plot_quotes_by_speaker(cov)

# %% [markdown]
# ## Who are the speakers, and how does each outlet describe them?

# %%
widgets.table_html(cov.speakers, caption="Speakers", empty="No attributed quotes.")

# %% [markdown]
# ## Which sources does each outlet cite?

# %%
widgets.table_html(widgets.sources_by_outlet(cov), caption="Sources cited per outlet",
                   empty="No sources found.")

# %% [markdown]
# ## Which quotes were reworded between outlets? (substitutions first)

# %%
widgets.quote_changes_html(cov)

# %% [markdown]
# ## How does each outlet render one speaker's words?
# Pick a speaker: each statement shows every outlet's wording, changed words highlighted.

# %%
widgets.speaker_picker(cov)

# %% [markdown]
# ## Every quote, with its speaker and how it was attributed

# %%
widgets.table_html(cov.quotes, columns=["quote_id", "outlet", "speaker", "cue", "kind", "text",
                                        "reason_if_unattributed"],
                   caption="Quotes", max_rows=100, empty="No quotes found.")
