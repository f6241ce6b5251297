"""The power/interest chart as a reader sees it: every member's full name, no dot on top of another,
and a line that says where the scores came from."""

from __future__ import annotations

import math
import re

from advisor.capabilities.interests.grid import StakeholderPoint
from advisor.web.charts import DOT_RADIUS, stakeholder_chart

LONG = "Riverside Community Foundation for Safe and Healthy Neighbourhoods"


def test_full_names_no_covered_dots_and_where_the_scores_came_from() -> None:
    points = [
        StakeholderPoint(
            name=LONG, sector="philanthropy", power=0.62, interest=0.9, quadrant="manage closely"
        ),
        StakeholderPoint(
            name="Riverside Walks", sector="community", power=0.62, interest=0.9, quadrant="manage closely"
        ),
        StakeholderPoint(
            name="Riverside PTAs", sector="community", power=0.63, interest=0.89, quadrant="manage closely"
        ),
        StakeholderPoint(
            name="Main Street Merchants",
            sector="business",
            power=0.47,
            interest=0.5,
            quadrant="keep informed",
        ),
    ]
    chart = stakeholder_chart(points)
    assert LONG in chart and "…" not in chart  # the whole name, in the legend
    dots = [(float(x), float(y)) for x, y in re.findall(r"cx='([\d.]+)' cy='([\d.]+)' r='9", chart)]
    assert len(dots) == len(points)
    closest = min(math.dist(a, b) for i, a in enumerate(dots) for b in dots[i + 1 :])
    assert closest >= 2 * DOT_RADIUS  # three members on one spot are three dots side by side
    assert [int(n) for n in re.findall(r"font-weight='700'>(\d+)</text>", chart)] == [1, 2, 3, 4]
    assert "Where the scores come from" in chart and "role" in chart and "objectives" in chart
    # a line back to a moved dot's true place never runs over another dot (it crossed out "1")
    svg = chart.split("</svg>")[0]
    last_line = max(m.end() for m in re.finditer(r"<line ", svg))
    first_dot = min(m.start() for m in re.finditer(r"<g><title>", svg))
    assert last_line < first_dot


def test_a_roster_without_objectives_says_what_interest_means_then() -> None:
    """A new user read "interest 1.00" for every member while the report said the roster lists no
    objectives."""
    point = StakeholderPoint(
        name="Anglers", sector="community", power=0.4, interest=1.0, quadrant="keep informed"
    )
    assert "lists no objectives" in stakeholder_chart([point], objectives=False)
    assert "lists no objectives" not in stakeholder_chart([point])
