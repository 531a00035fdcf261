"""Charts of a :class:`~newslib.coverage.Coverage`, drawn with matplotlib.

Input: a ``Coverage`` (only its documented tables are read: ``articles``,
``claims``, ``claim_links``, ``quotes``, ``originality``, ``loaded_terms``,
``sentiment``). Output: a :class:`ChartResult` per chart, holding the
matplotlib ``Figure`` *and* the table the chart was drawn from.

Conventions shared by every chart:

* Every title states N (how many claims, quotes, articles ... and outlets).
* Every ``plot_*`` function returns ``ChartResult(figure, table, title)``;
  :func:`save_chart` writes ``<name>.png`` and ``<name>.csv`` side by side, so
  each figure in a report ships with the numbers behind it.
* Charts are built on ``matplotlib.figure.Figure`` objects with the Agg
  canvas, never through ``pyplot``: no global figure state leaks between
  charts, nothing needs a display, and figures are freed with their result.
* Single-panel charts accept ``ax=`` to draw into an existing Axes.
* A ``ChartResult`` displays itself as a PNG in Jupyter (``_repr_png_``), so
  a notebook cell that ends with ``plots.plot_x(cov)`` shows the chart and an
  exported report embeds it as an image.
* Empty inputs give a chart that says there is nothing to show (N=0), never
  an exception: a small or hostile corpus must still produce a report.
"""

from __future__ import annotations

import io
import os
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "ChartResult",
    "SavedChart",
    "claim_presence",
    "plot_claim_intersections",
    "plot_claim_matrix",
    "plot_loaded_terms",
    "plot_originality",
    "plot_outlet_overlap",
    "plot_quotes_by_speaker",
    "plot_sentiment",
    "save_chart",
]

# ---- layout constants ----------------------------------------------------------
#: Claim labels are wrapped at this many characters: at the 8 pt label font
#: this is about 4.2 inches, which leaves room for 5-10 outlet columns on an
#: 11-inch wide figure (checked by eye on the seed report).
LABEL_WRAP_CHARS = 70
#: Wrapped labels are cut to this many lines (the rest becomes "…"): two lines
#: keep a 40-claim matrix under 15 inches tall.
LABEL_MAX_LINES = 2
#: Default number of claims drawn in the matrix; the rest are listed in the
#: returned table (and a note under the chart says how many). 30 two-line rows
#: make a ~12-inch figure that fits a laptop screen at report width; the
#: seed report's 40-row version had to be scrolled and cost ~1/3 more to draw.
MAX_CLAIMS = 30
#: Outlet columns drawn in the claim matrix at most: past about two dozen the
#: slanted names overlap and the cells turn into stripes (60 outlets were
#: unreadable at the figure's 11-inch width). The table keeps every outlet.
MAX_MATRIX_OUTLETS = 24
#: Outlet columns drawn at most in the count heatmaps (quotes per speaker,
#: loaded terms) and the outlet × outlet overlap chart, whose cells hold
#: numbers: a dozen keeps the figure near the report's width (about 14
#: inches; 60 outlets made a 70-inch strip with unreadable numbers).
MAX_HEATMAP_OUTLETS = 12
#: Width of the claim matrix figure and height of one (two-line) claim row,
#: in inches: 0.34 in fits two lines of 8 pt text with a little air.
MATRIX_WIDTH = 11.0
MATRIX_ROW_INCHES = 0.34
#: Default number of intersections drawn in the UpSet-style chart.
MAX_INTERSECTIONS = 20
#: Default number of rows (speakers, terms) drawn in count heatmaps.
MAX_ROWS = 25
#: Resolution of saved/embedded PNGs. 100 dpi keeps 8 pt labels legible at
#: the report's width (checked on screenshots of the seed report) while the
#: 30-claim matrix PNG stays near 100 kB; every extra dpi costs render time,
#: which is dominated by anti-aliased text glyphs.
PNG_DPI = 100
#: Narrowest standalone figure: a title stating N is up to ~70 characters,
#: which needs about 8 inches at 12 pt bold.
MIN_WIDTH = 8.5
#: Colours: one blue ramp (colour-blind safe, prints in grey) for presence and
#: counts, and a light grey for "absent".
PRESENT = "#2c6e9b"
ABSENT = "#eef1f4"
UNATTRIBUTED = "(unattributed)"


