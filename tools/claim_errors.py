"""List the claim-type and addressee errors of a build against gold (score.py lists only claimants).

    python tools/claim_errors.py GRAPH.ttl GOLD_DIR
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import yaml
from rdflib import Graph, Namespace, RDF, RDFS
from rdflib.namespace import SKOS

TIP = Namespace("https://w3id.org/tipgraph/ontology#")
CLASSES = {"CallToAction", "Commitment", "Statistic", "Endorsement", "Criticism", "Assertion"}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return " ".join(text.split())


def main(graph_file: str, gold_dir: str) -> None:
    g = Graph().parse(graph_file)
    docs = {str(f): d for d, f in g.subject_objects(TIP.sourceFile)}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = docs.get(gold["document"])
        claims = list(g.subjects(TIP.statedIn, doc)) if doc is not None else []
        texts = {c: norm(" ".join(str(t) for t in g.objects(c, TIP.text))) for c in claims}
        for gc in gold.get("claims") or []:
            if gc.get("optional"):
                continue
            hits = [c for c in claims if norm(gc["cue"]) in texts[c]]
            if not hits:
                continue
            got = {str(t).split("#")[-1] for c in hits for t in g.objects(c, RDF.type)} & CLASSES
            if gc["type"] not in got:
                print(f"{gold['document'][:12]} TYPE {gc['type']} got {sorted(got)}: {gc['cue'][:90]!r}")
            if gc.get("addressee"):
                want = {norm(a) for a in ([gc["addressee"]] if isinstance(gc["addressee"], str) else gc["addressee"])}
                have = {norm(str(label)) for c in hits for a in g.objects(c, TIP.addressee)
                        for p in (RDFS.label, SKOS.altLabel) for label in g.objects(a, p)}
                if not want & have:
                    print(f"{gold['document'][:12]} ADDRESSEE {sorted(want)} got {sorted(have)}: {gc['cue'][:80]!r}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
