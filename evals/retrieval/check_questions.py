"""Check the labelled retrieval questions (questions-v2.yaml) against the guide.

    python evals/retrieval/check_questions.py            # check, print counts; exit 1 on any error
    python evals/retrieval/check_questions.py --fix      # also rewrite passages written with
                                                          # single spaces into the document's exact
                                                          # text (line breaks of hard-wrapped docs)

Plain Python + PyYAML. Checks: ids q2-NNN and unique; kind/style values; topic stems exist in
knowledge/; workspace ids exist in evals/corpus/docs/; every passage an exact substring of one of the
question's workspace documents, 10-40 words; label fields consistent with kind.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
QUESTIONS = HERE / "questions-v2.yaml"
KNOWLEDGE = ROOT / "knowledge"
DOCS = ROOT / "evals" / "corpus" / "docs"

KINDS = {"knowledge", "workspace", "both", "unanswerable"}
STYLES = {"direct", "indirect", "emotional", "jargon", "short"}
FIELDS = {"id", "question", "kind", "style", "expected", "workspace", "passages", "note"}
# Words that do not count toward the guide's "at most one content word shared with the best passage".
STOP = set(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "each",
        "even",
        "ever",
        "for",
        "from",
        "get",
        "gets",
        "got",
        "had",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "let",
        "like",
        "may",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "no",
        "not",
        "now",
        "of",
        "on",
        "one",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "say",
        "says",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "under",
        "until",
        "up",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "coalition",
        "group",
        "member",
        "members",
        "meeting",
        "meetings",
        "chair",
        "committee",
        "board",
        "council",
        "steering",
    ]
)


def content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'-]+", text.lower())
    return {w.rstrip("s") for w in words if w not in STOP and len(w) > 2}


def doc_path(doc_id: str) -> Path | None:
    hits = sorted(p for p in DOCS.iterdir() if p.stem == doc_id)
    return hits[0] if hits else None


def exact_from_normalized(passage: str, text: str) -> str | None:
    """The document's exact substring matching `passage` up to runs of whitespace."""
    words = passage.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.findall(pattern, text)
    return found[0] if len(found) >= 1 else None


