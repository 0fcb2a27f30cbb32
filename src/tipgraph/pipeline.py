"""The build: corpus -> NLP -> extractors -> resolution -> graph -> outputs."""
from __future__ import annotations

import ctypes
import io
import os
import signal
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from rdflib import Graph, Literal
from rdflib.namespace import RDF

from tipgraph import model as m
from tipgraph.cache import ExtractionCache, open_cache
from tipgraph.corpus import Skipped, read_corpus
from tipgraph.extract import run_extractors
from tipgraph.graph import build_graph, document_iri
from tipgraph.graphio import OutputSet, TipgraphError
from tipgraph.model import Extraction, SourceDocument
from tipgraph.namespaces import TIP, iri_segment
from tipgraph.nlp import parse_text
from tipgraph.resolve import resolve
from tipgraph.turtle import write_turtle
from tipgraph.vocab import load_vocabulary

TEXT_FOLDER = "text"
SHOWN_VIOLATIONS = 5


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
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0


def extract_document(document: SourceDocument) -> Extraction:
    """The per-document stage: parse (in windows) and run every extractor. Pure: the same
    document always gives the same extraction, whichever process runs it."""
    return run_extractors(document, parse_text(document.text), load_vocabulary())


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Worker initializer: the kernel kills this worker when the build process dies (even by
    SIGKILL), and Ctrl-C or SIGTERM is the parent's to handle, not every worker's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's shutdown still ends its workers
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    from tipgraph.nlp import load_model

    load_model()
    load_vocabulary()


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)


def extract_corpus(
    documents: list[SourceDocument], jobs: int = 1, cache: ExtractionCache | None = None
) -> Iterator[Extraction]:
    """Extractions in corpus order; `jobs` > 1 parses and extracts in worker processes.

    With a `cache`, unchanged documents are read back and only the others are parsed."""
    if cache is not None:
        yield from cache.extract(documents, lambda todo: extract_corpus(todo, jobs))
        return
    if jobs <= 1 or len(documents) < 4:
        for document in documents:
            yield extract_document(document)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        yield from pool.map(extract_document, documents, chunksize=1)
    except BaseException:
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def text_file_name(doc_id: str) -> str:
    """The file, relative to the output folder, holding a document's text."""
    return f"{TEXT_FOLDER}/{iri_segment(doc_id)}.txt"


def build(
    corpus: Path,
    out: Path,
    *,
    jobs: int = 1,
    html: bool = True,
    validate: bool = True,
    strict: bool = False,
    cache_dir: Path | None = None,
    progress: Callable[[list[SourceDocument]], Callable] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
) -> BuildResult:
    started = time.perf_counter()
    read = read_corpus(corpus, strict=strict)
    documents = read.documents
    for skipped in read.skipped:
        if on_skip is not None:
            on_skip(skipped)
    outputs = OutputSet(out, ("graph.ttl", "graph.html", TEXT_FOLDER))
    outputs.check()  # before any work: an output folder that cannot take the outputs fails now
    load_vocabulary()
    extractions: list[Extraction] = []
    stream = extract_corpus(documents, jobs, open_cache(cache_dir))
    if progress is not None:
        with progress(documents) as bar:
            for ex in stream:
                extractions.append(ex)
                bar.update(1)
    else:
        extractions = list(stream)
    resolver = resolve(extractions, load_vocabulary())
    graph = build_graph(extractions, resolver)
    for document in documents:
        node = document_iri(document.doc_id)
        graph.add((node, TIP.textFile, Literal(text_file_name(document.doc_id))))
        for source_file in document.source_files:
            graph.add((node, TIP.sourceFile, Literal(source_file)))

    validation = None
    if validate:
        from tipgraph.validate import validate_graph

        result = validate_graph(graph)
        validation = result.summary()
        if result.errors:  # warnings are fine; only violations stop the build
            errors = result.errors
            shown = "; ".join(v.line() for v in errors[:SHOWN_VIOLATIONS])
            more = f" (and {len(errors) - SHOWN_VIOLATIONS} more)" if len(errors) > SHOWN_VIOLATIONS else ""
            raise TipgraphError(
                f"{corpus}: the graph breaks {len(errors)} SHACL constraint(s), outputs not written"
                f" (--no-validate writes them anyway): {shown}{more}"
            )

    buffer = io.StringIO()
    triples = write_turtle(graph, buffer)
    turtle_text = buffer.getvalue()
    page = None
    if html:
        from tipgraph.render import build_page

        page, _, _ = build_page(graph, title=f"tipgraph: {corpus.resolve().name}")

    # Everything is computed; only now replace the previous outputs, all as one set.
    files: dict[str, str] = {"graph.ttl": turtle_text}
    if page is not None:
        files["graph.html"] = page
    for document in documents:
        files[text_file_name(document.doc_id)] = document.text
    written = outputs.replace(files)

    by_class = Counter(
        str(o).rsplit("#", 1)[-1] for o in graph.objects(None, RDF.type) if str(o).startswith(str(TIP))
    )
    return BuildResult(
        documents=len(documents),
        entities_by_class={k: v for k, v in sorted(by_class.items()) if k in m.ENTITY_CLASSES},
        claims_by_class={k: v for k, v in sorted(by_class.items()) if k in m.CLAIM_CLASSES},
        triples=triples,
        outputs=written,
        seconds=time.perf_counter() - started,
        validation=validation,
        graph=graph,
        skipped=read.skipped,
        duplicates=read.duplicates,
    )