@dataclass(frozen=True)
class ChartResult:
    """A chart and the table it was drawn from.

    Attributes:
        figure: the matplotlib ``Figure`` (Agg canvas, not registered with
            pyplot).
        table: the data behind the chart, ready to be saved as CSV.
        title: the chart title (states N).
    """

    figure: "Figure"
    table: "pd.DataFrame"
    title: str

    def to_png(self, *, dpi: int = PNG_DPI) -> bytes:
        """Render the figure as PNG bytes."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self.to_png()

    def __repr__(self) -> str:
        return f"ChartResult({self.title!r}, table={len(self.table)} rows)"


class SavedChart(NamedTuple):
    """Paths written by :func:`save_chart`."""

    png: Path
    csv: Path


def save_chart(
    result: ChartResult, directory: str | os.PathLike[str], name: str, *, dpi: int = PNG_DPI
) -> SavedChart:
    """Write a chart as ``<name>.png`` with its table as ``<name>.csv`` beside it.

    Args:
        result: what a ``plot_*`` function returned.
        directory: output folder (created when missing).
        name: file stem; only letters, digits, ``-`` and ``_`` are kept.
        dpi: PNG resolution.

    Returns:
        The two paths written.

    Raises:
        ValueError: when ``name`` has no usable character.
    """
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")
    if not stem:
        raise ValueError(f"unusable chart name: {name!r}")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    png = out / f"{stem}.png"
    csv = out / f"{stem}.csv"
    png.write_bytes(result.to_png(dpi=dpi))
    result.table.to_csv(csv, index=False)
    return SavedChart(png, csv)


# ---- shared helpers ------------------------------------------------------------
def _table(cov: Any, name: str) -> "pd.DataFrame":
    import pandas as pd

    value = getattr(cov, name, None)
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def _outlets(cov: Any, outlets: Iterable[str] | None, *fallbacks: "pd.DataFrame") -> list[str]:
    """Outlets to draw: the caller's choice, else every outlet in ``articles``."""
    if outlets is not None:
        return list(dict.fromkeys(outlets))
    articles = _table(cov, "articles")
    if "outlet" in articles.columns and len(articles):
        return sorted(articles["outlet"].astype(str).unique())
    found: set[str] = set()
    for frame in fallbacks:
        if "outlet" in frame.columns:
            found.update(frame["outlet"].dropna().astype(str))
    return sorted(found)


def _plain(text: Any) -> str:
    """Make article text safe for matplotlib: no mathtext, no control chars."""
    value = "" if text is None else str(text)
    value = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", value)
    value = re.sub(r"\s+", " ", value).strip()
    # A "$" would switch matplotlib into mathtext ("$6,000 ... $1" fails).
    return value.replace("$", r"\$")


def _wrap(text: Any, *, width: int = LABEL_WRAP_CHARS, max_lines: int = LABEL_MAX_LINES) -> str:
    """Wrap a label to ``width`` characters, keeping at most ``max_lines`` lines."""
    plain = _plain(text)
    lines = textwrap.wrap(plain, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = lines[: max_lines - 1] + [textwrap.shorten(rest, width=width, placeholder=" …")]
    return "\n".join(lines)


def _figure(width: float, height: float) -> "Figure":
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _axes(ax: "Axes | None", width: float, height: float, title: str) -> tuple["Figure", "Axes"]:
    """A new figure (at least :data:`MIN_WIDTH` wide) or the caller's Axes, titled.

    On a figure of its own the title is a left-aligned figure title, so a long
    title is never clipped by a narrow plot area; in the caller's Axes it is
    that Axes' title.
    """
    if ax is not None:
        ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
        return ax.figure, ax
    fig = _figure(max(width, MIN_WIDTH), height)
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    return fig, fig.add_subplot()


def _empty(ax: "Axes", message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555",
            transform=ax.transAxes)


def _note(fig: "Figure", text: str) -> None:
    # supxlabel (unlike fig.text) is given its own space by constrained layout.
    fig.supxlabel(text, x=0.01, ha="left", fontsize=8, color="#555555")


def _busiest(names: list[str], weight: "Mapping[str, float]", cap: int) -> list[str]:
    """``names`` cut to the ``cap`` with the largest ``weight`` (ties by name), in their order."""
    if len(names) <= cap:
        return list(names)
    keep = set(sorted(names, key=lambda n: (-float(weight.get(n, 0) or 0), n))[:cap])
    return [n for n in names if n in keep]


def _column_totals(counts: "pd.DataFrame", names: list[str]) -> dict[str, float]:
    """Sum of each outlet column of a count table (empty for an empty table)."""
    return counts[names].sum(axis=0).to_dict() if len(counts) else {}


def _outlets_note(shown: int, total: int, what: str) -> str:
    """The note for a chart that draws fewer outlets than its table holds."""
    return f" Showing the {shown} outlets with the most {what}; {total - shown} more are in the table."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _count_heatmap(ax: "Axes", counts: "pd.DataFrame") -> None:
    """Annotated count heatmap (rows × outlets), zero cells left blank."""
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    values = counts.to_numpy(dtype=float)
    cmap = LinearSegmentedColormap.from_list("newslib_counts", [ABSENT, PRESENT])
    top = max(float(values.max()) if values.size else 1.0, 1.0)
    ax.imshow(values, aspect="auto", cmap=cmap, vmin=0, vmax=top, interpolation="nearest")
    for (i, j), value in np.ndenumerate(values):
        if value:
            colour = "white" if value > top * 0.55 else "#1a1a1a"
            ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(counts.shape[1]), [_plain(c) for c in counts.columns], rotation=30,
                  ha="left", fontsize=9)
    ax.set_yticks(range(counts.shape[0]), [_wrap(r, width=40, max_lines=1) for r in counts.index],
                  fontsize=8)
    ax.xaxis.tick_top()
    _grid(ax, counts.shape)