def main(argv: list[str]) -> int:
    fix = "--fix" in argv
    raw = QUESTIONS.read_text(encoding="utf-8")
    items = yaml.safe_load(raw)
    topics = {p.stem for p in KNOWLEDGE.glob("*.md")}
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[str] = set()
    fixes = 0

    for n, q in enumerate(items, 1):
        qid = q.get("id", f"#{n}")
        where = f"{qid}:"
        extra = set(q) - FIELDS
        if extra:
            errors.append(f"{where} unknown fields {sorted(extra)}")
        if not re.fullmatch(r"q[234]-\d{3}", str(qid)):
            errors.append(f"{where} id not of the form q2-NNN, q3-NNN or q4-NNN")
        if qid in seen:
            errors.append(f"{where} duplicate id")
        seen.add(qid)
        if not str(q.get("question", "")).strip():
            errors.append(f"{where} empty question")
        kind, style = q.get("kind"), q.get("style")
        if kind not in KINDS:
            errors.append(f"{where} kind {kind!r} not in {sorted(KINDS)}")
        if style not in STYLES:
            errors.append(f"{where} style {style!r} not in {sorted(STYLES)}")
        if style == "short" and len(str(q.get("question", "")).split()) > 7:
            errors.append(f"{where} style short but more than seven words")
        expected = q.get("expected") or []
        workspace = q.get("workspace") or []
        passages = q.get("passages") or []
        if len(expected) != len(set(expected)):
            errors.append(f"{where} repeated topic in expected")
        for t in expected:
            if t not in topics:
                errors.append(f"{where} unknown topic {t!r}")
        if len(expected) > 3:
            errors.append(f"{where} more than 3 expected topics")
        if len(workspace) > 3:
            errors.append(f"{where} more than 3 workspace docs")
        texts = {}
        for d in workspace:
            p = doc_path(d)
            if p is None:
                errors.append(f"{where} unknown workspace doc {d!r}")
            else:
                texts[d] = p.read_text(encoding="utf-8")
        # kind consistency
        if kind == "knowledge" and (not expected or workspace or passages):
            errors.append(f"{where} knowledge needs expected topics and no workspace/passages")
        if kind == "workspace" and (expected or not workspace or not passages):
            errors.append(f"{where} workspace needs workspace docs and passages, no expected topics")
        if kind == "both" and (not expected or not workspace or not passages):
            errors.append(f"{where} both needs expected topics, workspace docs and passages")
        if kind == "unanswerable" and (expected or passages):
            errors.append(f"{where} unanswerable needs expected: [] and passages: []")
        for i, passage in enumerate(passages):
            words = len(passage.split())
            if not 10 <= words <= 40:
                errors.append(f"{where} passage {i} has {words} words (10-40)")
            if any(passage in t for t in texts.values()):
                continue
            exact = None
            for t in texts.values():
                exact = exact_from_normalized(passage, t)
                if exact:
                    break
            if exact and fix:
                passages[i] = exact
                fixes += 1
            elif exact:
                errors.append(
                    f"{where} passage {i} matches only with whitespace collapsed "
                    f"(run with --fix): {passage[:60]!r}"
                )
            else:
                errors.append(f"{where} passage {i} not found in {workspace}: {passage[:70]!r}")

        if passages and kind in ("workspace", "both"):
            qwords = content_words(str(q.get("question", "")))
            shared = min((qwords & content_words(p) for p in passages), key=len)
            if len(shared) > 1:
                warnings.append(
                    f"{where} shares {len(shared)} content words with its closest passage: {sorted(shared)}"
                )

    if fix and fixes:
        QUESTIONS.write_text(dump(items), encoding="utf-8")
        print(f"fixed {fixes} passages to the documents' exact text")

    print(f"{len(items)} questions")
    for field in ("kind", "style"):
        counts = collections.Counter(q.get(field) for q in items)
        print(f"  per {field}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    cross = collections.Counter((q.get("kind"), q.get("style")) for q in items)
    print("  kind x style: " + ", ".join(f"{k}/{s} {v}" for (k, s), v in sorted(cross.items())))
    docs = collections.Counter(d for q in items for d in (q.get("workspace") or []))
    print(f"  workspace docs used: {len(docs)}")
    topics_used = collections.Counter(t for q in items for t in (q.get("expected") or []))
    print(
        f"  topics used: {len(topics_used)} of {len(topics)}; unused: "
        f"{sorted(topics - set(topics_used)) or 'none'}"
    )
    multi = sum(1 for q in items if len(q.get("expected") or []) > 1)
    print(f"  questions with more than one expected topic: {multi}")
    if warnings:
        print(f"\n{len(warnings)} warnings (word overlap; judge each, see the guide):")
        for w in warnings:
            print("  " + w)
    if errors:
        print(f"\n{len(errors)} errors:")
        for e in errors:
            print("  " + e)
        return 1
    print("ok")
    return 0


HEADER = """\
# Retrieval questions v2 (issue 12, item 1): a coalition leader's questions, written and labelled blind
# to the retriever by evals/retrieval/GUIDE-questions.md. kind: knowledge | workspace | both |
# unanswerable; expected: knowledge stems, best first; workspace: corpus doc ids (evals/corpus/docs);
# passages: exact substrings of those docs that answer. Split: split-questions.yaml (test is locked).
"""


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str):
    # Passages from hard-wrapped documents keep their line breaks: write them as literal blocks.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(items: list[dict]) -> str:
    order = ["id", "question", "kind", "style", "expected", "workspace", "passages", "note"]
    out = [HEADER]
    body = []
    for q in items:
        body.append({k: q[k] for k in order if k in q})
    out.append(yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100))
    return "".join(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
