"""The locked dev/test split of the coalition rosters and metric tables.

    python evals/coalitions/split.py    # writes split.yaml

Version 1 (2026-12-02): drawn once, after every batch-1 label was written and before any run of the
advisor's interests or pivots capabilities on these files: a seeded shuffle (seed 20261202) of the
sorted batch-1 file names, the first 35% (rounded) to test. Batch 2 was wholly dev.

Version 2 (2026-12-02, sixth session): version 1's test part (4 rosters, 3 tables) had been scored
twice and was small, so a fresh batch 3 (10 coalitions from public material, written and labelled
blind to the tool by two writers, checked by an independent second pass) became the test part, and
version 1's test part was retired into dev (`retired_test`).

Version 3 (2026-12-03, eighth session): batch 3 had been scored twice; a fresh batch 4 (8 coalitions
from public material, written and labelled blind to the tool by two writers) was written first and
made the test part, then batch 3 was retired into dev (`retired_test_2`) so that the trained judge
and reader learn from it.

Version 4 (2026-12-03, ninth session): batch 4 had been scored twice; a fresh batch 5 (8 coalitions
from public material, written and labelled blind to the tool by two writers) was written first and
made the test part, then batch 4 was retired into dev (`retired_test_3`). Tune only on dev; report
test beside dev.

Version 5 (2026-12-03, tenth session): batch 5 had been scored twice; a fresh batch 6 (8 coalitions
from public material, written and labelled blind to the tool by two writers) was written first and
made the test part, then batch 5 was retired into dev (`retired_test_4`).

Version 6 (2026-12-03, fourteenth session): batches 7 and 8 (ten metric tables each, no rosters,
written by advisers from public reports for the pivots reviews, labelled blind to the tool) and batch
9 (ten tables written and labelled blind to the tool by two writers, first used held out to judge the
reader) join dev. The test part is unchanged (batch 6).

Version 7 (2026-12-03, fifteenth session): batch 10 (ten tables written and labelled blind to the
tool by two writers; the shipped reader scored on it once before any change) joins dev. The test part
is unchanged (batch 6).

Version 8 (2026-12-07, forty-sixth session): batch 6 had been scored many times; a fresh batch 11 (8
coalitions in 8 sectors from public pages, rosters and metric tables with notes, written and labelled
blind to the tool by two writers, checked by an independent second pass over every file) was written
and staged first and made the test part, then batch 6 was retired into dev (`retired_test_5`).

Version 9 (2026-12-08, fiftieth session): batch 11 had been scored once (forty-sixth session); a fresh
batch 12 (coalitions in sectors new to the set, rosters and metric tables with notes, written and labelled
blind to the tool by two writers) was written first and made the test part, then batch 11 was retired
into dev (`retired_test_8`) and read.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

SEED = 20261202
TEST_SHARE = 0.35
HERE = Path(__file__).resolve().parent
BATCH_2 = {
    "rosters": [
        "boulder-long-term-flood-recovery.yaml",
        "python-software-foundation.csv",
        "national-digital-inclusion-alliance.yaml",
        "liverpool-city-region-apprenticeship-hub.csv",
        "hawaii-watershed-partnerships.yaml",
        "la-plata-suicide-prevention.yaml",
        "age-friendly-dc.yaml",
        "santa-clara-basin-wmi.csv",
        "contra-costa-alliance-to-end-abuse.csv",
        "suffolk-county-food-policy-council.yaml",
    ],
    "metrics": [
        "boulder-long-term-flood-recovery.csv",
        "python-software-foundation.csv",
        "national-digital-inclusion-alliance.csv",
        "liverpool-city-region-apprenticeship-hub.csv",
        "hawaii-watershed-partnerships.csv",
        "la-plata-suicide-prevention.csv",
        "age-friendly-dc.csv",
        "santa-clara-basin-wmi.csv",
    ],
}
BATCH_2_COMMENT = "  # batch 2, written 2026-12-02, wholly dev"
BATCH_3 = {
    "rosters": [
        "sanitation-and-water-for-all.csv",
        "university-innovation-alliance.yaml",
        "akron-summit-cultural-plan.yaml",
        "interfaith-coalition-whatcom.yaml",
        "neighbors-united-boise.csv",
        "zambia-end-malaria-council.yaml",
        "west-oakland-community-action-plan.csv",
        "bmore-for-healthy-babies.yaml",
        "sprockets-saint-paul.yaml",
        "chi-hack-night.csv",
    ],
    "metrics": [
        "sanitation-and-water-for-all.csv",
        "university-innovation-alliance.csv",
        "akron-summit-cultural-plan.csv",
        "interfaith-coalition-whatcom.csv",
        "neighbors-united-boise.csv",
        "zambia-end-malaria-council.csv",
        "west-oakland-community-action-plan.csv",
        "bmore-for-healthy-babies.csv",
        "sprockets-saint-paul.csv",
        "chi-hack-night.csv",
    ],
}


BATCH_4 = {
    "rosters": [
        "cincinnati-creating-healthy-communities.yaml",
        "code-for-america-brigade-network.yaml",
        "kern-homeless-collaborative.csv",
        "naceda-creative-placemaking-immersion.yaml",
        "road-map-project-south-king-county.yaml",
        "san-diego-hunger-coalition.yaml",
        "skillworks-boston.csv",
        "southeast-florida-climate-compact.yaml",
    ],
    "metrics": [
        "cincinnati-creating-healthy-communities.csv",
        "code-for-america-brigade-network.csv",
        "kern-homeless-collaborative.csv",
        "naceda-creative-placemaking-immersion.csv",
        "road-map-project-south-king-county.csv",
        "san-diego-hunger-coalition.csv",
        "skillworks-boston.csv",
        "southeast-florida-climate-compact.csv",
    ],
}
BATCH_3_COMMENT = "  # batch 3, written 2026-12-02, version 2's test part (retired_test_2)"
BATCH_5 = {
    "metrics": [
        "berkeley-food-policy-council.csv",
        "cleveland-greater-university-circle.csv",
        "five-counties-tobacco-free-living.csv",
        "forest-for-all-nyc.csv",
        "fort-collins-homeward-2020.csv",
        "palo-alto-safe-routes-to-school.csv",
        "salinas-casp-youth-violence.csv",
        "say-yes-buffalo.csv",
    ],
    "rosters": [
        "berkeley-food-policy-council.yaml",
        "cleveland-greater-university-circle.yaml",
        "five-counties-tobacco-free-living.yaml",
        "forest-for-all-nyc.yaml",
        "fort-collins-homeward-2020.csv",
        "palo-alto-safe-routes-to-school.csv",
        "salinas-casp-youth-violence.yaml",
        "say-yes-buffalo.yaml",
    ],
}
BATCH_4_COMMENT = "  # batch 4, written 2026-12-03, version 3's test part (retired_test_3)"
BATCH_6 = {
    "metrics": [
        "age-friendly-boston.csv",
        "destination-home-santa-clara.csv",
        "detroit-food-policy-council.csv",
        "graduate-tacoma.csv",
        "healthy-living-matters-harris-county.csv",
        "move-la-transit-coalition.csv",
        "welcome-dayton.csv",
        "white-river-partnership-vt.csv",
    ],
    "rosters": [
        "age-friendly-boston.yaml",
        "destination-home-santa-clara.yaml",
        "detroit-food-policy-council.csv",
        "graduate-tacoma.yaml",
        "healthy-living-matters-harris-county.yaml",
        "move-la-transit-coalition.yaml",
        "welcome-dayton.csv",
        "white-river-partnership-vt.yaml",
    ],
}
BATCH_5_COMMENT = "  # batch 5, written 2026-12-03, version 4's test part (retired_test_4)"
BATCH_7 = {
    "rosters": set(),
    "metrics": {
        "alpha-omega-openssf.csv",
        "end-tb-un-hlm-commitments.csv",
        "foundation-for-public-code.csv",
        "missing-maps.csv",
        "open-life-science.csv",
        "puget-sound-partnership.csv",
        "right-to-counsel-nyc.csv",
        "ruby-together.csv",
        "tampa-bay-habitat-restoration.csv",
        "the-carpentries-fundraising.csv",
    },
}
BATCH_7_COMMENT = "  # batch 7, written 2026-12-03, the advisers' review rounds 3-4, wholly dev"
BATCH_8 = {
    "rosters": set(),
    "metrics": {
        "bangladesh-anticipatory-action.csv",
        "django-software-foundation.csv",
        "fostermore.csv",
        "hollywood-food-coalition.csv",
        "lewiston-auburn-forestry-board.csv",
        "maqmekwitk-reconnecting-rivers.csv",
        "million-trees-la.csv",
        "pasco-discovery-coalition.csv",
        "ropensci-champions.csv",
        "smartairla.csv",
    },
}
BATCH_8_COMMENT = "  # batch 8, written 2026-12-03, the advisers' review rounds 5-6, wholly dev"
BATCH_9 = {
    "rosters": set(),
    "metrics": {
        "emergency-food-partnership.csv",
        "hero-coalition.csv",
        "iiif-consortium.csv",
        "kingdom-causes-bellflower.csv",
        "la-asylum-clinic-collaborative.csv",
        "open-ag-funding.csv",
        "openstack-foundation-board.csv",
        "partnership-for-la-schools.csv",
        "secas-southeast-conservation.csv",
        "trb-transit-data-infra-subcommittee.csv",
    },
}
BATCH_9_COMMENT = "  # batch 9, written 2026-12-03 by two writers blind to the tool, wholly dev"
BATCH_10 = {
    "rosters": set(),
    "metrics": {
        "c19-coalition-sunday-suppers.csv",
        "feeding-texas-network.csv",
        "florida-coral-reef-team.csv",
        "fscss-pear-blossom-place.csv",
        "gpoba-output-based-aid.csv",
        "green-software-foundation.csv",
        "marshall-starke-head-start.csv",
        "pyopensci-peer-review.csv",
        "resilient-coders-boston.csv",
        "wmde-cultural-heritage.csv",
    },
}
BATCH_6_COMMENT = "  # batch 6, written 2026-12-03, version 5's test part (retired_test_5)"
BATCH_11 = {
    "metrics": [
        "bergen-county-ending-homelessness.csv",
        "camp-fire-ltrg.csv",
        "clermont-county-chip.csv",
        "dolores-river-restoration-partnership.csv",
        "metro-dc-snap-incentive-coalition.csv",
        "one-region-atlanta.csv",
        "read-charlotte.csv",
        "workforce-connect-cuyahoga.csv",
    ],
    "rosters": [
        "bergen-county-ending-homelessness.yaml",
        "camp-fire-ltrg.yaml",
        "clermont-county-chip.yaml",
        "dolores-river-restoration-partnership.csv",
        "metro-dc-snap-incentive-coalition.yaml",
        "one-region-atlanta.yaml",
        "read-charlotte.yaml",
        "workforce-connect-cuyahoga.csv",
    ],
}
BATCH_11_COMMENT = (
    "  # batch 11, written 2026-12-07 by two writers blind to the tool,"
    " version 8's test part (retired_test_8)"
)
BATCH_12 = {
    "metrics": [
        "capital-region-climate-readiness.csv",
        "chicago-creative-schools-arts.csv",
        "future-ready-collier-early-development.csv",
        "kc-coalition-for-digital-inclusion.csv",
        "purposeful-aging-los-angeles.csv",
        "san-jose-gang-prevention-task-force.csv",
        "santa-clara-opportunity-youth-partnership.csv",
        "upper-deschutes-watershed-council.csv",
    ],
    "rosters": [
        "capital-region-climate-readiness.yaml",
        "chicago-creative-schools-arts.yaml",
        "future-ready-collier-early-development.yaml",
        "kc-coalition-for-digital-inclusion.csv",
        "purposeful-aging-los-angeles.csv",
        "san-jose-gang-prevention-task-force.yaml",
        "santa-clara-opportunity-youth-partnership.yaml",
        "upper-deschutes-watershed-council.yaml",
    ],
}
BATCH_10_COMMENT = (
    "  # batch 10, written 2026-12-03 (fifteenth session) by two writers blind to the tool, wholly dev"
)

# Batches 2 onwards, in order (batch N is LATER_BATCHES[N - 2]); the rest of the files are batch 1.
LATER_BATCHES = (
    BATCH_2,
    BATCH_3,
    BATCH_4,
    BATCH_5,
    BATCH_6,
    BATCH_7,
    BATCH_8,
    BATCH_9,
    BATCH_10,
    BATCH_11,
    BATCH_12,
)


def draw(names: list[str], rng: random.Random) -> dict[str, list[str]]:
    names = sorted(names)
    rng.shuffle(names)
    cut = max(1, round(len(names) * TEST_SHARE))
    return {"dev": sorted(names[cut:]), "test": sorted(names[:cut])}


def main() -> None:
    labels = yaml.safe_load((HERE / "expected.yaml").read_text())
    rng = random.Random(SEED)
    later = {kind: {name for batch in LATER_BATCHES for name in batch[kind]} for kind in BATCH_2}
    version_1 = {kind: draw([n for n in labels[kind] if n not in later[kind]], rng) for kind in BATCH_2}
    split = {
        kind: {
            "dev": sorted(version_1[kind]["dev"] + version_1[kind]["test"]),
            "test": sorted(BATCH_12[kind]),
            "retired_test": version_1[kind]["test"],
            "retired_test_2": sorted(BATCH_3[kind]),
            "retired_test_3": sorted(BATCH_4[kind]),
            "retired_test_4": sorted(BATCH_5[kind]),
            "retired_test_5": sorted(BATCH_6[kind]),
            "retired_test_8": sorted(BATCH_11[kind]),
        }
        for kind in BATCH_2
    }
    header = (
        "# Locked split, written by split.py (version 9; see its docstring). Dev: batch 1 (with\n"
        "# version 1's test part, retired_test), batch 2, batch 3 (version 2's test part,\n"
        "# retired_test_2), batch 4 (version 3's, retired_test_3), batch 5 (version 4's,\n"
        "# retired_test_4), batch 6 (version 5's, retired_test_5), batches 7-10 (metric tables only),\n"
        "# batch 11 (version 8's, retired_test_8); test: batch 12, written blind to the tool.\n"
        "# Do not tune on test.\n"
    )
    text = yaml.safe_dump(split, sort_keys=False)
    for kind in ("rosters", "metrics"):
        last_dev = f"  - {split[kind]['dev'][-1]}\n"
        head, tail = text.split(f"{kind}:\n", 1)
        later_batches = (
            BATCH_2_COMMENT
            + "\n"
            + "".join(f"  - {n}\n" for n in BATCH_2[kind])
            + BATCH_3_COMMENT
            + "\n"
            + "".join(f"  - {n}\n" for n in BATCH_3[kind])
            + BATCH_4_COMMENT
            + "\n"
            + "".join(f"  - {n}\n" for n in BATCH_4[kind])
            + BATCH_5_COMMENT
            + "\n"
            + "".join(f"  - {n}\n" for n in BATCH_5[kind])
            + BATCH_6_COMMENT
            + "\n"
            + "".join(f"  - {n}\n" for n in BATCH_6[kind])
            + "".join(
                comment + "\n" + "".join(f"  - {n}\n" for n in sorted(batch[kind]))
                for comment, batch in (
                    (BATCH_7_COMMENT, BATCH_7),
                    (BATCH_8_COMMENT, BATCH_8),
                    (BATCH_9_COMMENT, BATCH_9),
                    (BATCH_10_COMMENT, BATCH_10),
                    (BATCH_11_COMMENT, BATCH_11),
                )
                if batch[kind]
            )
        )
        tail = tail.replace(last_dev, last_dev + later_batches, 1)
        text = head + f"{kind}:\n" + tail
    (HERE / "split.yaml").write_text(header + text)
    print(text)


if __name__ == "__main__":
    main()
