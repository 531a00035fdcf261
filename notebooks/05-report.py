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
# # How the outlets covered the story
#
# **Question: what does every outlet report, where do they differ, and how did each one
# shape the story?** This report compares articles about one story, outlet by outlet:
# the claims they share, what only one of them says, where they contradict each other,
# how quotes were reworded, how much text was copied, and which words set the tone.
#
# Every chart title gives the number of items it counts (N); the table behind each chart
# can be downloaded under it and is saved beside the report as CSV.

# %% tags=["parameters"]
corpus = "../data/seeds"  # folder (or file) of articles; relative paths start in notebooks/
outlets = None  # e.g. ["Newsweek", "HuffPost"]; None keeps every outlet
claim_threshold = None  # similarity threshold; None uses newslib.Settings().claim_threshold
claim_method = None  # "tfidf" (default) or "embedding"
shared_core_min_outlets = None  # outlets a claim needs to be in the shared core
quote_min_words = None  # shorter quotes are scare quotes unless attributed
reuse_min_words = None  # shortest verbatim passage counted as reuse
lexicon_path = None  # optional CSV of extra loaded terms (term, category, note)
min_share = 0.5  # an omission: at least this share of the other outlets carry the claim
max_claims = 30  # claims drawn in the matrix chart (all are in its table)

# %%
from newslib import plots, widgets

cov = widgets.open_coverage(
    corpus, outlets=outlets, claim_threshold=claim_threshold, claim_method=claim_method,
    shared_core_min_outlets=shared_core_min_outlets, quote_min_words=quote_min_words,
    reuse_min_words=reuse_min_words, lexicon_path=lexicon_path,
    progress=False,  # a progress bar would be frozen into the exported page
)

# %% [markdown]
# ## Key findings
# Written from the tables below: every number and name in these sentences comes from the data.

# %%
widgets.key_findings_html(cov, min_share=min_share)

# %% [markdown]
# ## Key numbers

# %%
widgets.table_html(widgets.key_numbers(cov, min_share=min_share))

# %% [markdown]
# ## The outlets at a glance
# Claims each outlet carries, how many only it carries, how many claims that most other
# outlets report it leaves out, its quotes, its originality (share of its words found in
# no other article), its use of loaded terms and its average sentence tone (−1 to +1).

# %%
widgets.table_html(widgets.outlet_summary(cov, min_share=min_share), caption="Outlets",
                   percent=["originality"])

# %% [markdown]
# ## What (almost) every outlet reports: the shared core

# %%
widgets.table_html(cov.shared_core(), columns=["label", "n_outlets", "outlets", "kind"],
                   caption="Shared core", count_noun="claim",
                   empty="No claim is carried by enough outlets.")

# %% [markdown]
# ## Which outlet carries which claim
# Each row is a claim, each column an outlet; a dark cell means the outlet reports it.

# %%
plots.plot_claim_matrix(cov, max_claims=max_claims)

# %% [markdown]
# The same claims grouped by the exact set of outlets that carry them:

# %%
plots.plot_claim_intersections(cov)

# %% [markdown]
# ## Where the outlets contradict each other
# Dates, numbers, a person's title or a quote's wording that differ between outlets.
# Each row is one dispute: the outlets on each side, with the sentence each one printed.

# %%
widgets.conflicts_html(cov)

# %% [markdown]
# ## How quotes changed from outlet to outlet
# Each quote is compared with its fullest version (the reference). Words of the reference
# that an outlet's version lacks are struck through; words the version adds or substitutes
# are highlighted. Substituted wording comes first.

# %%
widgets.quote_changes_html(cov)

# %% [markdown]
# ## What only one outlet reported

# %%
widgets.unique_claims_html(cov)

# %% [markdown]
# ## What each outlet left out
# Claims that most of the other outlets report but this one does not.

# %%
widgets.omissions_html(cov, min_share=min_share)

# %% [markdown]
# ## Who is quoted, by whom

# %%
plots.plot_quotes_by_speaker(cov)

# %% [markdown]
# ## How much each outlet overlaps with the others

# %%
plots.plot_outlet_overlap(cov)

# %% [markdown]
# ## Originality and copied text
# The share of each outlet's words that appear verbatim in no other article, and where
# the text they share comes from (passages traced to the source they quote).

# %%
plots.plot_originality(cov)

# %%
widgets.shared_text_sources_html(cov)

# %% [markdown]
# Who may have copied whom: per pair of articles, the shared words traced to a quoted
# speaker or a cited source, the untraced ones (copied one way, or from a source neither
# names) and which was published first.

# %%
widgets.copying_html(cov, max_rows=20)

# %% [markdown]
# ## Framing: loaded words, tone and headlines

# %%
plots.plot_loaded_terms(cov)

# %%
plots.plot_sentiment(cov)

# %%
widgets.table_html(cov.headlines, caption="Headlines", empty="No headlines.",
                   columns=["outlet", "title", "lead_actor", "loaded_terms", "source", "compound"],
                   headers={"source": "attributed to"})

# %% [markdown]
# ## About the data
# Lines removed from the articles as page clutter (navigation, captions, promotions,
# author bios) and any file that could not be read.

# %%
widgets.table_html(widgets.removal_reasons(cov), caption="Removed lines by reason")

# %%
widgets.table_html(cov.problems, caption="Problems", empty="No problems: every file loaded.")
