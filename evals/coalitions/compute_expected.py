"""Compute expected metric statuses for the metric tables in metrics/.

The rule is copied from evals/data/metrics/compute_expected.py (and matches GUIDE.md 2.1):
  progress = (current - baseline) / (target - baseline)   (works for downward targets)
  expected = (as_of - start) / (due - start), clipped to [0, 1]
  status   = done      if progress >= 1
             ahead     if progress >= expected + 0.10
             on_track  if progress >= expected - 0.10
             off_track otherwise
Prints YAML for the `metrics:` block of each file in expected.yaml, plus the margin to the
nearest status threshold so borderline cases can be spotted. Plain python, no advisor import.

    python evals/coalitions/compute_expected.py
"""

import csv
import sys
from datetime import date
from pathlib import Path

AS_OF = {
    "minneapolis-clean-energy-partnership.csv": "2017-06-30",
    "minneapolis-vision-zero.csv": "2021-03-31",
    "frederick-county-health-improvement.csv": "2024-06-30",
    "pima-cradle-to-career.csv": "2017-06-30",
    "houston-the-way-home.csv": "2017-08-31",
    "dotnet-foundation.csv": "2020-07-30",
    "erpnext-foundation.csv": "2019-03-31",
    "kubernetes-contributor-experience.csv": "2023-10-31",
    # batch 2 (written 2026-12-02, wholly dev)
    "boulder-long-term-flood-recovery.csv": "2014-09-30",
    "python-software-foundation.csv": "2020-09-30",
    "national-digital-inclusion-alliance.csv": "2017-09-30",
    "liverpool-city-region-apprenticeship-hub.csv": "2019-03-31",
    "hawaii-watershed-partnerships.csv": "2018-06-30",
    "la-plata-suicide-prevention.csv": "2019-06-30",
    "age-friendly-dc.csv": "2020-09-30",
    "santa-clara-basin-wmi.csv": "2005-06-30",
    # batch 3 (written 2026-12-02, sixth session: the test part)
    "sanitation-and-water-for-all.csv": "2016-06-30",
    "university-innovation-alliance.csv": "2017-09-30",
    "akron-summit-cultural-plan.csv": "2024-09-30",
    "interfaith-coalition-whatcom.csv": "2024-10-31",
    "neighbors-united-boise.csv": "2019-12-31",
    "zambia-end-malaria-council.csv": "2020-09-30",
    "west-oakland-community-action-plan.csv": "2021-12-31",
    "bmore-for-healthy-babies.csv": "2016-06-30",
    "sprockets-saint-paul.csv": "2014-06-30",
    "chi-hack-night.csv": "2015-09-30",
    # batch 4 (2026-12-03)
    "cincinnati-creating-healthy-communities.csv": "2016-12-31",
    "code-for-america-brigade-network.csv": "2022-10-31",
    "kern-homeless-collaborative.csv": "2019-03-31",
    "naceda-creative-placemaking-immersion.csv": "2017-09-30",
    "road-map-project-south-king-county.csv": "2017-06-30",
    "san-diego-hunger-coalition.csv": "2018-06-30",
    "skillworks-boston.csv": "2020-06-30",
    "southeast-florida-climate-compact.csv": "2022-03-31",
    # batch 5 (ninth session)
    "berkeley-food-policy-council.csv": "2015-06-30",
    "cleveland-greater-university-circle.csv": "2012-12-31",
    "five-counties-tobacco-free-living.csv": "2018-06-30",
    "forest-for-all-nyc.csv": "2023-03-31",
    "fort-collins-homeward-2020.csv": "2018-09-30",
    "palo-alto-safe-routes-to-school.csv": "2017-06-30",
    "salinas-casp-youth-violence.csv": "2017-06-30",
    "say-yes-buffalo.csv": "2016-06-30",
    # batch 6 (written 2026-12-03, tenth session: split version 5's test part)
    "age-friendly-boston.csv": "2019-06-30",
    "destination-home-santa-clara.csv": "2022-12-31",
    "detroit-food-policy-council.csv": "2018-06-30",
    "graduate-tacoma.csv": "2019-01-31",
    "healthy-living-matters-harris-county.csv": "2016-06-30",
    "move-la-transit-coalition.csv": "2017-12-31",
    "welcome-dayton.csv": "2015-12-31",
    "white-river-partnership-vt.csv": "2013-09-30",
    # batch 7 (thirteenth session: the advisers' review rounds 3-4)
    "the-carpentries-fundraising.csv": "2021-01-14",
    "missing-maps.csv": "2017-01-24",
    "puget-sound-partnership.csv": "2013-10-31",
    "alpha-omega-openssf.csv": "2024-11-10",
    "ruby-together.csv": "2015-08-18",
    "foundation-for-public-code.csv": "2022-01-15",
    "open-life-science.csv": "2025-02-10",
    "tampa-bay-habitat-restoration.csv": "2025-12-31",
    "right-to-counsel-nyc.csv": "2019-01-31",
    "end-tb-un-hlm-commitments.csv": "2021-10-14",
    # batch 8 (fourteenth session: the advisers' review rounds 5-6)
    "django-software-foundation.csv": "2025-12-11",
    "million-trees-la.csv": "2013-01-15",
    "hollywood-food-coalition.csv": "2020-03-01",
    "fostermore.csv": "2017-01-15",
    "smartairla.csv": "2018-09-01",
    "ropensci-champions.csv": "2024-03-20",
    "pasco-discovery-coalition.csv": "2012-12-09",
    "bangladesh-anticipatory-action.csv": "2021-09-30",
    "maqmekwitk-reconnecting-rivers.csv": "2026-05-15",
    "lewiston-auburn-forestry-board.csv": "2015-05-21",
    # batch 9 (fourteenth session): two writers blind to the tool, held out for the reader
    "hero-coalition.csv": "2021-04-30",
    "kingdom-causes-bellflower.csv": "2020-06-30",
    "emergency-food-partnership.csv": "2021-04-30",
    "la-asylum-clinic-collaborative.csv": "2020-07-31",
    "partnership-for-la-schools.csv": "2019-03-31",
    "iiif-consortium.csv": "2018-04-11",
    "openstack-foundation-board.csv": "2014-01-30",
    "secas-southeast-conservation.csv": "2020-12-16",
    "open-ag-funding.csv": "2017-02-13",
    "trb-transit-data-infra-subcommittee.csv": "2024-08-01",
    # batch 10: written 2026-12-03 by two writers blind to the tool from public reports, wholly dev
    "c19-coalition-sunday-suppers.csv": "2021-05-05",
    "feeding-texas-network.csv": "2015-05-29",
    "fscss-pear-blossom-place.csv": "2018-01-04",
    "marshall-starke-head-start.csv": "2015-01-31",
    "resilient-coders-boston.csv": "2014-09-30",
    "gpoba-output-based-aid.csv": "2015-07-31",
    "pyopensci-peer-review.csv": "2025-12-16",
    "green-software-foundation.csv": "2023-11-16",
    "wmde-cultural-heritage.csv": "2019-04-30",
    "florida-coral-reef-team.csv": "2023-06-28",
    # batch 11 (written 2026-12-07, forty-sixth session: split version 8's test part)
    "read-charlotte.csv": "2023-02-15",
    "dolores-river-restoration-partnership.csv": "2015-11-15",
    "clermont-county-chip.csv": "2016-11-30",
    "bergen-county-ending-homelessness.csv": "2018-09-20",
    "one-region-atlanta.csv": "2020-12-10",
    "workforce-connect-cuyahoga.csv": "2020-08-31",
    "metro-dc-snap-incentive-coalition.csv": "2024-10-15",
    "camp-fire-ltrg.csv": "2020-06-30",
    # batch 12 (written 2026-12-08, fiftieth session: split version 9's test part)
    "future-ready-collier-early-development.csv": "2021-10-14",
    "upper-deschutes-watershed-council.csv": "2019-11-19",
    "kc-coalition-for-digital-inclusion.csv": "2020-09-29",
    "chicago-creative-schools-arts.csv": "2016-03-01",
    "san-jose-gang-prevention-task-force.csv": "2019-04-30",
    "capital-region-climate-readiness.csv": "2022-06-30",
    "purposeful-aging-los-angeles.csv": "2020-04-15",
    "santa-clara-opportunity-youth-partnership.csv": "2018-10-31",
}


def status_for(progress, expected):
    if progress >= 1:
        return "done"
    if progress >= expected + 0.10:
        return "ahead"
    if progress >= expected - 0.10:
        return "on_track"
    return "off_track"


def compute(path, as_of):
    as_of_d = date.fromisoformat(as_of)
    rows = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            b, t, c = float(row["baseline"]), float(row["target"]), float(row["current"])
            start, due = date.fromisoformat(row["start"]), date.fromisoformat(row["due"])
            progress = (c - b) / (t - b)
            expected = min(1.0, max(0.0, (as_of_d - start).days / (due - start).days))
            margin = min(abs(progress - 1), abs(progress - expected - 0.1), abs(progress - expected + 0.1))
            rows.append((row["metric"], progress, expected, status_for(progress, expected), margin))
    return rows


def main():
    here = Path(__file__).parent / "metrics"
    for name, as_of in AS_OF.items():
        print(f"{name}:  # as_of {as_of}")
        for metric, progress, expected, st, margin in compute(here / name, as_of):
            print(
                f'    "{metric}": {{progress: {progress:.3f}, expected: {expected:.3f}, '
                f"status: {st}}}  # margin {margin:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
