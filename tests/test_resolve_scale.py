"""Resolution across many documents: the indexes that keep it from comparing each mention with every
group (event names, people's short names) decide as the rules say, whatever the corpus size."""
from tipgraph.model import EVENT, CONFERENCE, PERSON, DocumentInfo, EntityMention, Extraction, SourceDocument, Span
from tipgraph.resolve import resolve
from tipgraph.vocab import load_vocabulary


def _doc(i: int, names: list[tuple[str, str]]) -> Extraction:
    text = ". ".join(name for _, name in names) + "."
    mentions, at = [], 0
    for cls, name in names:
        mentions.append(EntityMention(cls=cls, span=Span(at, at + len(name), name), name=name, sentence=(0, len(text))))
        at += len(name) + 2
    doc_id = f"d{i:04d}"
    return Extraction(document=SourceDocument(doc_id, f"{doc_id}.txt", text), info=DocumentInfo(), mentions=mentions)


def test_event_and_short_name_groups_over_many_documents():
    n = 600
    extractions = [
        _doc(i, [(EVENT, "conference"), (CONFERENCE, "Harbour Safety Forum" if i % 2 else "Forum on Harbour Safety"),
                 (CONFERENCE, "Harbour Safety Summit"),
                 (CONFERENCE, "Regional Consultation on Labour Migration Routes"),
                 (PERSON, f"Ilse Varga{i % 3}"), (PERSON, f"Varga{i % 3}")])
        for i in range(n)
    ]
    resolver = resolve(extractions, load_vocabulary())
    by_label: dict[str, list] = {}
    for entity in resolver.entities.values():
        by_label.setdefault(entity.label, []).append(entity)
    # every mention resolved once, the bare event nouns (one group per document) to their one IRI
    assert len(resolver.by_mention) == 6 * n
    assert [len(e.mentions) for e in by_label["conference"]] == [n]
    # a three-word name joins the same words in other documents (however ordered), not a near name
    assert "Harbour Safety Forum" not in by_label
    (forum,) = by_label["Forum on Harbour Safety"]
    assert len(forum.documents) == n and "Harbour Safety Forum" in forum.alt_labels
    assert [len(e.documents) for e in by_label["Harbour Safety Summit"]] == [n]
    # a long name joins across documents
    assert [len(e.documents) for e in by_label["Regional Consultation on Labour Migration Routes"]] == [n]
    # the surname alone is the full name of its own document
    for k in range(3):
        (person,) = by_label[f"Ilse Varga{k}"]
        assert len(person.documents) == n // 3
        assert len(person.mentions) == 2 * n // 3
