"""Small self-contained SVG charts for the app and the reports: progress against pace per metric, and
the power/interest grid of a roster.

Written by hand rather than with a plotting library: two chart shapes, no JavaScript, nothing to
fetch, and they render the same in the browser, in a downloaded report and in a screenshot.
"""

from __future__ import annotations

import math
from html import escape

from advisor.capabilities.interests.grid import StakeholderPoint
from advisor.capabilities.pivots.models import MetricProgress

STATUS_COLOURS = {"done": "#2e7d32", "ahead": "#43a047", "on_track": "#1e88e5", "off_track": "#e53935"}
QUADRANT_COLOURS = {  # dark enough for a white number on the dot (contrast 4.5:1 or more)
    "manage closely": "#6a1b9a",
    "keep satisfied": "#a84300",
    "keep informed": "#1565c0",
    "monitor": "#546e7a",
}
DOT_RADIUS = 9.0
SCORE_SOURCES = (
    "Where the scores come from: <b>power</b> is half the member's role (convener or chair 1.0, funder "
    "0.8, steering 0.7, partner 0.5, other 0.3), a quarter its sector (government and philanthropy "
    "0.8, business and health 0.6) and a quarter the resources it lists (three or more count "
    "fully); <b>interest</b> is 60% how many of the coalition's objectives its positions and "
    "interests serve (three make a full stake) and 40% how much it states. Both come from the "
    "roster, by rules; a dot moved off its place to stay readable has a line back to it."
)
FONT = "font-family='system-ui, sans-serif'"


def progress_chart(metrics: list[MetricProgress]) -> str:
    """One bar per metric: progress toward target, with a black tick where a steady pace would be."""
    label_width, bar_width, row = 300, 380, 34
    height = 40 + row * len(metrics)
    width = label_width + bar_width + 150
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' role='img' "
        f"aria-label='Progress against pace per metric' {FONT} font-size='13'>",
        f"<text x='{label_width}' y='16' fill='#555'>0%</text>",
        f"<text x='{label_width + bar_width - 30}' y='16' fill='#555'>100%</text>",
    ]
    for i, m in enumerate(metrics):
        y = 28 + i * row
        shown = max(0.0, min(1.0, m.progress))
        pace_x = label_width + bar_width * max(0.0, min(1.0, m.expected))
        colour = STATUS_COLOURS.get(m.status, "#999")
        name = m.metric if len(m.metric) <= 42 else m.metric[:40] + "…"
        parts += [
            f"<title>{escape(m.metric)}</title>",
            f"<text x='0' y='{y + 15}'>{escape(name)}</text>",
            f"<rect x='{label_width}' y='{y}' width='{bar_width}' height='20' fill='#eee' rx='3'/>",
            f"<rect x='{label_width}' y='{y}' width='{bar_width * shown:.1f}' height='20' "
            f"fill='{colour}' rx='3'/>",
            f"<line x1='{pace_x:.1f}' x2='{pace_x:.1f}' y1='{y - 3}' y2='{y + 23}' "
            "stroke='#111' stroke-width='2'/>",
            f"<text x='{label_width + bar_width + 8}' y='{y + 15}' fill='{colour}'>"
            f"{m.progress:.0%} {m.status.replace('_', ' ')}</text>",
        ]
    parts.append("</svg>")
    legend = " ".join(
        f"<span style='color:{c}'>■</span> {s.replace('_', ' ')}" for s, c in STATUS_COLOURS.items()
    )
    return "".join(parts) + f"<p style='font-size:12px'>{legend} · ▎ steady pace by today</p>"


NO_OBJECTIVES = (
    " <b>This roster lists no objectives</b>, so interest here is only how much each member states: add "
    "the coalition's objectives to place members by what they care about."
)


