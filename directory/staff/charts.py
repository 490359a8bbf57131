"""The report's charts: server-rendered SVG with presentation attributes only (the CSP forbids
inline style), so they show without any script."""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ("#1d70b8", "#00703c", "#d4351c", "#6f72af", "#b58840")
BAR_H, GAP = 18, 8


def _svg_start(title: str, width: int, height: int) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    )


def _label(x: int, y: int, text, anchor: str = "start") -> str:
    end = ' text-anchor="end"' if anchor == "end" else ""
    return f'<text x="{x}" y="{y + 13}"{end} font-size="13" fill="#0b0c0c">{escape(text)}</text>'


def bar_chart(rows: list[tuple[str, int]], title: str, width: int = 640) -> Markup:
    """Horizontal bars, one per (label, count)."""
    if not rows:
        return Markup("")
    label_w = 260
    top = max(n for _l, n in rows) or 1
    parts = [_svg_start(title, width, len(rows) * (BAR_H + GAP) + GAP)]
    for i, (label, n) in enumerate(rows):
        y = GAP + i * (BAR_H + GAP)
        w = max(1, round((width - label_w - 60) * n / top))
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            _label(label_w - 8, y, short, "end")
            + f'<rect x="{label_w}" y="{y}" width="{w}" height="{BAR_H}" fill="{PALETTE[0]}"/>'
            + _label(label_w + w + 6, y, n)
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_chart(
    weeks: list[tuple[str, dict[str, int]]], channels: list[str], title: str, width: int = 640
) -> Markup:
    """One bar per week, split by channel, with a legend."""
    if not weeks:
        return Markup("")
    label_w, legend_h = 90, 24
    top = max(sum(c.values()) for _w, c in weeks) or 1
    parts = [_svg_start(title, width, legend_h + len(weeks) * (BAR_H + GAP) + GAP)]
    for i, ch in enumerate(channels):
        x = label_w + i * 90
        parts.append(
            f'<rect x="{x}" y="4" width="14" height="14" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 20}" y="16" font-size="13" fill="#0b0c0c">{escape(ch)}</text>'
        )
    for i, (week, counts) in enumerate(weeks):
        y = legend_h + GAP + i * (BAR_H + GAP)
        parts.append(_label(label_w - 8, y, week, "end"))
        x = label_w
        for j, ch in enumerate(channels):
            n = counts.get(ch, 0)
            if not n:
                continue
            w = max(1, round((width - label_w - 60) * n / top))
            parts.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{BAR_H}" fill="{PALETTE[j % len(PALETTE)]}"/>'
            )
            x += w
        parts.append(_label(x + 6, y, sum(counts.values())))
    parts.append("</svg>")
    return Markup("".join(parts))
