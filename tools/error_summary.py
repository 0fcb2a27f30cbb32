"""Count a scored set's errors by kind, never printing a document's names or text.

For the blind sets (tests/holdout9, tests/holdout10): it says WHERE the errors are (which metadata field, which
genre read as which, which relation family, whether an event or endpoint is missing) without showing what
they are, so work can go to the kinds of error that matter without fitting the rules to the documents.

    python tools/error_summary.py GRAPH GOLD_DIR
"""
from __future__ import annotations

import collections
import contextlib
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "gold"))
import score  # noqa: E402

PATTERNS = [
    (re.compile(r": genre (\w+) not among \[(.*)\]$"), lambda m: f"genre {m[1]} read as {_genres(m[2])}"),
    (re.compile(r": (speaker|author) .* not found$"), lambda m: f"{m[1]} not found"),
    (re.compile(r": date \S+ not in \[(.*)\]$"), lambda m: "date wrong" if m[1] else "date missing"),
    (re.compile(r": event .* lacks (\w+) "), lambda m: f"event lacks {m[1]}"),
    (re.compile(r": relation .* (\w+) .*: endpoint not in graph$"), None),
    (re.compile(r": relation .*: no link$"), None),
    (re.compile(r": claim missed: "), lambda m: "claim missed"),
    (re.compile(r": claimant of .* should be "), lambda m: "claimant wrong"),
    (re.compile(r": claim not in gold: "), lambda m: "claim not in gold"),
]
FAMILIES = ("affiliatedWith", "partOf", "participant", "locatedIn", "speaker", "deliveredAt", "publisher",
            "organizer", "location", "author", "memberOf", "citesSource", "host", "represents", "aboutCountry")
GENRES = {"Speech", "Statement", "PressRelease", "NewsArticle", "Report", "JointStatement"}


def _genres(types: str) -> str:
    found = sorted(t.strip("' ") for t in types.split(",") if t.strip("' ") in GENRES)
    return "+".join(found) or "none"


def main(graph: str, gold_dir: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score.main([graph, gold_dir, "--show-errors", "--confusion"])
    counts: collections.Counter[str] = collections.Counter()
    confusion: list[str] = []
    for line in out.getvalue().splitlines():
        if line.startswith("{"):
            continue
        m = re.search(r": relation (.+): (endpoint not in graph|no link)$", line)
        if m:
            family = next((w for w in FAMILIES if f" {w} " in f" {m[1]} "), "other")
            counts[f"relation {family}: {m[2]}"] += 1
            continue
        for pattern, label in PATTERNS:
            hit = pattern.search(line)
            if hit and label:
                counts[label(hit)] += 1
                break
        else:
            if re.match(r"^\s*(gold|CallToAction|Commitment|Statistic|Endorsement|Criticism|Assertion|per class|\s)", line) \
                    and not re.search(r"['\"]", line):
                confusion.append(line)
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:4d}  {key}")
    if confusion:
        print("\n".join(confusion))


def claimant_kinds(graph: str, gold_dir: str) -> collections.Counter[str]:
    """Each wrong claimant as (what gold names, what the graph says), in roles, not names.

    "voice" is the document's own voice: gold's speaker or author, or the claimant gold names most often in the
    document (a release's issuer, a story's outlet); on the graph's side, its speaker/author/publisher or the
    claimant it names most often."""
    import yaml

    view = score.View(score.load_graph(graph))
    g, tip = view.g, score.tip
    kinds: collections.Counter[str] = collections.Counter()
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = view.docs.get(gold["document"])
        if doc is None:
            continue
        cands = sorted({r for r in g.subjects(tip("mentionedIn"), doc) if view.coarse(r)}, key=str)
        pairs, _, _ = score.match_entities(gold.get("entities", []), cands, view)
        by_name = {score.norm(n): pairs[i] for i, e in enumerate(gold.get("entities", [])) if i in pairs
                   for n in e["names"]}

        def resolve_any(value):
            names = value if isinstance(value, list) else [value]
            return {by_name.get(score.norm(n)) for n in names if n} - {None}

        claims = list(g.subjects(tip("statedIn"), doc))
        texts = {c: score.norm(" ".join(str(t) for t in g.objects(c, tip("text")))) for c in claims}
        gold_claims = [c for c in gold.get("claims", []) if not c.get("optional")]
        names = collections.Counter(str(c.get("claimant")) for c in gold_claims)
        gold_voice = {str(gold.get("speaker")), str(gold.get("author"))} | ({names.most_common(1)[0][0]} if names else set())
        graph_claimants = collections.Counter(o for c in claims for o in g.objects(c, tip("claimant")))
        graph_voice = {o for p in ("speaker", "author", "publisher") for o in g.objects(doc, tip(p))}
        graph_voice |= {graph_claimants.most_common(1)[0][0]} if graph_claimants else set()
        for gc in gold_claims:
            cue = score.norm(gc["cue"])
            hits = [c for c in claims if cue and cue in texts[c]]
            if not hits:
                continue
            want = resolve_any(gc.get("claimant"))
            got = {o for c in hits for o in g.objects(c, tip("claimant"))}
            if want & got:
                continue
            gold_kind = "voice" if str(gc.get("claimant")) in gold_voice else "quoted/other"
            if not want:
                gold_kind += " (its entity not in the graph)"
            got_kind = "none" if not got else ("voice" if got & graph_voice else "other actor")
            gold_type = "/".join(sorted({view.coarse(r) or "?" for r in want})) or str(gc.get("claimant_type", "?"))
            got_type = "/".join(sorted({view.coarse(r) or "?" for r in got}))
            kinds[f"claimant wrong: gold {gold_kind} {gold_type}, graph {got_kind} {got_type}".rstrip()] += 1
    return kinds


if __name__ == "__main__":
    main(*sys.argv[1:3])
    for key, n in sorted(claimant_kinds(*sys.argv[1:3]).items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:4d}  {key}")