def stakeholder_chart(points: list[StakeholderPoint], *, objectives: bool = True) -> str:
    """Members placed by power (up) and interest (right), coloured by the quadrant's strategy: each
    dot numbered, the full names in a legend beside the grid, dots that would cover each other moved
    apart, and a caption that says how the scores were made."""
    size, pad = 420.0, 40.0
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {size + 2 * pad} {size + 2 * pad}' "
        f"width='100%' role='img' aria-label='Power and interest of members' {FONT} font-size='12'>",
        f"<rect x='{pad}' y='{pad}' width='{size}' height='{size}' fill='#fafafa' stroke='#bbb'/>",
        f"<line x1='{pad + size / 2}' x2='{pad + size / 2}' y1='{pad}' y2='{pad + size}' stroke='#ccc'/>",
        f"<line x1='{pad}' x2='{pad + size}' y1='{pad + size / 2}' y2='{pad + size / 2}' stroke='#ccc'/>",
        f"<text x='{pad + size / 2}' y='{pad + size + 28}' text-anchor='middle'>"
        "interest in our objectives →</text>",
        f"<text x='14' y='{pad + size / 2}' transform='rotate(-90 14 {pad + size / 2})' "
        f"text-anchor='middle'>power →</text>",
    ]
    corners = {
        "keep satisfied": (pad + 6, pad + 16),
        "manage closely": (pad + size / 2 + 6, pad + 16),
        "monitor": (pad + 6, pad + size - 8),
        "keep informed": (pad + size / 2 + 6, pad + size - 8),
    }
    for label, (x, y) in corners.items():
        parts.append(
            f"<text x='{x}' y='{y}' fill='{QUADRANT_COLOURS[label]}' font-weight='600'>{label}</text>"
        )
    legend = []
    leaders: list[str] = []  # drawn under every dot: a line over a dot crossed out its number
    dots: list[str] = []
    placed: list[tuple[float, float]] = []
    for number, point in enumerate(points, 1):
        x, y = pad + size * point.interest, pad + size * (1 - point.power)
        shown_x, shown_y = _free_spot(placed, x, y, low=pad + DOT_RADIUS, high=pad + size - DOT_RADIUS)
        colour = QUADRANT_COLOURS.get(point.quadrant, "#555")
        title = f"{escape(point.name)}: power {point.power:.2f}, interest {point.interest:.2f}"
        if (shown_x, shown_y) != (x, y):  # a line from a moved dot back to its true place
            leaders.append(
                f"<line x1='{x:.1f}' y1='{y:.1f}' x2='{shown_x:.1f}' y2='{shown_y:.1f}' stroke='#888'/>"
                f"<circle cx='{x:.1f}' cy='{y:.1f}' r='2' fill='#888'/>"
            )
        dots.append(
            f"<g><title>{title}</title><circle cx='{shown_x:.1f}' cy='{shown_y:.1f}' r='{DOT_RADIUS}' "
            f"fill='{colour}' stroke='white'/><text x='{shown_x:.1f}' y='{shown_y + 4:.1f}' "
            f"text-anchor='middle' fill='white' font-size='11' font-weight='700'>{number}</text></g>"
        )
        legend.append(
            f"<li><span class='dot' style='background:{colour}'>{number}</span> "
            f"<span><b>{escape(point.name)}</b><br><small>{escape(point.sector or 'no sector')} · "
            f"{point.quadrant} · power {point.power:.2f} · interest {point.interest:.2f}</small></span></li>"
        )
    parts += [*leaders, *dots, "</svg>"]
    return (
        "<div class='stakeholder-chart'><div class='grid'>" + "".join(parts) + "</div>"
        f"<ol class='legend'>{''.join(legend)}</ol></div><p class='chart-note'>{SCORE_SOURCES}"
        f"{'' if objectives else NO_OBJECTIVES}</p>"
    )


def _free_spot(
    placed: list[tuple[float, float]], x: float, y: float, *, low: float, high: float
) -> tuple[float, float]:
    """Where a dot for (x, y) covers no placed dot: its own place, else the nearest free one on
    rings around it (inside the grid)."""
    gap = 2 * DOT_RADIUS + 2
    candidates = [(x, y)] + [
        (x + ring * gap * math.cos(math.radians(angle)), y + ring * gap * math.sin(math.radians(angle)))
        for ring in (1, 2, 3, 4)
        for angle in range(0, 360, 45 if ring < 3 else 30)
    ]
    for cx, cy in candidates:
        cx, cy = min(high, max(low, cx)), min(high, max(low, cy))
        if all(math.hypot(cx - px, cy - py) >= gap for px, py in placed):
            placed.append((cx, cy))
            return cx, cy
    placed.append((x, y))
    return x, y