def _grid(ax: "Axes", shape: tuple[int, int]) -> None:
    """White lines between the cells of an ``imshow`` heatmap.

    Drawn as two line collections (``hlines``/``vlines``), not as minor-tick
    gridlines: every minor tick is a full Tick artist with its own label, and
    on a 40 × 5 matrix those ~50 ticks were a third of the drawing time.
    """
    rows, cols = shape
    if rows and cols:
        ax.hlines([r - 0.5 for r in range(1, rows)], -0.5, cols - 0.5, colors="white",
                  linewidth=1.5)
        ax.vlines([c - 0.5 for c in range(1, cols)], -0.5, rows - 0.5, colors="white",
                  linewidth=1.5)
        ax.set_xlim(-0.5, cols - 0.5)
        ax.set_ylim(rows - 0.5, -0.5)
    ax.tick_params(which="major", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


# ---- claims ------------------------------------------------------------------------
def claim_presence(cov: Any, *, outlets: Iterable[str] | None = None) -> "pd.DataFrame":
    """Claim × outlet presence for the chosen outlets (built on :func:`newslib.claims.claim_matrix`).

    Args:
        cov: a Coverage (or any object with ``claims``/``claim_links`` tables).
        outlets: outlets to keep, in column order; default every outlet.

    Returns:
        One row per claim carried by at least one of ``outlets``: claim_id,
        label, kind, n_outlets (counted among ``outlets`` only), then one 0/1
        column per outlet. Ordered like :meth:`Coverage.matrix`: most outlets
        first, ties in the order of the ``claims`` table.
    """
    import pandas as pd

    from newslib.claims import claim_matrix

    claims = _table(cov, "claims")
    links = _table(cov, "claim_links")
    names = _outlets(cov, outlets, links)
    base = ["claim_id", "label", "kind", "n_outlets"]
    if not len(claims) or not len(links) or not names:
        return pd.DataFrame(columns=base + names)
    table = claim_matrix(claims, links, outlets=names).reset_index()
    table["n_outlets"] = table[names].sum(axis=1).astype(int)
    table = table[table["n_outlets"] > 0]
    table = table.sort_values("n_outlets", ascending=False, kind="stable")
    return table[base + names].reset_index(drop=True)


def plot_claim_matrix(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    max_claims: int = MAX_CLAIMS,
    max_outlets: int = MAX_MATRIX_OUTLETS,
    ax: "Axes | None" = None,
) -> ChartResult:
    """Heatmap of which outlet carries which claim, with wrapped claim labels.

    Args:
        cov: a Coverage with ``claims`` and ``claim_links``.
        outlets: outlets to show (columns, in this order); default all.
        max_claims: draw at most this many claims (those carried by most
            outlets); a note under the chart says how many were left out.
        max_outlets: draw at most this many outlet columns (those carrying
            most of the drawn claims, in their order); the note says how
            many were left out. The table always has every outlet.
        ax: draw into this Axes instead of a new figure.

    Returns:
        ChartResult whose table is :func:`claim_presence` plus a ``shown``
        column (False for claims beyond ``max_claims``).
    """
    table = claim_presence(cov, outlets=outlets)
    names = _outlets(cov, outlets, _table(cov, "claim_links"))
    table["shown"] = table.index < max_claims
    shown = table[table["shown"]]
    title = f"Claims by outlet (N={_plural(len(table), 'claim')}, {_plural(len(names), 'outlet')})"
    all_names = names
    names = _busiest(names, _column_totals(shown, names), max_outlets)
    own_figure = ax is None and len(shown) > 0 and len(names) > 0
    if own_figure:
        # Laid out by hand (see _fit_matrix): constrained layout measured every
        # tick label several times per draw and was ~60% of the drawing time.
        from matplotlib.figure import Figure

        fig = Figure(figsize=(MATRIX_WIDTH, 4.0))
        ax = fig.add_axes((0.3, 0.1, 0.6, 0.8))
        fig.suptitle(title, x=0.01, ha="left", va="top", fontsize=12, fontweight="bold")
    else:
        fig, ax = _axes(ax, MATRIX_WIDTH, 1.6 + MATRIX_ROW_INCHES * max(len(shown), 3), title)
    if not len(shown) or not names:
        _empty(ax, "No claims to show")
        return ChartResult(fig, table, title)

    from matplotlib.colors import ListedColormap

    # One image for all cells (imshow), never one patch per cell.
    values = shown[names].to_numpy(dtype=float)
    ax.imshow(values, aspect="auto", cmap=ListedColormap([ABSENT, PRESENT]), vmin=0, vmax=1,
              interpolation="nearest")
    labels = [_wrap(label or claim_id) for label, claim_id in zip(shown["label"], shown["claim_id"])]
    ax.set_yticks(range(len(shown)), labels, fontsize=8)
    for tick, kind in zip(ax.get_yticklabels(), shown["kind"]):
        if kind == "quote":
            tick.set_fontstyle("italic")
    steep = len(names) > 12  # many columns: upright names do not run into each other
    ax.set_xticks(range(len(names)), [_plain(n) for n in names], rotation=90 if steep else 30,
                  ha="center" if steep else "left", fontsize=8 if steep else 9)
    ax.xaxis.tick_top()
    _grid(ax, values.shape)
    hidden = len(table) - len(shown)
    note = "Dark cell: the outlet carries the claim. Italic label: a quoted claim."
    if hidden:
        note += f" Showing the {len(shown)} claims carried by most outlets; {hidden} more are in the table."
    if len(names) < len(all_names):
        note += (f" Showing the {len(names)} outlets carrying most of these claims; "
                 f"{len(all_names) - len(names)} more are in the table.")
    if own_figure:
        _fit_matrix(fig, ax, rows=len(shown), cols=len(names), note=note)
    else:
        _note(fig, note)
    return ChartResult(fig, table, title)


def _fit_matrix(fig: "Figure", ax: "Axes", *, rows: int, cols: int, note: str) -> None:
    """Size the matrix figure around its labels, measured once.

    The tick labels are measured with one Agg renderer (text layout only, no
    glyphs drawn); the figure is then made exactly tall enough for the title,
    the slanted outlet names, ``rows`` rows of :data:`MATRIX_ROW_INCHES` and
    the note, and the axes start right of the widest claim label.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    dpi = fig.dpi
    # The outlet names (few, short) fix the height; the claim labels are
    # measured once the figure has its final size, so the renderer that
    # measured them is the one savefig reuses, with their layout cached.
    x_boxes = [t.get_window_extent(canvas.get_renderer()) for t in ax.get_xticklabels()]
    names_h = max(b.height for b in x_boxes) / dpi
    import textwrap

    # the note wraps at the figure's width (about 17 characters an inch at 8 pt)
    note = "\n".join(textwrap.wrap(note, width=int(MATRIX_WIDTH * 17))) or note
    pad, title_h, note_h = 0.12, 0.45, 0.21 + 0.14 * note.count("\n") + 0.14
    width = MATRIX_WIDTH
    grid_h = rows * MATRIX_ROW_INCHES
    height = title_h + names_h + pad + grid_h + pad + note_h
    fig.set_size_inches(width, height)
    renderer = canvas.get_renderer()
    label_w = max(t.get_window_extent(renderer).width for t in ax.get_yticklabels()) / dpi
    left = pad + label_w + 0.08
    cell_w = (width - left - 0.25) / max(cols, 1)
    # The last outlet name leans right of its column (rotation 30°, left-aligned);
    # upright names (rotation 90°, centred) do not.
    upright = bool(x_boxes) and ax.get_xticklabels()[-1].get_rotation() == 90
    right = 0.25 if upright else max(0.25, x_boxes[-1].width / dpi - cell_w / 2 + 0.1)
    ax.set_position((left / width, (pad + note_h) / height, (width - left - right) / width,
                     grid_h / height))
    fig.suptitle(fig.get_suptitle(), x=0.01, y=1 - 0.08 / height, ha="left", va="top",
                 fontsize=12, fontweight="bold")
    fig.text(0.01, 0.1 / height, note, ha="left", va="bottom", fontsize=8, color="#555555")


def plot_claim_intersections(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    max_intersections: int = MAX_INTERSECTIONS,
    ax: "Axes | None" = None,
) -> ChartResult:
    """UpSet-style chart: how many claims each exact set of outlets shares.

    Bars on top count the claims carried by exactly the outlets marked by the
    dots below them; the bars on the left count each outlet's claims.

    Args:
        cov: a Coverage with ``claims`` and ``claim_links``.
        outlets: outlets to include; default all.
        max_intersections: draw at most this many outlet sets (largest first).
        ax: an Axes whose area is split into the three panels.

    Returns:
        ChartResult whose table has one row per outlet set: outlets
        (";"-joined), degree (number of outlets), n_claims, then one 0/1
        column per outlet.
    """
    import pandas as pd

    presence = claim_presence(cov, outlets=outlets)
    names = _outlets(cov, outlets, _table(cov, "claim_links"))
    if len(presence):
        keys = presence[names].apply(
            lambda row: ";".join(n for n in names if row[n]), axis=1
        )
        table = keys.value_counts().rename_axis("outlets").reset_index(name="n_claims")
    else:
        table = pd.DataFrame({"outlets": pd.Series(dtype=str), "n_claims": pd.Series(dtype=int)})
    members = [set(k.split(";")) if k else set() for k in table["outlets"]]
    table.insert(1, "degree", [len(m) for m in members])
    for name in names:
        table[name] = [int(name in m) for m in members]
    table = table.sort_values(["n_claims", "degree", "outlets"], ascending=[False, False, True])
    table = table.reset_index(drop=True)
    title = (
        f"Claims shared by each set of outlets (N={_plural(len(presence), 'claim')}, "
        f"{_plural(len(names), 'outlet')})"
    )
    shown = table.head(max_intersections)

    if ax is not None:
        fig = ax.figure
        spec = ax.get_subplotspec()
        ax.remove()
        grid = spec.subgridspec(2, 2, width_ratios=[1, 3.2], height_ratios=[2.2, 1.3])
    else:
        fig = _figure(11.0, 2.4 + 0.32 * max(len(names), 3) + 2.2)
        grid = fig.add_gridspec(2, 2, width_ratios=[1, 3.2], height_ratios=[2.2, 1.3])
    bars = fig.add_subplot(grid[0, 1])
    dots = fig.add_subplot(grid[1, 1], sharex=bars)
    sizes = fig.add_subplot(grid[1, 0], sharey=dots)
    corner = fig.add_subplot(grid[0, 0])
    corner.set_axis_off()
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    if not len(shown) or not names:
        for axis in (bars, dots, sizes):
            axis.set_axis_off()
        _empty(corner, "No claims to show")
        return ChartResult(fig, table, title)

    x = list(range(len(shown)))
    bars.bar(x, shown["n_claims"], color=PRESENT, width=0.6)
    for xi, n in zip(x, shown["n_claims"]):
        bars.text(xi, n, f"{n}", ha="center", va="bottom", fontsize=8)
    bars.set_ylabel("claims in exactly\nthis set", fontsize=9)
    bars.tick_params(axis="x", bottom=False, labelbottom=False)
    for side in ("top", "right"):
        bars.spines[side].set_visible(False)

    y_of = {name: i for i, name in enumerate(names)}
    for xi, key in zip(x, shown["outlets"]):
        members_here = set(key.split(";")) if key else set()
        present = [y_of[n] for n in names if n in members_here]
        dots.scatter([xi] * len(names), range(len(names)), s=40, color=ABSENT, edgecolor="#c9ced4",
                     zorder=2)
        if present:
            dots.plot([xi, xi], [min(present), max(present)], color=PRESENT, linewidth=2, zorder=3)
            dots.scatter([xi] * len(present), present, s=48, color=PRESENT, zorder=4)
    dots.set_yticks(range(len(names)), [_plain(n) for n in names], fontsize=9)
    dots.set_ylim(len(names) - 0.5, -0.5)
    dots.set_xlim(-0.6, len(shown) - 0.4)
    dots.tick_params(axis="x", bottom=False, labelbottom=False)
    dots.tick_params(axis="y", length=0)
    for spine in dots.spines.values():
        spine.set_visible(False)

    per_outlet = presence[names].sum()
    sizes.barh(range(len(names)), per_outlet.to_numpy(), color="#7a9cb8", height=0.5)
    sizes.invert_xaxis()
    sizes.set_xlabel("claims per outlet", fontsize=9)
    sizes.tick_params(axis="y", left=False, labelleft=False)
    for side in ("top", "left"):
        sizes.spines[side].set_visible(False)
    if len(table) > len(shown):
        _note(fig, f"Showing the {len(shown)} largest of {len(table)} outlet sets; all are in the table.")
    return ChartResult(fig, table, title)


def plot_outlet_overlap(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    ax: "Axes | None" = None,
) -> ChartResult:
    """Outlet × outlet matrix of shared claims, coloured by Jaccard index.

    Each cell shows the number of claims both outlets carry and, below it,
    the Jaccard index (shared / claims of either), from
    :func:`newslib.claims.outlet_overlap`. The diagonal shows each outlet's
    own number of claims.

    Returns:
        ChartResult whose table is the long overlap table: outlet_a,
        outlet_b, claims_a, claims_b, shared, union, jaccard.
    """
    import numpy as np
    import pandas as pd
    from matplotlib.colors import LinearSegmentedColormap

    from newslib.claims import OVERLAP_COLUMNS, outlet_overlap

    claims = _table(cov, "claims")
    links = _table(cov, "claim_links")
    names = _outlets(cov, outlets, links)
    if len(claims) and len(links) and names:
        table = outlet_overlap(claims, links, outlets=names)
    else:
        table = pd.DataFrame(columns=OVERLAP_COLUMNS)
    n_claims = len(claim_presence(cov, outlets=names))
    title = (
        f"Claims shared by each pair of outlets (N={_plural(n_claims, 'claim')}, "
        f"{_plural(len(names), 'outlet')})"
    )
    all_names = names
    if len(table):
        own = table[table["outlet_a"] == table["outlet_b"]].set_index("outlet_a")["shared"]
        names = _busiest(names, own.to_dict(), MAX_HEATMAP_OUTLETS)
    side = 2.5 + 0.9 * max(len(names), 2)
    fig, ax = _axes(ax, side + 1.5, side, title)
    if not len(table) or not n_claims:
        _empty(ax, "No claims to show")
        return ChartResult(fig, table, title)
    shared = table.pivot(index="outlet_a", columns="outlet_b", values="shared").loc[names, names]
    jaccard = table.pivot(index="outlet_a", columns="outlet_b", values="jaccard").loc[names, names]
    shared_v = shared.to_numpy(dtype=int)
    jaccard_v = jaccard.to_numpy(dtype=float)
    off_diagonal = np.where(np.eye(len(names), dtype=bool), np.nan, jaccard_v)
    cmap = LinearSegmentedColormap.from_list("newslib_overlap", [ABSENT, PRESENT]).with_extremes(
        bad="#d9dde2"
    )
    image = ax.imshow(np.ma.masked_invalid(off_diagonal), cmap=cmap, vmin=0, vmax=1,
                      interpolation="nearest")
    for i in range(len(names)):
        for j in range(len(names)):
            text = (f"{shared_v[i, j]}" if i == j
                    else f"{shared_v[i, j]}\n({jaccard_v[i, j]:.2f})")
            colour = "white" if i != j and jaccard_v[i, j] > 0.55 else "#1a1a1a"
            ax.text(j, i, text, ha="center", va="center", fontsize=8, color=colour)
    labels = [_plain(n) for n in names]
    ax.set_xticks(range(len(names)), labels, rotation=30, ha="left", fontsize=9)
    ax.set_yticks(range(len(names)), labels, fontsize=9)
    ax.xaxis.tick_top()
    _grid(ax, (len(names), len(names)))
    fig.colorbar(image, ax=ax, shrink=0.6, label="Jaccard index (shared / either)")
    note = "Cells: shared claims (Jaccard). Diagonal: the outlet's own number of claims."
    if len(names) < len(all_names):
        note += _outlets_note(len(names), len(all_names), "claims")
    _note(fig, note)
    return ChartResult(fig, table, title)


# ---- quotes --------------------------------------------------------------------------
def plot_quotes_by_speaker(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    max_speakers: int = MAX_ROWS,
    ax: "Axes | None" = None,
) -> ChartResult:
    """Heatmap of how many quotes each outlet attributes to each speaker.

    Quotes without a speaker are counted on an ``(unattributed)`` row, so the
    total matches the ``quotes`` table.

    Returns:
        ChartResult whose table has one row per speaker: speaker, one count
        column per outlet, total (most quoted first).
    """
    import pandas as pd

    quotes = _table(cov, "quotes")
    names = _outlets(cov, outlets, quotes)
    if len(quotes) and {"speaker", "outlet"} <= set(quotes.columns):
        quotes = quotes[quotes["outlet"].isin(names)]
        speaker = quotes["speaker"].fillna("").astype(str).str.strip().replace("", UNATTRIBUTED)
        counts = pd.crosstab(speaker, quotes["outlet"]).reindex(columns=names, fill_value=0)
    else:
        counts = pd.DataFrame(columns=names, dtype=int)
    counts.index.name = "speaker"
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values("total", ascending=False, kind="stable")
    table = counts.reset_index()
    n_speakers = int((counts.index != UNATTRIBUTED).sum())
    title = (
        f"Quotes per speaker and outlet (N={_plural(int(counts['total'].sum()), 'quote')}, "
        f"{_plural(n_speakers, 'speaker')}, {_plural(len(names), 'outlet')})"
    )
    shown = counts.head(max_speakers)
    drawn = _busiest(names, _column_totals(counts, names), MAX_HEATMAP_OUTLETS)
    fig, ax = _axes(ax, 3.5 + 1.1 * max(len(drawn), 3), 1.6 + 0.32 * max(len(shown), 3), title)
    if not len(shown) or not names:
        _empty(ax, "No quotes to show")
        return ChartResult(fig, table, title)
    _count_heatmap(ax, shown[drawn])
    note = ""
    if len(counts) > len(shown):
        note = f"Showing the {len(shown)} most quoted of {len(counts)} speakers."
    if len(drawn) < len(names):
        note = (note + _outlets_note(len(drawn), len(names), "quotes")).strip()
    if note:
        _note(fig, note)
    return ChartResult(fig, table, title)


# ---- reuse -----------------------------------------------------------------------------
def plot_originality(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    ax: "Axes | None" = None,
) -> ChartResult:
    """Bar chart of each outlet's originality (share of words found in no other article).

    When an outlet has several articles its originality is word-weighted
    (1 - shared words / words, from ``n_words`` and ``n_words_shared``), else
    the mean of the articles' ``originality``.

    Returns:
        ChartResult whose table has: outlet, n_articles, originality (0-1).
    """
    import pandas as pd

    data = _table(cov, "originality")
    names = _outlets(cov, outlets, data)
    rows = []
    if len(data) and {"outlet", "originality"} <= set(data.columns):
        data = data[data["outlet"].isin(names)]
        weighted = {"n_words", "n_words_shared"} <= set(data.columns)
        for outlet, group in data.groupby("outlet", sort=False):
            if weighted and group["n_words"].sum() > 0:
                value = 1.0 - group["n_words_shared"].sum() / group["n_words"].sum()
            else:
                value = group["originality"].astype(float).mean()
            rows.append({"outlet": outlet, "n_articles": len(group), "originality": round(value, 4)})
    table = pd.DataFrame(rows, columns=["outlet", "n_articles", "originality"])
    table = table.sort_values("originality", ascending=False).reset_index(drop=True)
    title = (
        f"Originality per outlet (N={_plural(int(table['n_articles'].sum()), 'article')}, "
        f"{_plural(len(table), 'outlet')})"
    )
    fig, ax = _axes(ax, 8.0, 1.6 + 0.45 * max(len(table), 3), title)
    if not len(table):
        _empty(ax, "No originality figures to show")
        return ChartResult(fig, table, title)
    y = range(len(table))
    ax.barh(y, table["originality"] * 100, color=PRESENT, height=0.55)
    for yi, value in zip(y, table["originality"]):
        ax.text(value * 100 + 1, yi, f"{value:.0%}", va="center", fontsize=9)
    ax.set_yticks(list(y), [_plain(o) for o in table["outlet"]], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(0, 110)
    ax.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("share of the outlet's words found verbatim in no other article", fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ChartResult(fig, table, title)


# ---- framing ---------------------------------------------------------------------------
def plot_loaded_terms(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    max_terms: int = MAX_ROWS,
    ax: "Axes | None" = None,
) -> ChartResult:
    """Heatmap of loaded or evaluative terms (rows) used by each outlet (columns).

    Returns:
        ChartResult whose table has one row per term: term, one count column
        per outlet, total (most used first) and, when the framing table says
        where each use is, in_quotes (uses inside quotes) and in_headlines.
    """
    import pandas as pd

    data = _table(cov, "loaded_terms")
    names = _outlets(cov, outlets, data)
    if len(data) and {"term", "outlet"} <= set(data.columns):
        data = data[data["outlet"].isin(names)]
        weight = data["count"] if "count" in data.columns else pd.Series(1, index=data.index)
        frame = pd.DataFrame({"term": data["term"].astype(str), "outlet": data["outlet"], "n": weight})
        counts = (
            frame.pivot_table(index="term", columns="outlet", values="n", aggfunc="sum", fill_value=0)
            .reindex(columns=names, fill_value=0)
        )
    else:
        data, weight = pd.DataFrame(), pd.Series(dtype=int)
        counts = pd.DataFrame(columns=names, dtype=int)
    counts.index.name = "term"
    counts.columns.name = None
    counts["total"] = counts.sum(axis=1)
    # Where the uses are: in a quote (someone else's word) or a headline.
    for column, flag in (("in_quotes", "in_quote"), ("in_headlines", "location")):
        if flag in data.columns and len(data):
            hit = data[flag].astype(bool) if flag == "in_quote" else data[flag] == "headline"
            counts[column] = (weight[hit].groupby(data.loc[hit, "term"].astype(str)).sum()
                              .reindex(counts.index, fill_value=0))
    counts = counts.sort_values("total", ascending=False, kind="stable")
    table = counts.reset_index()
    title = (
        f"Loaded terms per outlet (N={_plural(int(counts['total'].sum()), 'use')} of "
        f"{_plural(len(counts), 'term')}, {_plural(len(names), 'outlet')})"
    )
    shown = counts.head(max_terms)
    drawn = _busiest(names, _column_totals(counts, names), MAX_HEATMAP_OUTLETS)
    fig, ax = _axes(ax, 3.5 + 1.1 * max(len(drawn), 3), 1.6 + 0.32 * max(len(shown), 3), title)
    if not len(shown) or not names:
        _empty(ax, "No loaded terms found")
        return ChartResult(fig, table, title)
    _count_heatmap(ax, shown[drawn])
    note = "Counts in headlines and body text, quotes included (see the table for the split)."
    if len(counts) > len(shown):
        note += f" Showing the {len(shown)} most used of {len(counts)} terms."
    if len(drawn) < len(names):
        note += _outlets_note(len(drawn), len(names), "uses")
    _note(fig, note)
    return ChartResult(fig, table, title)


def plot_sentiment(
    cov: Any,
    *,
    outlets: Iterable[str] | None = None,
    ax: "Axes | None" = None,
) -> ChartResult:
    """Sentence sentiment (VADER compound, -1 to 1) per outlet: every sentence and the mean.

    Body sentences only: rows whose ``location`` is ``headline`` are left out
    (one headline per article would weigh as much as a sentence).

    Returns:
        ChartResult whose table has: outlet, n_sentences, mean_compound,
        share_negative (compound <= -0.05), share_positive (>= 0.05), the
        cut-offs VADER's authors recommend.
    """
    import numpy as np
    import pandas as pd

    data = _table(cov, "sentiment")
    names = _outlets(cov, outlets, data)
    rows = []
    values: dict[str, Any] = {}
    if len(data) and {"outlet", "compound"} <= set(data.columns):
        data = data[data["outlet"].isin(names)]
        if "location" in data.columns:  # headlines are compared in the headlines table
            data = data[data["location"] != "headline"]
        for outlet in names:
            scores = data.loc[data["outlet"] == outlet, "compound"].astype(float).to_numpy()
            if not len(scores):
                continue
            values[outlet] = scores
            rows.append(
                {
                    "outlet": outlet,
                    "n_sentences": len(scores),
                    "mean_compound": round(float(scores.mean()), 3),
                    "share_negative": round(float((scores <= -0.05).mean()), 3),
                    "share_positive": round(float((scores >= 0.05).mean()), 3),
                }
            )
    table = pd.DataFrame(rows, columns=["outlet", "n_sentences", "mean_compound",
                                        "share_negative", "share_positive"])
    title = (
        f"Sentence sentiment per outlet (N={_plural(int(table['n_sentences'].sum()), 'sentence')}, "
        f"{_plural(len(table), 'outlet')})"
    )
    fig, ax = _axes(ax, 8.0, 1.6 + 0.5 * max(len(table), 3), title)
    if not len(table):
        _empty(ax, "No sentiment scores to show")
        return ChartResult(fig, table, title)
    rng = np.random.default_rng(0)  # fixed jitter: the same corpus gives the same PNG
    for i, outlet in enumerate(table["outlet"]):
        scores = values[outlet]
        ax.scatter(scores, i + rng.uniform(-0.18, 0.18, len(scores)), s=14, alpha=0.55,
                   color="#7a9cb8", linewidth=0)
        ax.plot([scores.mean()] * 2, [i - 0.3, i + 0.3], color="#b2182b", linewidth=2.5)
    ax.axvline(0, color="#999999", linewidth=0.8)
    ax.set_yticks(range(len(table)), [_plain(o) for o in table["outlet"]], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("VADER compound score per sentence (red bar: outlet mean)", fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ChartResult(fig, table, title)
