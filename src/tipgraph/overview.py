"""The overview page for large graphs (`tipgraph render`, `tipgraph build`).

Past `render.OVERVIEW_THRESHOLD` (5,000) drawn nodes, one node per claim and per
entity no longer fits a browser: at 1,000 documents the full page is 66 MB
and takes seconds per click. The overview page instead

- draws the most claimed-about actors, countries and events
  (`OVERVIEW_NODES`, sized by the claims they make or are the subject of),
  with claims folded into edges: claimant -> addressee/subject, labelled with
  the number of claims;
- carries every entity of the graph in compact columns (label, class,
  counts, a few source sentences, its strongest neighbours), so that
  clicking a node expands its neighbourhood and searching finds any entity,
  from data in the page, with no server;
- lists claims as text in the side panel, a bounded sample per entity
  (`CLAIMS_PER_ENTITY`, within `CLAIM_TEXT_BUDGET` characters for the whole
  page) with the total count, so the file stays small (under 30 MB for
  10,000 documents); every claim remains in the Turtle and `tipgraph query`.

It reads what `render._read` and `render._edges` read, so the two pages
agree on what the graph holds. Untrusted text reaches the page only inside
the JSON block, escaped as in `render._json_for_script`, and the page puts it
on screen with textContent.
"""
from __future__ import annotations

import re
from collections import defaultdict

from tipgraph.namespaces import TIPID, local_name

# Classes of the nodes drawn when the page opens.
ACTOR_CLASSES = (
    "Person",
    "GovernmentBody",
    "InternationalOrganization",
    "CivilSocietyOrganization",
    "MediaOrganization",
    "Organization",
    "Country",
)
EVENT_CLASSES = ("Conference", "Workshop", "Meeting", "Event")
OVERVIEW_CLASSES = frozenset(ACTOR_CLASSES + EVENT_CLASSES)

OVERVIEW_NODES = 800  # drawn when the page opens
OVERVIEW_EDGES = 3000  # strongest links among them
NEIGHBOURS_KEPT = 80  # per entity, strongest first: what "expand" can add
CLAIMS_PER_ENTITY = 12  # claim texts listed in the panel, per entity
CLAIM_CHARS = 260  # a claim's text in the panel is cut to this length
CLAIM_TEXT_BUDGET = 6_000_000  # characters of claim text in the whole page
SOURCES_PER_ENTITY = 4  # source sentences per entity
SOURCE_CHARS = 240
SOURCE_TEXT_BUDGET = 2_500_000
ALT_LABELS_KEPT = 6
LABEL_CHARS = 140
CLAIMANT = "claimant"
CLAIMS_LINK = "claims"  # the link kind of claims folded into an edge


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _short_id(iri: str) -> str:
    base = str(TIPID)
    return iri[len(base):] if iri.startswith(base) else iri


