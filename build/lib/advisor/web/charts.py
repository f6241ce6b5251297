"""Small self-contained SVG charts for the app and the reports: progress against pace per metric, and
the power/interest grid of a roster.

Written by hand rather than with a plotting library: two chart shapes, no JavaScript, nothing to
fetch, and they render the same in the browser, in a downloaded report and in a screenshot.
"""

from __future__ import annotations

from html import escape

from advisor.capabilities.interests.grid import StakeholderPoint
from advisor.capabilities.pivots.models import MetricProgress

STATUS_COLOURS = {"done": "#2e7d32", "ahead": "#43a047", "on_track": "#1e88e5", "off_track": "#e53935"}
QUADRANT_COLOURS = {
    "manage closely": "#8e24aa",
    "keep satisfied": "#fb8c00",
    "keep informed": "#1e88e5",
    "monitor": "#757575",
}
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


def stakeholder_chart(points: list[StakeholderPoint]) -> str:
    """Members placed by power (up) and interest (right), coloured by the quadrant's strategy."""
    size, pad = 420.0, 40.0
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {size + 2 * pad + 160} {size + 2 * pad}' "
        f"width='100%' role='img' aria-label='Power and interest of members' {FONT} font-size='12'>",
        f"<rect x='{pad}' y='{pad}' width='{size}' height='{size}' fill='#fafafa' stroke='#bbb'/>",
        f"<line x1='{pad + size / 2}' x2='{pad + size / 2}' y1='{pad}' y2='{pad + size}' stroke='#ccc'/>",
        f"<line x1='{pad}' x2='{pad + size}' y1='{pad + size / 2}' y2='{pad + size / 2}' stroke='#ccc'/>",
        f"<text x='{pad + size / 2}' y='{pad + size + 28}' text-anchor='middle'>"
        "interest in our objectives →</text>",
        f"<text x='12' y='{pad + size / 2}' transform='rotate(-90 12 {pad + size / 2})' "
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
    placed: list[tuple[float, float, float]] = []  # label boxes: x, y, width
    for point in sorted(points, key=lambda p: (-p.power, p.interest)):
        x = pad + size * point.interest
        y = pad + size * (1 - point.power)
        colour = QUADRANT_COLOURS.get(point.quadrant, "#555")
        name = point.name if len(point.name) <= 24 else point.name[:22] + "…"
        label_y = _free_line(placed, x + 9, y + 4, 6.5 * len(name))
        parts += [
            f"<circle cx='{x:.1f}' cy='{y:.1f}' r='6' fill='{colour}'><title>{escape(point.name)} "
            f"({escape(point.sector)})</title></circle>",
            f"<text x='{x + 9:.1f}' y='{label_y:.1f}'>{escape(name)}</text>",
        ]
        if abs(label_y - y - 4) > 1:  # a leader line from a moved label back to its dot
            parts.append(
                f"<line x1='{x:.1f}' y1='{y:.1f}' x2='{x + 8:.1f}' y2='{label_y - 4:.1f}' stroke='#999'/>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _free_line(placed: list[tuple[float, float, float]], x: float, y: float, width: float) -> float:
    """The nearest baseline to `y` where a label of `width` at `x` overlaps no placed label."""
    for step in range(0, 12):
        candidate = y + (step + 1) // 2 * 15 * (1 if step % 2 else -1) if step else y
        if not any(abs(candidate - py) < 14 and x < px + pw and px < x + width for px, py, pw in placed):
            placed.append((x, candidate, width))
            return candidate
    placed.append((x, y, width))
    return y
