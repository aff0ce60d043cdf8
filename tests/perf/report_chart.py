"""The report's chart: one bar panel per section, PNG (matplotlib, pinned in requirements-dev.txt)."""

import math


def draw(chart, path):
    """chart: {panel title: [(label, first bar, second bar or None)]}, in the report's order."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    panels = [(title, rows) for title, rows in chart.items() if rows]
    cols = 3
    rows_n = max(1, math.ceil(len(panels) / float(cols)))
    fig, axes = plt.subplots(rows_n, cols, figsize=(16, 4.8 * rows_n), squeeze=False)
    for ax in axes.flat[len(panels):]:
        ax.axis("off")
    for ax, (title, rows) in zip(axes.flat, panels):
        draw_panel(ax, title, rows)
    fig.suptitle("ncm.platforms benchmark (medians; see docs/performance.md)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def draw_panel(ax, title, rows):
    """Paired bars when the rows have a second value (requests and floor; create and re-run)."""
    labels = [r[0] for r in rows]
    first = [r[1] or 0 for r in rows]
    second = [r[2] for r in rows]
    x = list(range(len(rows)))
    if any(v is not None for v in second):
        width = 0.4
        names = {"2.": ("requests", "floor"), "5.": ("now", "before issue 25")}.get(title[:2], ("create", "unchanged re-run"))
        ax.bar([i - width / 2 for i in x], first, width, label=names[0])
        ax.bar([i + width / 2 for i in x], [v or 0 for v in second], width, label=names[1])
        ax.legend(fontsize=8)
    else:
        ax.bar(x, first)
    if title.startswith("2."):
        ax.set_yscale("log")
    ax.set_title(title, fontsize=10)
    ax.set_xticks(x)
    ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=7)
    ax.grid(axis="y", alpha=0.3)