def overview_data(nodes: dict, documents: dict[str, str], ids: list[str], edges: list[tuple[str, str, str]],
                  *, title: str, colours: dict[str, str], class_order: tuple[str, ...],
                  layout) -> dict:
    """The page data: entity columns, the claims sample, links, and the drawn overview."""
    drawn = set(ids)
    entity_ids = sorted(iri for iri in drawn if nodes[iri].kind == "entity")
    entity_index = {iri: i for i, iri in enumerate(entity_ids)}
    claim_ids = sorted(iri for iri in drawn if nodes[iri].kind == "claim")

    # Claims folded into entity -> entity counts.
    claimant_of: dict[str, str] = {}
    targets_of: dict[str, set[str]] = defaultdict(set)
    relations: dict[tuple[int, int, str], int] = {}
    prop_names: dict[str, str] = {}
    for s, p, o in edges:
        s_node, o_node = nodes.get(s), nodes.get(o)
        if s_node is None or o_node is None:
            continue
        prop = prop_names.get(p) or prop_names.setdefault(p, local_name(p))
        if s_node.kind == "claim" and o_node.kind == "entity":
            if prop == CLAIMANT:
                claimant_of.setdefault(s, o)  # one claimant by contract; the first in sorted order otherwise
            else:
                targets_of[s].add(o)
        elif s_node.kind == "entity" and o_node.kind == "entity":
            relations[(entity_index[s], entity_index[o], prop)] = 1

    claims_of: dict[int, list[tuple[int, str]]] = defaultdict(list)  # entity -> [(0 claimant / 1 subject, claim)]
    pair_counts: dict[tuple[int, int], int] = defaultdict(int)
    for claim in claim_ids:
        speaker = claimant_of.get(claim)
        involved = set(targets_of.get(claim, ()))
        if speaker is not None:
            claims_of[entity_index[speaker]].append((0, claim))
            for target in involved - {speaker}:
                pair_counts[(entity_index[speaker], entity_index[target])] += 1
        for target in sorted(involved - {speaker}):
            claims_of[entity_index[target]].append((1, claim))
    claim_count = [len(claims_of.get(i, ())) for i in range(len(entity_ids))]

    # Links per entity, both directions: (neighbour, kind, count, outgoing?).
    kinds = [CLAIMS_LINK] + sorted({prop for _, _, prop in relations})
    kind_index = {k: i for i, k in enumerate(kinds)}
    links: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
    for (a, b), count in pair_counts.items():
        links[a].append((b, kind_index[CLAIMS_LINK], count, 1))
        links[b].append((a, kind_index[CLAIMS_LINK], count, 0))
    for (a, b, prop), count in relations.items():
        links[a].append((b, kind_index[prop], count, 1))
        links[b].append((a, kind_index[prop], count, 0))

    def strength(link):
        other, kind, count, out = link
        return (-count, -claim_count[other], entity_ids[other], kind, -out)

    link_columns = []
    for i in range(len(entity_ids)):
        kept = sorted(links.get(i, ()), key=strength)[:NEIGHBOURS_KEPT]
        link_columns.append([value for link in kept for value in link])

    # Which entities open the page: most claims, then most mentions.
    ranked = sorted(
        (i for i, iri in enumerate(entity_ids) if nodes[iri].cls in OVERVIEW_CLASSES),
        key=lambda i: (-claim_count[i], -nodes[entity_ids[i]].mentions, entity_ids[i]),
    )
    opening = sorted(ranked[:OVERVIEW_NODES])
    opening_set = set(opening)
    opening_links: dict[tuple[int, int], tuple[int, int]] = {}
    for (a, b), count in pair_counts.items():
        if a in opening_set and b in opening_set:
            opening_links[(a, b)] = (kind_index[CLAIMS_LINK], count)
    for (a, b, prop), count in relations.items():
        if a in opening_set and b in opening_set and (a, b) not in opening_links:
            opening_links[(a, b)] = (kind_index[prop], count)
    strongest = sorted(opening_links.items(), key=lambda item: (-item[1][1], item[0]))[:OVERVIEW_EDGES]
    opening_edges = sorted([a, b, kind, count] for (a, b), (kind, count) in strongest)
    positions = layout([entity_ids[i] for i in opening],
                       [(entity_ids[a], "", entity_ids[b]) for a, b, _, _ in opening_edges])

    doc_names = sorted(set(documents.values()))
    doc_index = {name: i for i, name in enumerate(doc_names)}

    def doc_ref(doc_iri: str) -> int:
        return doc_index.get(documents.get(doc_iri, ""), -1)

    # The claims sample, most important entities first, within the text budget.
    claim_table: dict[str, int] = {}
    claim_rows: list[list] = []
    budget = CLAIM_TEXT_BUDGET
    listed: list[list[int]] = [[] for _ in entity_ids]
    by_importance = sorted(range(len(entity_ids)), key=lambda i: (-claim_count[i], entity_ids[i]))
    claim_order = {claim: _claim_order(nodes[claim], documents) for claim in claim_ids}
    for i in by_importance:
        if budget <= 0:
            break
        for _, claim in sorted(claims_of.get(i, ()), key=lambda c: (c[0], claim_order[c[1]]))[:CLAIMS_PER_ENTITY]:
            if claim not in claim_table:
                node = nodes[claim]
                text = _cut(node.text or node.label, CLAIM_CHARS)
                if budget < len(text):
                    budget = 0
                    break
                budget -= len(text)
                speaker = claimant_of.get(claim)
                claim_table[claim] = len(claim_rows)
                stated = sorted(node.docs)
                claim_rows.append([
                    class_order.index(node.cls),
                    text,
                    doc_ref(stated[0]) if stated else -1,
                    entity_index[speaker] if speaker is not None else -1,
                ])
            listed[i].append(claim_table[claim])

    sources: list[list] = []
    budget = SOURCE_TEXT_BUDGET
    for i, iri in enumerate(entity_ids):
        rows = []
        for doc_iri, _, anchor, sentence in nodes[iri].sources[:SOURCES_PER_ENTITY]:
            text = _cut(sentence, SOURCE_CHARS)
            if budget < len(text):
                break
            budget -= len(text)
            rows.append([doc_ref(doc_iri), anchor, text])
        sources.append(rows)

    classes_present = sorted({nodes[iri].cls for iri in entity_ids}, key=class_order.index)
    entity_counts: dict[str, int] = defaultdict(int)
    for iri in entity_ids:
        entity_counts[nodes[iri].cls] += 1
    claim_counts: dict[str, int] = defaultdict(int)
    for iri in claim_ids:
        claim_counts[nodes[iri].cls] += 1
    legend = [{"name": c, "colour": colours[c], "kind": "entity", "count": entity_counts[c]} for c in classes_present]
    legend += [
        {"name": c, "colour": colours[c], "kind": "claim", "count": claim_counts[c]}
        for c in sorted(claim_counts, key=class_order.index)
    ]
    class_ids = [class_order.index(nodes[iri].cls) for iri in entity_ids]
    return {
        "mode": "overview",
        "title": title,
        "base": str(TIPID),
        "classNames": list(class_order),
        "colours": [colours.get(c, "#999999") for c in class_order],
        "classes": legend,
        "documents": doc_names,
        "kinds": kinds,
        "totals": {"entities": len(entity_ids), "claims": len(claim_ids), "claimsListed": len(claim_rows)},
        "entities": {
            "id": [_short_id(iri) for iri in entity_ids],
            "label": [_cut(nodes[iri].label, LABEL_CHARS) for iri in entity_ids],
            "alt": [[_cut(a, LABEL_CHARS) for a in nodes[iri].alt_labels[:ALT_LABELS_KEPT]] for iri in entity_ids],
            "cls": class_ids,
            "claims": claim_count,
            "mentions": [nodes[iri].mentions for iri in entity_ids],
            "docs": [len(nodes[iri].docs) for iri in entity_ids],
            "links": link_columns,
            "listed": listed,
            "sources": sources,
        },
        "claims": claim_rows,
        "opening": {
            "nodes": opening,
            "x": [positions[entity_ids[i]][0] for i in opening],
            "y": [positions[entity_ids[i]][1] for i in opening],
            "edges": opening_edges,
        },
    }


def _claim_order(node, documents: dict[str, str]):
    stated = sorted(documents.get(d, "") for d in node.docs)
    start = node.sources[0][1] if node.sources else 0
    return (stated[0] if stated else "", start, node.iri)


def overview_page(title: str, data: dict, *, options: dict, asset, vis_asset, inline, json_for_script) -> str:
    """The HTML page (assets/overview.html) around `data`."""
    data = {**data, "options": options}
    parts = {
        "TITLE": _escape(title),
        "VIS_CSS": inline("style", vis_asset("vis-network.css")),
        "PAGE_CSS": inline("style", asset("render.css") + "\n" + asset("overview.css")),
        "VIS_JS": inline("script", vis_asset("vis-network.min.js")),
        "PAGE_JS": inline("script", asset("overview.js")),
        "DATA": json_for_script(data),
    }
    return re.sub(r"@@TIPGRAPH_([A-Z_]+)@@", lambda m: parts[m.group(1)], asset("overview.html"))


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)
