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
# # 02 · Claims by outlet
#
# **Question: which claims does every outlet report, which does only one outlet report,
# and what does each outlet leave out?**
#
# A *claim* is a statement that several articles make in the same or different words.
# The similarity threshold decides how close two sentences must be to count as the
# same claim; move the slider below to see how the matrix changes.

# %% tags=["parameters"]
corpus = "../data/seeds"  # folder (or file) of articles; relative paths start in notebooks/
outlets = None  # e.g. ["Newsweek", "HuffPost"]; None keeps every outlet
claim_threshold = None  # similarity threshold; None uses newslib.Settings().claim_threshold
shared_core_min_outlets = None  # outlets a claim needs to be "core"; None uses the default
min_share = 0.5  # an omission: at least this share of the other outlets carry the claim
max_claims = 30  # claims drawn in the matrix chart (all are in its table)

# %%
from newslib import plots, widgets

cov = widgets.open_coverage(corpus, outlets=outlets, claim_threshold=claim_threshold,
                            shared_core_min_outlets=shared_core_min_outlets)
cov

# %% [markdown]
# ## Which outlet carries which claim?

# %%
plots.plot_claim_matrix(cov, max_claims=max_claims)

# %% [markdown]
# ## How does the matrix change with the similarity threshold?
# The slider re-aligns the claims when released; the counter shows how many claims result.

# %%
widgets.threshold_slider(cov)

# %% [markdown]
# ## What is the shared core that most outlets report?

# %%
widgets.table_html(cov.shared_core(), columns=["claim_id", "label", "n_outlets", "outlets", "kind"],
                   caption="Shared core", count_noun="claim",
                   empty="No claim reaches the shared-core threshold.")

# %% [markdown]
# ## What did only one outlet report?

# %%
widgets.unique_claims_html(cov)

# %% [markdown]
# ## What did each outlet leave out that most others reported?

# %%
widgets.omissions_html(cov, min_share=min_share)

# %% [markdown]
# ## Which sets of outlets share claims?

# %%
plots.plot_claim_intersections(cov)

# %% [markdown]
# ## How much does each pair of outlets overlap?

# %%
plots.plot_outlet_overlap(cov)

# %% [markdown]
# ## Where is a given fact reported?
# Type words and press Enter; every outlet's sentence for each matching claim is listed.

# %%
widgets.claim_search(cov)
