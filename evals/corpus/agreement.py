"""Agreement between the primary labels (`labels/`) and the independent second pass
(`labels-second/`): Cohen's kappa per element, grade agreement, and defect-kind overlap, for each
second-pass sample (batches 1-2; batch 3; ...; batch 25) and for all doubly-labelled
documents together.

    python evals/corpus/agreement.py        # prints the tables and writes AGREEMENT.md
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
# The charter elements, in the contract's order (as advisor.capabilities.charter.elements.ELEMENTS).
ELEMENTS = (
    *("purpose", "principles", "membership", "governance", "decision_making", "roles", "resources"),
    *("communication", "conflict_resolution", "measurement", "equity", "renewal", "transition"),
)
# How each second-pass sample was drawn (the ids come from sources.yaml; see README.md).
DRAWS = (
    "Batch 1: `random.Random(7).sample(sorted(ids), 28)`. "
    "Batch 2: `random.Random(8).sample(sorted(test), 10)`. "
    "Batch 3: seed 20261202, `sorted(random.Random(20261202).sample(sorted(i for i, s in sources.items() "
    "if s.get('batch') == 3), 15))` over the 42 batch-3 ids of `sources.yaml`; the second annotator "
    "labelled those 15 from the documents and GUIDE.md alone, before opening their `labels/` files. "
    "Batch 4 (the test part since split version 3): `random.Random(20261203).sample(sorted(test), 12)`, "
    "labelled the same way by a fourth annotator. "
    "Batch 5 (the test part since split version 4): "
    "`sorted(random.Random(20261206).sample(sorted(test), 11))` "
    "over the test ids other than codeforct-steering-committee-bylaws, which collectors A and C had each "
    "found and labelled independently (A's labels are primary, C's its second pass); the 11 were labelled "
    "by a fifth annotator from the documents and GUIDE.md alone. "
    "Batch 6 (the test part since split version 5): `sorted(random.Random(20261203).sample(ids, 10))` "
    "over the 31 ids the first three collectors stored, other than opentitan-working-group-tor, which "
    "collectors B and C had each found and labelled independently (C's labels are primary, B's its second "
    "pass); the 10 were labelled by a sixth annotator from the documents and GUIDE.md alone (the fourth "
    "collector's documents came later and are not in the sample). "
    "Batch 7 (the test part since split version 6): `sorted(random.Random(20261204).sample(ids, 8))` over "
    "the 25 ids collectors A, C and D stored first, plus hermes-governance and odc-governance, which "
    "collectors A and C had each found and labelled independently (C's labels are primary, A's the "
    "second pass); the 8 were labelled by a seventh annotator from the documents and GUIDE.md alone. "
    "Batch 8 (the test part since split version 7): `sorted(random.Random(20261206).sample(pool, 8))` over "
    "the test ids other than maplibre-charter and gc-cto-open-source-advisory-board-tor, which two "
    "collectors had each found and labelled independently (the second collector's labels are the second "
    "pass); the 8 were labelled by an eighth annotator from the documents and GUIDE.md alone. "
    "Batch 9 (the test part since split version 8): 8 drawn with seed 20261212, labelled by a ninth "
    "annotator (annotator-s9), and two documents two collectors stored independently. "
    "Batch 10 (the test part since split version 9): `sorted(random.Random(20261207).sample(ids, 10))` "
    "over the 31 ids collectors a, b and c stored under open licences (collector d's came later); the 10 "
    "were labelled by a tenth annotator (second-pass-10) from the documents and GUIDE.md alone. "
    "Batch 11 (the test part since split version 10): `sorted(random.Random(20261208).sample(ids, 10))` "
    "over the 38 ids stored under open licences; the 10 were labelled by an eleventh annotator "
    "(second-pass-11) from the documents and GUIDE.md alone. "
    "Batch 12 (the test part since split version 11): `sorted(random.Random(20261209).sample(ids, 10))` "
    "over the 40 ids stored; the 10 were labelled by a twelfth annotator (second-pass-12) from the "
    "documents and GUIDE.md alone. "
    "Batch 13 (the test part since split version 12): `sorted(random.Random(20261210).sample(ids, 10))` "
    "over the 38 ids stored (the five copyleft ones left out); the 10 were labelled by a thirteenth "
    "annotator (second-pass) from the documents and GUIDE.md alone. "
    "Batch 14 (the test part since split version 13): `sorted(random.Random(20261211).sample(ids, 10))` "
    "over the 39 ids stored (the copyleft one left out); the 10 were labelled by a fourteenth annotator "
    "(second-pass) from the documents and GUIDE.md alone. "
    "Batch 15 (the test part since split version 14): `sorted(random.Random(20261212).sample(ids, 10))` "
    "over the 35 ids stored (the three copyleft ones left out); the 10 were labelled by a fifteenth "
    "annotator (second-pass) from the documents and GUIDE.md alone. "
    "Batch 16 (with batch 17, the test part of split version 15): "
    "`sorted(random.Random(20261213).sample(ids, 10))` over the 18 ids stored; the 10 were labelled by "
    "a sixteenth annotator (second-pass) from the documents and GUIDE.md alone. "
    "Batch 17 (with batch 16, the test part of split version 15): "
    "`sorted(random.Random(20261214).sample(ids, 10))` over the 33 ids stored (the nine copyleft ones "
    "left out); the 10 were labelled by a seventeenth annotator (second-pass) from the documents and "
    "GUIDE.md alone. "
    "Batch 18 (with batch 19, the test part of split version 16): "
    "`sorted(random.Random(20261215).sample(ids, 10))` over the 30 ids stored (the two copyleft ones "
    "left out); the 10 were labelled by an eighteenth annotator (second-pass) from the documents and "
    "GUIDE.md alone. "
    "Batch 19 (with batch 18, the test part of split version 16): "
    "`sorted(random.Random(20261216).sample(ids, 10))` over the 29 ids stored (the five copyleft ones "
    "left out); the 10 were labelled by a nineteenth annotator (second-pass) from the documents and "
    "GUIDE.md alone. "
    "Batch 20 (the test part of split version 17): "
    "`sorted(random.Random(20261217).sample(ids, 10))` over the 23 non-copyleft ids its first three "
    "collectors had stored when the sample was drawn (the 17 stored later, by two more collectors and "
    "in the twenty-seventh session, are not in it); the 10 were labelled by a twentieth annotator "
    "(second-pass) from the documents and GUIDE.md alone. "
    "Batch 21 (the test part since split version 18): all 10 documents collected in the twenty-eighth "
    "session (seed 20261218, so every one), labelled by a twenty-first annotator, and "
    "`sorted(random.Random(20261219).sample(ids, 10))` over the 26 non-copyleft ids collected in the "
    "twenty-ninth session, labelled by a twenty-second; each from the documents and GUIDE.md alone. "
    "Batch 22 (the test part since split version 19): `sorted(random.Random(20261220).sample(ids, 10))` "
    "over the 17 non-copyleft ids staged in the thirtieth session, labelled by a twenty-third annotator, "
    "and `sorted(random.Random(20261221).sample(ids, 10))` over the 25 non-copyleft ids collected in the "
    "thirty-first session, labelled by a twenty-fourth; each from the documents and GUIDE.md alone. "
    "Batch 23: `sorted(random.Random(20261222).sample(ids, 10))` "
    "over the 19 ids staged in the thirty-first session, labelled by a twenty-fifth annotator; "
    "`sorted(random.Random(20261223).sample(ids, 8))` over the 12 collected first in the thirty-second "
    "session, labelled by a twenty-sixth; `sorted(random.Random(20261224).sample(ids, 2))` over the 3 a "
    "third collector added, labelled by a twenty-seventh (the last collector's 4 have no second pass); "
    "each from the documents and GUIDE.md alone. "
    "Batch 24: `sorted(random.Random(20261225).sample(ids, 3))` "
    "over the 6 ids staged in the thirty-second session, labelled by a twenty-eighth annotator; "
    "`sorted(random.Random(20261226).sample(ids, 10))` over the 24 ids the first six collectors of the "
    "thirty-third session had labelled (two later collectors' 7 have no second pass), labelled by a "
    "twenty-ninth; each from the documents and GUIDE.md alone. "
    "Batch 25: `sorted(random.Random(20261227).sample(ids, 10))` "
    "over the 25 ids staged first in the thirty-fourth session, labelled by a thirtieth annotator; "
    "`sorted(random.Random(20261229).sample(ids, 5))` over the 15 three later collectors added, labelled "
    "by a thirty-first; each from the documents and GUIDE.md alone. "
    "Batch 26: `sorted(random.Random(20261230).sample(ids, 15))` "
    "over the 44 ids six collectors of the thirty-fifth session labelled for storing, labelled by a "
    "thirty-second and a thirty-third annotator (8 and 7; one of the 15, jupyter-accessibility-governance, "
    "was lost before it was stored); each from the documents and GUIDE.md alone. "
    "Batches 27 and 28: for batch 27, "
    "`sorted(random.Random(20261231).sample(ids, 10))` over the 21 ids three collectors of the thirty-fifth "
    "session labelled, labelled by a thirty-fourth annotator; for batch 28, "
    "`sorted(random.Random(20261232).sample(ids, 8))` over the 10 ids the first three collectors of the "
    "thirty-sixth session stored and `sorted(random.Random(20261233).sample(ids, 8))` over the 18 the next "
    "three stored, each eight labelled by two annotators (four each); each from the documents and "
    "GUIDE.md alone. "
    "Batches 29 and 30: for batch 29, "
    "`sorted(random.Random(20261234).sample(ids, 8))` over the 28 ids five collectors of the thirty-sixth "
    "session stored; for batch 30, `sorted(random.Random(20261235).sample(ids, 8))` over the 25 ids five "
    "collectors of the thirty-seventh session stored; each eight labelled by two annotators (four each), "
    "from the documents and GUIDE.md alone. "
    "Batches 31 and 32: for batch 31, "
    "`sorted(random.Random(20261236).sample(ids, 6))` over the 10 ids collectors of the thirty-seventh "
    "session stored; for batch 32, `sorted(random.Random(20261237).sample(ids, 8))` over the 25 ids the "
    "first five collectors of the thirty-eighth session labelled (labelled by two annotators, four each) "
    "and `sorted(random.Random(20261238).sample(ids, 3))` over the 9 the two later collectors labelled "
    "(labelled by a third); each from the documents and GUIDE.md alone. "
    "Batch 33: `sorted(random.Random(20261239).sample(ids, 12))` "
    "over the 34 ids the first seven collectors of the thirty-ninth session stored, labelled by two "
    "annotators (six each), from the documents and GUIDE.md alone. "
    "Batch 34: `random.Random(20261240).sample(ids, 8)` over the 21 "
    "ids the first four collectors late in the thirty-ninth session stored, and all 4 the three later "
    "ones stored; then `random.Random(20261241).sample(ids, 8)` over the 20 ids the seven collectors of "
    "the fortieth session stored (two annotators, four each); each from the documents and GUIDE.md alone. "
    "Batch 35 (the test part since split version 29): `random.Random(20261242).sample(ids, 4)` over the "
    "first 7 ids the collectors late in the fortieth session stored, `random.Random(20261243).sample(ids, "
    "4)` over the next 10, and both of the last 2; then `sorted(random.Random(20261244).sample(ids, 9))` "
    "over the 17 ids from new organisations the collectors of the forty-first session stored (three "
    "annotators, three each); each from the documents and GUIDE.md alone. "
    "Batch 36 (with batch 35, the test part of split version 29): "
    "`sorted(random.Random(20261246).sample(ids, 2))` over its 3 ids, labelled by one annotator from the "
    "documents and GUIDE.md alone. "
    "Batch 37 (the test part of split version 30): 16 ids drawn with seeds 20261245 and 20261246 over the "
    "ids the thirteen collectors of the forty-second session stored, labelled by three annotators from "
    "the documents and GUIDE.md alone."
)

# What the batch-3 disagreements led to (static; the labels themselves are not edited case by case).
SETTLED = (
    "Batch-3 disagreements: 21 element statuses in 12 of the 15 documents. GUIDE.md section 7, items 13-20, "
    "settles 17 of them (10 as the second pass had them, 7 as the first pass had them): voting mechanics "
    "are decision_making, not principles; publicity clearance and representation are communication; values "
    "about the cause, welcomes and stances; expense rules and named secretariat support are resources; "
    "roster seat labels and regional restrictions; a generic duty is not a duty; escalation 'as needed'; "
    "duration clauses. Neither label set was edited case by case. The other 4 are readings the guide "
    "already covers: eheza-governance purpose (a committee's duty list as remit), rladies-chapter-rules "
    "roles (hence its grade, 1 against 2), lfenergy-special-interest-groups transition (a 'recommended' "
    "succession model is weak by 1.2) and rzzt-pr-marketing-committee-tor measurement (a progress report "
    "with no stated content is weak by 2.10)."
)


def cohen_kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two raters over the same items (1 = perfect, 0 = chance)."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def load(folder: Path) -> dict[str, dict[str, object]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


def figures(first: dict[str, dict], second: dict[str, dict], ids: list[str]) -> dict[str, object]:
    """Per-element (agreement, kappa), the same over all elements, grade and defect-kind overlap."""
    per: dict[str, tuple[float, float]] = {}
    all_a: list[str] = []
    all_b: list[str] = []
    for element in ELEMENTS:
        a = [first[i]["elements"][element]["status"] for i in ids]
        b = [second[i]["elements"][element]["status"] for i in ids]
        all_a += a
        all_b += b
        per[element] = (sum(x == y for x, y in zip(a, b, strict=True)) / len(ids), cohen_kappa(a, b))
    per["**all elements**"] = (
        sum(x == y for x, y in zip(all_a, all_b, strict=True)) / len(all_a),
        cohen_kappa(all_a, all_b),
    )
    grades = [(int(first[i]["grade"]), int(second[i]["grade"])) for i in ids]
    kinds = [
        (
            {d["kind"] for d in first[i].get("defects") or []},
            {d["kind"] for d in second[i].get("defects") or []},
        )
        for i in ids
    ]
    return {
        "n": len(ids),
        "per": per,
        "exact": sum(x == y for x, y in grades) / len(ids),
        "within": sum(abs(x - y) <= 1 for x, y in grades) / len(ids),
        "both": sum(len(a & b) for a, b in kinds),
        "either": sum(len(a | b) for a, b in kinds),
    }


def main() -> None:
    first, second = load(HERE / "labels"), load(HERE / "labels-second")
    sources = yaml.safe_load((HERE / "sources.yaml").read_text(encoding="utf-8"))
    ids = sorted(set(first) & set(second))
    groups = {
        "batches 1-2": [i for i in ids if sources[i].get("batch", 1) in (1, 2)],
        "batch 3": [i for i in ids if sources[i].get("batch") == 3],
        "batch 4": [i for i in ids if sources[i].get("batch") == 4],
        "batch 5": [i for i in ids if sources[i].get("batch") == 5],
        "batch 6": [i for i in ids if sources[i].get("batch") == 6],
        "batch 7": [i for i in ids if sources[i].get("batch") == 7],
        "batch 8": [i for i in ids if sources[i].get("batch") == 8],
        "batch 9": [i for i in ids if sources[i].get("batch") == 9],
        "batch 10": [i for i in ids if sources[i].get("batch") == 10],
        "batch 11": [i for i in ids if sources[i].get("batch") == 11],
        "batch 12": [i for i in ids if sources[i].get("batch") == 12],
        "batch 13": [i for i in ids if sources[i].get("batch") == 13],
        "batch 14": [i for i in ids if sources[i].get("batch") == 14],
        "batch 15": [i for i in ids if sources[i].get("batch") == 15],
        "batch 16": [i for i in ids if sources[i].get("batch") == 16],
        "batch 17": [i for i in ids if sources[i].get("batch") == 17],
        "batch 18": [i for i in ids if sources[i].get("batch") == 18],
        "batch 19": [i for i in ids if sources[i].get("batch") == 19],
        "batch 20": [i for i in ids if sources[i].get("batch") == 20],
        "batch 21": [i for i in ids if sources[i].get("batch") == 21],
        "batch 22": [i for i in ids if sources[i].get("batch") == 22],
        "batch 23": [i for i in ids if sources[i].get("batch") == 23],
        "batch 24": [i for i in ids if sources[i].get("batch") == 24],
        "batch 25": [i for i in ids if sources[i].get("batch") == 25],
        "batch 26": [i for i in ids if sources[i].get("batch") == 26],
        "batch 27": [i for i in ids if sources[i].get("batch") == 27],
        "batch 28": [i for i in ids if sources[i].get("batch") == 28],
        "batch 29": [i for i in ids if sources[i].get("batch") == 29],
        "batch 30": [i for i in ids if sources[i].get("batch") == 30],
        "batch 31": [i for i in ids if sources[i].get("batch") == 31],
        "batch 32": [i for i in ids if sources[i].get("batch") == 32],
        "batch 33": [i for i in ids if sources[i].get("batch") == 33],
        "batch 34": [i for i in ids if sources[i].get("batch") == 34],
        "batch 35": [i for i in ids if sources[i].get("batch") == 35],
        "batch 36": [i for i in ids if sources[i].get("batch") == 36],
        "batch 37": [i for i in ids if sources[i].get("batch") == 37],
        "all": ids,
    }
    stats = {name: figures(first, second, group) for name, group in groups.items() if group}
    head = "| element | " + " | ".join(f"{k} ({s['n']}): agreement | kappa" for k, s in stats.items()) + " |"
    rows = [head, "|---|" + "---|---|" * len(stats)]
    for element in (*ELEMENTS, "**all elements**"):
        cells = " | ".join(f"{s['per'][element][0]:.2f} | {s['per'][element][1]:.2f}" for s in stats.values())
        rows.append(f"| {element} | {cells} |")
    summary = []
    for name, s in stats.items():
        summary.append(
            f"- {name} ({s['n']} documents): overall grade (1-5) exact {s['exact']:.2f}, within one step "
            f"{s['within']:.2f}; defect kinds per document: {s['both']} of {s['either']} (document, kind) "
            f"pairs named by both (Jaccard {s['both'] / max(s['either'], 1):.2f})."
        )
    text = "\n".join(
        [
            "# Labelling agreement",
            "",
            f"{len(ids)} documents labelled twice, independently (primary: `labels/`, second: "
            "`labels-second/`), by the guide in GUIDE.md. Produced by `python evals/corpus/agreement.py`.",
            "",
            f"Samples: {DRAWS}",
            "",
            *rows,
            "",
            *summary,
            "",
            SETTLED,
            "",
        ]
    )
    (HERE / "AGREEMENT.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
