"""Small charts as inline SVG strings: no plotting library, no script, no network.

Hand-written SVG keeps the report one self-contained file that opens offline, renders in a
millisecond per chart (a report for 1000 documents stays fast), and lets every piece of document
text pass through one escape function. Charts use presentation attributes only (no `style=`),
so the report's Content-Security-Policy can forbid inline styles.
"""
from __future__ import annotations

import datetime as dt
import html

from outputs import nb_display as nb

WIDTH = 760
PALETTE = ("#4e79a7", "#76a5d0", "#2f5d8a", "#9cc3e6")  # alternating shades: segments stay distinguishable
FUNDING = ("#59a14f", "#8cd17d", "#3b7a34", "#b6e3a8")
SINGLE = {"total": "#e15759", "frame": "#f28e2b", "other": "#9d7660"}


def _t(s: object) -> str:
    """Text for SVG: escaped, control and bidi characters made visible."""
    from outputs.report import clean

    return html.escape(clean(s), quote=True)


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def budget_chart(bars: list[dict]) -> str:
    """Horizontal bars, one per (what, period): cost and funding lines stacked segment by segment,
    stated totals and frames as single bars, a dashed line at the stated total of each period.

    `bars`: [{"label": str, "kind": 'cost'|'funding'|'total'|'frame'|'other', "period": str|None,
    "segments": [(line label, amount)]}]. Returns '' when there is nothing to draw.
    """
    bars = [b for b in bars if sum(max(a, 0) for _, a in b["segments"]) > 0]
    if not bars:
        return ""
    label_w, value_w, row_h, top = 200, 120, 26, 8
    plot_w = WIDTH - label_w - value_w
    vmax = max(sum(max(a, 0) for _, a in b["segments"]) for b in bars)
    height = top + row_h * len(bars) + 10

    def x(v: float) -> float:
        return label_w + plot_w * v / vmax

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Budsjett">']
    totals: dict[str | None, list[int]] = {}
    for i, b in enumerate(bars):
        y = top + i * row_h
        if b["kind"] == "total":
            totals.setdefault(b["period"], []).append(i)
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="12">{_t(_short(b["label"], 30))}'
                   f'<title>{_t(b["label"])}</title></text>')
        pos = 0.0
        colours = FUNDING if b["kind"] == "funding" else PALETTE
        for j, (seg_label, amount) in enumerate(b["segments"]):
            if amount <= 0:
                continue
            fill = colours[j % len(colours)] if b["kind"] in ("cost", "funding") else SINGLE.get(b["kind"], "#888")
            w = max(plot_w * amount / vmax, 0.5)
            out.append(f'<rect x="{x(pos):.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{fill}" '
                       f'stroke="#fff" stroke-width="0.5"><title>{_t(seg_label)}: {_t(nb.kroner(amount))}</title></rect>')
            pos += amount
        out.append(f'<text x="{x(pos) + 6:.1f}" y="{y + 16}" font-size="12">{_t(nb.kroner(pos))}</text>')
    # The stated total as a dashed line across its period's bars: a gap or overshoot is seen at once.
    for p, idx in totals.items():
        amount = max(sum(a for _, a in bars[i]["segments"]) for i in idx)
        rows = [i for i, b in enumerate(bars) if b["period"] == p]
        y0, y1 = top + min(rows) * row_h, top + (max(rows) + 1) * row_h
        out.append(f'<line x1="{x(amount):.1f}" x2="{x(amount):.1f}" y1="{y0}" y2="{y1}" stroke="#e15759" '
                   f'stroke-width="1.5" stroke-dasharray="4 3"><title>Oppgitt total: {_t(nb.kroner(amount))}</title></line>')
    out.append("</svg>")
    return "".join(out)


def _ticks(d0: dt.date, d1: dt.date, max_ticks: int = 6) -> list[tuple[dt.date, str]]:
    """Axis ticks on first days of months, every 1, 2, 3, 6, 12 or 24 months: as fine as fits
    `max_ticks` labels. Labels are '04.2025', or the year alone on yearly ticks and in January."""
    months = (d1.year - d0.year) * 12 + d1.month - d0.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24) if months / s <= max_ticks), 12 * (months // (12 * max_ticks) + 1))
    ticks = []
    y, m = d0.year, d0.month
    while True:
        d = dt.date(y, m, 1)
        if d > d1:
            break
        index = y * 12 + m - 1
        if d >= d0 and index % step == 0:
            ticks.append((d, str(y) if m == 1 else f"{m:02d}.{y}"))
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return ticks


def timeline_chart(items: list[tuple[dt.date, str, str | None]],
                   markers: list[tuple[dt.date, str]] = ()) -> str:
    """One row per milestone: its description left, a dot at its date on a shared time axis.

    `items`: (due date, description, status); `markers`: (date, name) drawn as vertical lines,
    e.g. the project's stated end. Returns '' when no item has a date.
    """
    items = sorted((i for i in items if i[0] is not None), key=lambda i: i[0])
    if not items:
        return ""
    dates = [i[0] for i in items] + [m[0] for m in markers if m[0] is not None]
    d0, d1 = min(dates), max(dates)
    pad = max(15, (d1 - d0).days // 20)
    d0, d1 = d0 - dt.timedelta(days=pad), d1 + dt.timedelta(days=pad)
    label_w, right, row_h, top = 300, 90, 20, 24
    plot_w = WIDTH - label_w - right
    height = top + row_h * len(items) + 8
    span = max((d1 - d0).days, 1)

    def x(d: dt.date) -> float:
        return label_w + plot_w * (d - d0).days / span

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Tidslinje">']
    for d, name in _ticks(d0, d1):
        out.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{top - 6}" y2="{height - 4}" stroke="#ddd"/>'
                   f'<text x="{x(d):.1f}" y="{top - 10}" text-anchor="middle" font-size="11" fill="#555">{name}</text>')
    for d, name in markers:
        if d is None:
            continue
        out.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="{top - 6}" y2="{height - 4}" stroke="#e15759" '
                   f'stroke-width="1.5" stroke-dasharray="4 3"><title>{_t(name)}: {nb.date(d)}</title></line>')
    for i, (d, text, status) in enumerate(items):
        y = top + i * row_h + row_h / 2
        out.append(f'<line x1="{label_w}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#f0f0f0"/>')
        out.append(f'<text x="{label_w - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12">{_t(_short(text, 44))}'
                   f'<title>{_t(text)}</title></text>')
        tip = f"{nb.date(d)}: {text}" + (f" ({status})" if status else "")
        out.append(f'<circle cx="{x(d):.1f}" cy="{y:.1f}" r="5" fill="#4e79a7"><title>{_t(tip)}</title></circle>')
        out.append(f'<text x="{x(d) + 8:.1f}" y="{y + 4:.1f}" font-size="11" fill="#333">{nb.date(d)}</text>')
    out.append("</svg>")
    return "".join(out)
