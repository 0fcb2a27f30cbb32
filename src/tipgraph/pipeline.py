"""The build: corpus -> NLP -> extractors -> resolution -> graph -> outputs."""
from __future__ import annotations

import contextlib
import io
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph
from rdflib.namespace import RDF

from tipgraph import model as m
from tipgraph.cache import ExtractionCache, open_cache
from tipgraph.corpus import read_corpus
from tipgraph.extract import run_extractors
from tipgraph.graph import build_graph
from tipgraph.graphio import TipgraphError, atomic_output
from tipgraph.model import Extraction, SourceDocument
from tipgraph.namespaces import TIP
from tipgraph.nlp import load_model, mask_markup, parse_documents
from tipgraph.resolve import resolve
from tipgraph.turtle import write_turtle
from tipgraph.vocab import load_vocabulary


@dataclass
class BuildResult:
    documents: int
    entities_by_class: dict[str, int]
    claims_by_class: dict[str, int]
    triples: int
    outputs: list[Path]
    seconds: float
    validation: str | None = None
    graph: Graph | None = field(default=None, repr=False)


def _extract_one(document: SourceDocument) -> Extraction:
    parsed = load_model()(mask_markup(document.text))
    return run_extractors(document, parsed, load_vocabulary())


def _warm_worker() -> None:
    load_model()
    load_vocabulary()


def extract_corpus(
    documents: list[SourceDocument], jobs: int = 1, cache: ExtractionCache | None = None,
    executor: Callable[[list[SourceDocument]], Iterable[Extraction]] | None = None,
) -> Iterator[Extraction]:
    """Extractions in corpus order; `jobs` > 1 parses and extracts in worker processes.

    With a `cache`, unchanged documents are read back and only the others are parsed;
    with an `executor` (tipgraph.executors), they are parsed there instead."""
    if cache is not None:
        yield from cache.extract(documents, lambda todo: extract_corpus(todo, jobs, executor=executor))
        return
    if executor is not None:
        yield from executor(documents)
        return
    if jobs <= 1 or len(documents) < 4:
        vocab = load_vocabulary()
        for document, parsed in zip(documents, parse_documents(documents)):
            yield run_extractors(document, parsed, vocab)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_worker) as pool:
        yield from pool.map(_extract_one, documents, chunksize=4)


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".tipgraph-check-"):
            pass
    except OSError as exc:
        raise TipgraphError(f"cannot write to output folder {folder}: {exc.strerror or exc}") from None


def build(
    corpus: Path,
    out: Path,
    *,
    jobs: int = 1,
    html: bool = True,
    validate: bool = True,
    cache_dir: Path | None = None,
    executor: Callable[[list[SourceDocument]], Iterable[Extraction]] | None = None,
    progress: Callable[[list[SourceDocument]], Callable] | None = None,
) -> BuildResult:
    started = time.perf_counter()
    documents = read_corpus(corpus)
    check_writable(out)
    load_vocabulary()
    extractions: list[Extraction] = []
    stream = extract_corpus(documents, jobs, open_cache(cache_dir), executor)
    if progress is not None:
        with progress(documents) as bar:
            for ex in stream:
                extractions.append(ex)
                bar.update(1)
    else:
        extractions = list(stream)
    resolver = resolve(extractions, load_vocabulary())
    graph = build_graph(extractions, resolver)

    buffer = io.StringIO()
    triples = write_turtle(graph, buffer)
    turtle_text = buffer.getvalue()

    validation = None
    if validate:
        from tipgraph.validate import validate_graph

        result = validate_graph(graph)
        validation = result.summary()
        if not result.conforms:
            validation += "; run 'tipgraph validate' for the list"

    page = None
    if html:
        from tipgraph.render import build_page

        page, _, _ = build_page(graph, title=f"tipgraph: {corpus.resolve().name}")

    # Everything is computed; only now replace the previous outputs, all or none.
    pending: list[tuple[Path, str]] = [(out / "graph.ttl", turtle_text)]
    if page is not None:
        pending.append((out / "graph.html", page))
    try:
        with contextlib.ExitStack() as stack:
            for final, content in pending:
                stack.enter_context(atomic_output(final)).write(content)
    except OSError as exc:
        raise TipgraphError(f"cannot write outputs to {out}: {exc.strerror or exc}") from None
    outputs = [final for final, _ in pending]

    entity_classes = m.ENTITY_CLASSES
    by_class = Counter(
        str(o).rsplit("#", 1)[-1] for o in graph.objects(None, RDF.type) if str(o).startswith(str(TIP))
    )
    return BuildResult(
        documents=len(documents),
        entities_by_class={k: v for k, v in sorted(by_class.items()) if k in entity_classes},
        claims_by_class={k: v for k, v in sorted(by_class.items()) if k in m.CLAIM_CLASSES},
        triples=triples,
        outputs=outputs,
        seconds=time.perf_counter() - started,
        validation=validation,
        graph=graph,
    )
