"""Scale benchmark: bare spaCy vs the whole build on a synthetic corpus of N documents.

    python benchmarks/bench_scale.py --docs 100 [--jobs 2] [--words 900] [--rebuild] [--json out.json]
    python benchmarks/bench_scale.py --post-only --docs 10000   # no parsing: the later stages at scale
    python benchmarks/bench_scale.py --post-only --docs 10000 --post-words 900   # ... at make_corpus's length
    python benchmarks/bench_scale.py --parse-only --docs 1000   # the per-document stage alone

The corpus is recombined from the bundled documents (corpus/ and
tests/dev/corpus/): each synthetic document keeps the header lines of one
bundled document (so genre, title, date and speaker are read as usual) and
gets a body of sentences drawn from all of them, about --words words long.
Person names are swapped for names from a pool that grows with N (about one
new person per two documents), so the resolver sees more entities as the
corpus grows instead of the same 35 documents' people again and again.

One run reports, each measured in a fresh process:
- bare `nlp.pipe` over the same texts with the same model and processes;
- the full build (`tipgraph.pipeline.build`, HTML and SHACL included) with
  each stage's time, peak RSS (main process and the largest worker), triples
  and output sizes; the ratio of its throughput to bare spaCy's;
- for every step, the memory of all its processes at once (TreeMemory: the
  sum of VmRSS and of PSS over the step's process and its descendants,
  sampled from /proc every 0.2 s), per triple and per entity;
- every bundled question (ontology/queries/*.rq with its default
  parameters), as a whole `tipgraph query` command and once loaded;
- with --rebuild: the extraction cache (`tipgraph.cache`) after one document
  changes: the rebuild's time against the full build's, and whether its
  outputs are byte-identical to a cache-less build of the changed corpus.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "corpus", ROOT / "tests" / "dev" / "corpus")

# Name parts for swapped people: many languages, so tokenisation and NER see
# the variety a real corpus has. 70 x 70 = 4,900 distinct full names.
GIVEN = (
    "Ana Boris Chiara Dmitri Elif Farid Greta Hana Ivan Jelena Kamal Lena Mehmet Nadia Oleg Petra Rania Sven "
    "Tamara Umar Vesna Wojciech Ximena Yusuf Zofia Aida Bogdan Carmen Darius Emine Fatima Goran Ingrid Jonas "
    "Katarina Luca Marta Nikola Olga Pavel Rosa Sami Teodora Vladimir Amina Bruno Cristina Dario Erik Fiona "
    "Gustav Helena Igor Julia Karim Ludmila Milan Nora Omar Paula Ruslan Sofia Tomas Valentina Zoran Adel "
    "Beatriz Ciro Daria Edin"
).split()
FAMILY = (
    "Novak Petrov Rossi Yilmaz Haddad Kovac Jensen Moreau Horvat Ivanova Bauer Silva Popescu Nowak Demir "
    "Marino Lindqvist Okafor Mensah Tanaka Kaur Schmidt Dubois Costa Berisha Hoxha Markovic Georgiou Papadakis "
    "Kowalski Varga Svoboda Lehmann Andersen Virtanen Sokolov Bondarenko Aliyev Nazarbayeva Rahimi Kuznetsova "
    "Ferreira Romano Weber Fischer Janssen Peeters Murphy Walsh Kelly Bianchi Greco Esposito Santos Oliveira "
    "Pereira Mazur Wiśniewski Dvořák Nagy Tóth Balogh Stojanović Nikolić Ilić Kolar Zupan Rustamov Abdullaev "
    "Tursunov Karimov Usmonov"
).split()

_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")
_SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[A-Z\"“‘(])")


# ---------------------------------------------------------------- the corpus


def _bundled() -> list[tuple[str, str]]:
    docs = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")) + sorted(folder.glob("*.md")):
            docs.append((path.stem, path.read_text(encoding="utf-8")))
    return docs


def _split(text: str) -> tuple[str, list[str]]:
    """Header (up to the first paragraph of 20+ words, at most 8 lines) and body sentences."""
    paragraphs = [p.strip() for p in _PARAGRAPH_SPLIT.split(text.strip()) if p.strip()]
    header: list[str] = []
    body_start = len(paragraphs)
    for i, p in enumerate(paragraphs):
        if len(p.split()) >= 20 or len(header) >= 8:
            body_start = i
            break
        header.append(p)
    sentences = []
    for p in paragraphs[body_start:]:
        sentences.extend(s.strip() for s in _SENTENCE_SPLIT.split(" ".join(p.split())) if len(s.split()) >= 4)
    return "\n\n".join(header), sentences


def _person_names(texts: list[str]) -> list[str]:
    """Multi-word PERSON names spaCy finds in the bundled texts (longest first)."""
    from tipgraph.nlp import load_model, mask_markup

    names = set()
    for doc in load_model().pipe((mask_markup(t) for t in texts), batch_size=8):
        for ent in doc.ents:
            words = ent.text.split()
            if ent.label_ == "PERSON" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
                    and "\n" not in ent.text:
                names.add(ent.text)
    return sorted(names, key=lambda n: (-len(n), n))


def make_corpus(folder: Path, n_docs: int, *, words: int = 900, seed: int = 0) -> dict:
    """Write `n_docs` synthetic documents to `folder`; return what was written."""
    rng = random.Random(seed)
    bundled = _bundled()
    split = [(stem, *_split(text)) for stem, text in bundled]
    pool = [s for _, _, sentences in split for s in sentences]
    names = _person_names([text for _, text in bundled])
    name_pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None
    # The pool grows with N, so entity variety does; a name recurs in a few
    # documents, so resolution still has to merge across documents.
    people = [f"{g} {f}" for f in FAMILY for g in GIVEN]
    rng.shuffle(people)
    pool_size = max(20, min(len(people), n_docs // 2 + 20))
    total_words = 0
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        stem, header, own = split[i % len(split)]
        body: list[str] = []
        count = 0
        own_iter = iter(own)
        while count < words:
            # Half the sentences keep the template's order, half come from anywhere.
            sentence = next(own_iter, None) if rng.random() < 0.5 else None
            if sentence is None:
                sentence = rng.choice(pool)
            body.append(sentence)
            count += len(sentence.split())
        mapping: dict[str, str] = {}

        def swap(match: re.Match) -> str:
            original = match.group()
            if original not in mapping:
                mapping[original] = people[rng.randrange(pool_size)]
            return mapping[original]

        paragraphs = []
        for start in range(0, len(body), 4):
            paragraphs.append(" ".join(body[start:start + 4]))
        text = header + "\n\n" + "\n\n".join(paragraphs) + "\n"
        if name_pattern is not None:
            text = name_pattern.sub(swap, text)
            # Surnames alone ("Ambassador Kim") follow their full name's swap.
            for original, new in sorted(mapping.items()):
                old_last, new_last = original.split()[-1], new.split()[-1]
                text = re.sub(rf"(?<![\w-]){re.escape(old_last)}(?![\w-])", new_last, text)
        (folder / f"{i:05d}_{stem[:40]}.txt").write_text(text, encoding="utf-8")
        total_words += len(text.split())
    return {"documents": n_docs, "words": total_words, "people_pool": pool_size, "names_swapped": len(names)}


# ---------------------------------------------------------------- measurements (children)


class TreeMemory:
    """The memory of this process and all its descendants (worker processes, their workers) at
    once: a thread samples /proc every `interval` seconds and keeps the largest sum of their
    resident sets (VmRSS: pages a forked worker shares with its parent count in both) and of
    their proportional sets (Pss from smaps_rollup: a shared page counts once, split between
    the processes sharing it). ru_maxrss gives each process's own peak only, and for children
    only the largest one's, whenever it was: not what the processes hold together."""

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.at_peak: dict[int, int] = {}  # pid -> VmRSS kB when the RSS sum peaked
        self.samples = 0
        self._stop = None
        self._thread = None

    @staticmethod
    def available() -> bool:
        return Path(f"/proc/{os.getpid()}/status").is_file()

    @staticmethod
    def tree(root: int) -> list[int]:
        """`root` and its descendants (from each thread's /proc children list)."""
        found, todo = [], [root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            try:
                tasks = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for task in tasks:
                try:
                    todo.extend(int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split())
                except (OSError, ValueError):
                    pass
        return found

    @staticmethod
    def _field(path: str, name: str) -> int:
        try:
            with open(path, encoding="ascii") as handle:
                for line in handle:
                    if line.startswith(name):
                        return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0

    def sample(self) -> None:
        rss = {pid: self._field(f"/proc/{pid}/status", "VmRSS:") for pid in self.tree(os.getpid())}
        pss = sum(self._field(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in rss)
        self.samples += 1
        if sum(rss.values()) > self.peak_rss_kb:
            self.peak_rss_kb = sum(rss.values())
            self.at_peak = rss
        self.peak_pss_kb = max(self.peak_pss_kb, pss)

    def __enter__(self) -> "TreeMemory":
        import threading

        if self.available():
            self._stop = threading.Event()

            def run() -> None:
                while not self._stop.is_set():
                    self.sample()
                    self._stop.wait(self.interval)

            self.sample()
            self._thread = threading.Thread(target=run, name="tree-memory", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self.sample()

    def figures(self) -> dict:
        workers = sorted((kb for pid, kb in self.at_peak.items() if pid != os.getpid()), reverse=True)
        return {
            "tree_peak_rss_mb": round(self.peak_rss_kb / 1024, 1),
            "tree_peak_pss_mb": round(self.peak_pss_kb / 1024, 1),
            "tree_processes_at_peak": len(self.at_peak),
            "tree_main_at_peak_mb": round(self.at_peak.get(os.getpid(), 0) / 1024, 1),
            "tree_others_at_peak_mb": [round(kb / 1024, 1) for kb in workers],
            "tree_samples": self.samples,
            "tree_interval_seconds": self.interval,
        }


_TREE = TreeMemory()  # sampling while a child step runs (main)


def _peak_rss_mb() -> dict:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    figures = {"peak_rss_mb": round(self_kb / 1024, 1), "peak_worker_rss_mb": round(children_kb / 1024, 1)}
    if _TREE.samples:
        _TREE.sample()
        figures.update(_TREE.figures())
    return figures


def child_bare(corpus: Path, jobs: int) -> dict:
    from tipgraph.corpus import read_corpus
    from tipgraph.nlp import load_model, mask_markup

    documents = read_corpus(corpus).documents
    t0 = time.perf_counter()
    nlp = load_model()
    load = time.perf_counter() - t0
    texts = [mask_markup(d.text) for d in documents]
    loads = [os.getloadavg()[0]]
    t0 = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=jobs, batch_size=8))
    seconds = time.perf_counter() - t0
    loads.append(os.getloadavg()[0])
    return {"documents": n, "seconds": seconds, "model_load_seconds": load, "load_average": loads, **_peak_rss_mb()}


def _timed(stages: dict, name: str, function):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - t0

    return wrapper


def _timed_stream(stages: dict, name: str, function):
    depth = [0]  # extract_corpus calls itself for the cache's misses: time the outer call only

    def wrapper(*args, **kwargs):
        depth[0] += 1
        t0 = time.perf_counter()
        try:
            yield from function(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - t0

    return wrapper


def child_build(corpus: Path, out: Path, jobs: int, cache_dir: str | None) -> dict:
    """One build with each stage timed by wrapping the functions `build` calls."""
    import inspect

    from tipgraph import pipeline, render, validate

    stages: dict[str, float] = {}
    timed_here = "stages" not in inspect.signature(pipeline.BuildResult).parameters  # older builds
    for module, name, stage in (
        (pipeline, "read_corpus", "read"),
        (pipeline, "resolve", "resolve"),
        (pipeline, "build_graph", "graph"),
        (pipeline, "write_turtle", "turtle"),
        (validate, "validate_graph", "shacl"),
        (render, "build_page", "html"),
    ):
        if timed_here and hasattr(module, name):
            setattr(module, name, _timed(stages, stage, getattr(module, name)))
    if timed_here:
        pipeline.extract_corpus = _timed_stream(stages, "parse+extract", pipeline.extract_corpus)
    options = {}
    if "cache_dir" in inspect.signature(pipeline.build).parameters:
        options["cache_dir"] = Path(cache_dir) if cache_dir else None
    loads = [os.getloadavg()[0]]
    t0 = time.perf_counter()
    result = pipeline.build(corpus, out, jobs=jobs, html=True, validate=True, **options)
    total = time.perf_counter() - t0
    loads.append(os.getloadavg()[0])
    if not timed_here:
        stages = dict(result.stages)  # read + parse + extract, resolve, graph, shacl, html, write outputs
    stages["load vocabulary, write outputs, other"] = total - sum(stages.values())
    sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file()}
    figures = {
        "seconds": total,
        "stages": stages,
        "triples": result.triples,
        "entities": sum(result.entities_by_class.values()),
        "claims": sum(result.claims_by_class.values()),
        "validation": result.validation,
        "sizes": sizes,
        "digests": _digest(out),
        "load_average": loads,
        **_peak_rss_mb(),
    }
    # Also beside the output folder, so that a long run's figures survive the run being stopped.
    n = 1
    while (out.parent / f"{out.name}.build-{n}.json").exists():
        n += 1
    (out.parent / f"{out.name}.build-{n}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return figures


def child_queries(graph_file: Path) -> dict:
    from tipgraph.query import bind_params, load_store, named_queries, run_query

    t0 = time.perf_counter()
    store = load_store(graph_file)
    load = time.perf_counter() - t0
    loaded = {}
    for name, query in sorted(named_queries().items()):
        text = bind_params(query.text, query.params, {})
        t0 = time.perf_counter()
        result = run_query(store, text, name)
        rows = sum(1 for _ in result) if not isinstance(result, bool) else 1
        loaded[name] = {"seconds": time.perf_counter() - t0, "rows": rows}
    return {"load_seconds": load, "queries": loaded, **_peak_rss_mb()}


def _run_child(*args: str) -> dict:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        capture_output=True, text=True, check=False,
    )
    if completed.returncode != 0:
        sys.exit(f"benchmark step {args[0]} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _whole_command_seconds(graph_file: Path, name: str) -> float:
    tipgraph = Path(sys.executable).with_name("tipgraph")
    t0 = time.perf_counter()
    subprocess.run([str(tipgraph), "query", str(graph_file), "--name", name, "--format", "csv"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _cache_entry(corpus: Path, cache_dir: Path, source_file: str) -> Path:
    from tipgraph.cache import ExtractionCache, document_key
    from tipgraph.corpus import read_corpus

    cache = ExtractionCache(cache_dir)
    document = next(d for d in read_corpus(corpus).documents if d.source_file == source_file)
    return cache._path(document_key(document, cache.version))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


# ---------------------------------------------------------------- post-extraction at scale (no parsing)


def bundled_extractions(cache_dir: Path, jobs: int):
    """The bundled documents' extractions, parsed once and kept in `cache_dir` (tipgraph.cache)."""
    from tipgraph.cache import ExtractionCache
    from tipgraph.corpus import read_corpus
    from tipgraph.pipeline import extract_corpus

    documents = [d for folder in SOURCES for d in read_corpus(folder).documents]
    return list(extract_corpus(documents, jobs, ExtractionCache(cache_dir)))


def _shift(ex, offset: int) -> None:
    """Move every offset of `ex` by `offset` characters (its text appended after others')."""
    from tipgraph.model import Span

    def moved(span):
        return Span(span.start + offset, span.end + offset, span.text) if span is not None else None

    for mention in ex.mentions:
        mention.span = moved(mention.span)
        if mention.sentence is not None:
            mention.sentence = (mention.sentence[0] + offset, mention.sentence[1] + offset)
    for fact in ex.relations:
        fact.span = moved(fact.span)
    for claim in ex.claims:
        claim.span = moved(claim.span)


def synthetic_extractions(bundled: list, n_docs: int, *, seed: int = 0, changed: int | None = None,
                          words: int = 0):
    """`n_docs` documents and extractions recombined from the bundled ones without parsing: document
    i is bundled document i mod 35 under its own name, with every person's name (mentions, spans,
    references, claim texts) swapped for one from a pool of n/2 + 20 names, as make_corpus swaps
    them in text; so entities grow with N. `changed`: that document's first claim reads differently.
    `words`: each document at least that long (make_corpus's length), the following bundled documents'
    text and extractions appended to it; 0 keeps each bundled document's own length."""
    import dataclasses
    import pickle

    from tipgraph.model import Span

    rng = random.Random(seed)
    people = [f"{g} {f}" for f in FAMILY for g in GIVEN]
    rng.shuffle(people)
    pool_size = max(20, min(len(people), n_docs // 2 + 20))
    templates = [pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL) for ex in bundled]
    names = [sorted({m.name for m in ex.mentions if m.cls == "Person" and not m.key and len(m.name.split()) > 1},
                    key=lambda n: (-len(n), n)) for ex in bundled]
    words_of = [len(ex.document.text.split()) for ex in bundled]

    def component(base: int):
        ex = pickle.loads(templates[base])
        mapping: dict[str, str] = {}
        for name in names[base]:
            new = people[rng.randrange(pool_size)]
            mapping[name] = new
            mapping.setdefault(name.split()[-1], new.split()[-1])
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(mapping, key=lambda k: (-len(k), k))) + r")(?![\w-])") if mapping else None

        def swap(value, pattern=pattern, mapping=mapping):
            if pattern is None or not isinstance(value, str):
                return value
            return pattern.sub(lambda match: mapping[match.group()], value)

        def swap_span(span):
            return Span(span.start, span.end, swap(span.text)) if span is not None else None

        for mention in ex.mentions:
            mention.name = swap(mention.name)
            mention.span = swap_span(mention.span)
        for fact in ex.relations:
            fact.subject, fact.object = swap(fact.subject), swap(fact.object)
        for claim in ex.claims:
            claim.span = swap_span(claim.span)
            claim.claimant = swap(claim.claimant)
            claim.addressees = [swap(a) for a in claim.addressees]
            claim.about = [swap(a) for a in claim.about]
            claim.roles = [(swap(r), role) for r, role in claim.roles]
            claim.cites_source = swap(claim.cites_source)
        info = ex.info
        for attribute in ("speaker", "author", "publisher", "delivered_at", "title"):
            setattr(info, attribute, swap(getattr(info, attribute)))
        info.on_behalf_of = [swap(v) for v in info.on_behalf_of]
        info.coauthors = [swap(v) for v in info.coauthors]
        return ex

    documents, extractions = [], []
    for i in range(n_docs):
        base = i % len(bundled)
        ex = component(base)
        text, count, extra = ex.document.text, words_of[base], 1
        while words and count < words:
            # make_corpus's length: the next bundled documents' bodies appended, their offsets shifted
            following = (base + extra) % len(bundled)
            part, offset = component(following), len(text) + 2
            text += "\n\n" + part.document.text
            _shift(part, offset)
            ex.mentions.extend(part.mentions)
            ex.relations.extend(part.relations)
            ex.claims.extend(part.claims)
            count, extra = count + words_of[following], extra + 1
        if i == changed and ex.claims:
            first = ex.claims[0]
            first.span = Span(first.span.start, first.span.end, first.span.text + " (as amended)")
        stem = Path(bundled[base].document.source_file).stem
        source_file = f"{i:05d}_{stem[:40]}.txt"
        document = dataclasses.replace(bundled[base].document, doc_id=Path(source_file).stem, text=text,
                                       source_file=source_file, source_files=(source_file,))
        ex.document = document
        documents.append(document)
        extractions.append(ex)
    return documents, extractions


def use_pyshacl() -> None:
    """Validate with pyshacl, as builds did before tipgraph.shacl_local (--compare-shacl)."""
    from tipgraph import validate

    validate.local_shapes = lambda shapes=None: None


def _stage_cpu() -> dict[str, float]:
    """CPU seconds of this process (all its threads) per stage of pipeline's clock, beside its wall
    seconds: on a shared machine the wall time is mostly waiting for a core."""
    import contextlib

    from tipgraph import pipeline

    cpu: dict[str, float] = {}
    timed = pipeline._Clock.__call__

    @contextlib.contextmanager
    def call(self, stage: str):
        t0 = time.process_time()
        try:
            with timed(self, stage):
                yield
        finally:
            cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - t0

    pipeline._Clock.__call__ = call
    return cpu


def child_post(bundled_cache: Path, n_docs: int, out: Path, cache_dir: str | None, jobs: int, changed: int | None,
               engine: str = "", words: int = 0) -> dict:
    """The post-extraction stages (tipgraph.pipeline.finish_build) on synthetic extractions."""
    from tipgraph.pipeline import finish_build

    if engine == "pyshacl":
        use_pyshacl()

    bundled = bundled_extractions(bundled_cache, jobs)
    t0 = time.perf_counter()
    documents, extractions = synthetic_extractions(bundled, n_docs, changed=changed, words=words)
    synthesis = time.perf_counter() - t0
    del bundled
    stage_cpu = _stage_cpu()
    loads = [os.getloadavg()[0]]
    t0, cpu0 = time.perf_counter(), time.process_time()
    result = finish_build(Path("synthetic"), out, documents, extractions, jobs=jobs,
                          cache_dir=Path(cache_dir) if cache_dir else None)
    total, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    loads.append(os.getloadavg()[0])
    return {
        "documents": n_docs,
        "words": sum(len(d.text.split()) for d in documents),
        "synthesis_seconds": synthesis,
        "seconds": total,
        "stages": result.stages,
        "cpu_seconds": cpu,  # the main process's, all threads; validation workers (pyshacl only) not counted
        "stages_cpu": stage_cpu,
        "triples": result.triples,
        "entities": sum(result.entities_by_class.values()),
        "claims": sum(result.claims_by_class.values()),
        "validation": result.validation,
        "sizes": {p.name: p.stat().st_size for p in sorted(out.iterdir()) if p.is_file()},
        "digests": _digest(out),
        "load_average": loads,
        **_peak_rss_mb(),
    }


def child_validate(graph_file: Path, engine: str) -> dict:
    """`tipgraph validate`'s work on a graph file: parse it, validate it whole (with pyshacl if asked)."""
    from rdflib import Graph

    from tipgraph.validate import validate_graph

    if engine == "pyshacl":
        use_pyshacl()
    loads = [os.getloadavg()[0]]
    t0 = time.perf_counter()
    graph = Graph().parse(graph_file)
    parsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = validate_graph(graph)
    seconds = time.perf_counter() - t0
    loads.append(os.getloadavg()[0])
    lines = "\n".join(v.line() for v in result.violations)
    return {"engine": engine or "tipgraph", "triples": len(graph), "parse_seconds": parsed, "seconds": seconds,
            "summary": result.summary(), "lines_digest": hashlib.sha256(lines.encode()).hexdigest(),
            "load_average": loads, **_peak_rss_mb()}


def compare_shacl(args, tmp: Path, report: dict) -> None:
    """--compare-shacl: the same cold post-extraction run with pyshacl, and `tipgraph validate` of its
    graph with both engines; the outputs and the report lines must be the same."""
    cold = report["post"]["cold"]
    out, cache_dir = tmp / "post-out-pyshacl", tmp / "post-cache-pyshacl"
    for folder in (out, cache_dir):
        if folder.exists():
            shutil.rmtree(folder)
    cache_dir.mkdir(parents=True)
    bundled_cache = args.bundled_cache or tmp / "bundled-cache"
    old = _run_child("post", str(bundled_cache), str(args.docs), str(out), str(cache_dir), str(args.jobs), "", "pyshacl",
                     str(args.post_words))
    report["post"]["cold, pyshacl"] = old
    graph_file = tmp / "post-out" / "graph.ttl"
    whole = {engine or "tipgraph": _run_child("validate", str(graph_file), engine) for engine in ("", "pyshacl")}
    report["validate"] = whole
    ours, theirs = cold["stages"]["shacl"], old["stages"]["shacl"]
    print(f"SHACL in the build of {args.docs:,} documents ({cold['triples']:,} triples): pyshacl {theirs:.1f} s "
          f"(load {old['load_average'][0]:.1f}-{old['load_average'][1]:.1f}), tipgraph {ours:.2f} s "
          f"(load {cold['load_average'][0]:.1f}-{cold['load_average'][1]:.1f}): {theirs / max(ours, 1e-9):.0f}x; "
          f"post-extraction {old['seconds']:.1f} s -> {cold['seconds']:.1f} s; outputs byte-identical: "
          f"{old['digests'] == cold['digests']}; same verdict: {old['validation'].split('(')[0] == cold['validation'].split('(')[0]}")
    a, b = whole["pyshacl"], whole["tipgraph"]
    print(f"tipgraph validate of that graph.ttl (parse {b['parse_seconds']:.1f} s, not counted): pyshacl {a['seconds']:.1f} s "
          f"(load {a['load_average'][0]:.1f}-{a['load_average'][1]:.1f}), tipgraph {b['seconds']:.2f} s "
          f"(load {b['load_average'][0]:.1f}-{b['load_average'][1]:.1f}): {a['seconds'] / max(b['seconds'], 1e-9):.0f}x; "
          f"same report lines: {a['lines_digest'] == b['lines_digest']}", flush=True)


def child_sample(folder: Path, n_docs: int, jobs: int) -> dict:
    """Parse and extract `n_docs` documents of make_corpus (no cache): seconds per word."""
    from tipgraph.corpus import read_corpus
    from tipgraph.pipeline import extract_corpus
    from tipgraph.vocab import load_vocabulary

    if folder.exists():
        shutil.rmtree(folder)
    make_corpus(folder, n_docs)
    documents = read_corpus(folder).documents
    load_vocabulary()
    words = sum(len(d.text.split()) for d in documents)
    loads = [os.getloadavg()[0]]

    def cpu() -> tuple[float, float]:
        own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime

    t0, (own0, workers0) = time.perf_counter(), cpu()
    extractions = list(extract_corpus(documents, jobs))  # kept, as a build keeps them for the graph
    seconds = time.perf_counter() - t0
    own1, workers1 = cpu()  # the workers have ended: their CPU is in RUSAGE_CHILDREN
    loads.append(os.getloadavg()[0])
    return {"documents": len(extractions), "words": words, "seconds": seconds, "seconds_per_word": seconds / words,
            "cpu_seconds": own1 - own0, "workers_cpu_seconds": workers1 - workers0,
            "load_average": loads, "mentions": sum(len(ex.mentions) for ex in extractions),
            "claims": sum(len(ex.claims) for ex in extractions), **_peak_rss_mb()}


def parse_only(args, tmp: Path, report: dict) -> None:
    """--parse-only: the per-document stage alone on N documents of make_corpus (workers parse and
    extract, the main process keeps every extraction, as a build does until its graph is made)."""
    run = _run_child("sample", str(tmp / "corpus"), str(args.docs), str(args.jobs), "")
    report["parse"] = run
    print(f"parse+extract of {run['documents']:,} documents ({run['words']:,} words, {run['mentions']:,} mentions, "
          f"{run['claims']:,} claims), --jobs {args.jobs}: {run['seconds']:.1f} s (load {run['load_average'][0]:.1f}-"
          f"{run['load_average'][1]:.1f}); peak RSS {run['peak_rss_mb']:,.0f} MB (main), largest worker "
          f"{run['peak_worker_rss_mb']:,.0f} MB")
    print(f"  CPU: main process {run['cpu_seconds']:.1f} s, workers {run['workers_cpu_seconds']:.1f} s")
    print(f"  {_tree_line(run)}", flush=True)


def post_only(args, tmp: Path, report: dict) -> None:
    """--post-only: resolution, graph, SHACL, HTML and Turtle for N synthetic extractions, cold, after
    one document changed (cached), and that changed corpus again without the cache."""
    bundled_cache = args.bundled_cache or tmp / "bundled-cache"
    out, cache_dir = tmp / "post-out", tmp / "post-cache"
    for folder in (out, cache_dir):
        if folder.exists():
            shutil.rmtree(folder)
    cache_dir.mkdir(parents=True)
    n = str(args.docs)
    runs = {}
    words = str(args.post_words)
    runs["cold"] = _run_child("post", str(bundled_cache), n, str(out), str(cache_dir), str(args.jobs), "", "", words)
    changed = str(args.docs // 2)
    if args.rebuild:
        runs["changed, cached"] = _run_child("post", str(bundled_cache), n, str(out), str(cache_dir), str(args.jobs),
                                             changed, "", words)
        if not args.skip_fresh:
            runs["changed, --no-cache"] = _run_child("post", str(bundled_cache), n, str(tmp / "post-out-nocache"), "",
                                                     str(args.jobs), changed, "", words)
    report["post"] = runs
    if args.compare_shacl:
        compare_shacl(args, tmp, report)
        if args.skip_sample:
            return
    # What parsing N such documents would take, under the same load: parse+extract a sample
    sample = _run_child("sample", str(tmp / "sample"), str(args.sample), str(args.jobs), str(bundled_cache))
    report["sample"] = sample
    estimate = sample["seconds_per_word"] * runs["cold"]["words"]
    report["parse_estimate_seconds"] = estimate
    print(f"parse+extract of a {args.sample}-document make_corpus sample: {sample['seconds']:.1f} s for "
          f"{sample['words']:,} words (load {sample['load_average'][0]:.1f}-{sample['load_average'][1]:.1f}); "
          f"for the {runs['cold']['words']:,} words of the {args.docs:,} documents: about {estimate:,.0f} s; "
          f"post-extraction would be {100 * runs['cold']['seconds'] / (estimate + runs['cold']['seconds']):.1f} % "
          f"of a cold build")
    for name, run in runs.items():
        print(f"{name}: {run['documents']:,} documents, post-extraction {run['seconds']:.1f} s, peak RSS "
              f"{run['peak_rss_mb']:,.0f} MB (main), {run['triples']:,} triples, {run['entities']:,} entities, "
              f"{run['claims']:,} claims, load {run['load_average'][0]:.1f}-{run['load_average'][1]:.1f}")
        print(f"  {_tree_line(run)}")
        for stage, seconds in run["stages"].items():
            cpu = run.get("stages_cpu", {}).get(stage)
            print(f"  {stage:<20} {seconds:8.1f} s" + (f"  ({cpu:.1f} s CPU)" if cpu is not None else ""))
        if "cpu_seconds" in run:
            print(f"  CPU of the main process: {run['cpu_seconds']:.1f} s")
        print("  outputs: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in run["sizes"].items()))
        print(f"  validation: {run['validation']}", flush=True)
    if args.rebuild and not args.skip_fresh:
        cold, cached, fresh = runs["cold"], runs["changed, cached"], runs["changed, --no-cache"]
        print(f"one document changed: {cached['seconds']:.1f} s = {100 * cached['seconds'] / cold['seconds']:.1f} % "
              f"of the cold post-extraction run; outputs byte-identical to the --no-cache build: "
              f"{cached['digests'] == fresh['digests']}")


# ---------------------------------------------------------------- the report


def _tree_line(run: dict) -> str:
    """The memory all of a step's processes held at once (TreeMemory), per triple and per entity."""
    if not run.get("tree_samples"):
        return "memory of all processes at once: not measured (no /proc)"
    rss, pss = run["tree_peak_rss_mb"], run["tree_peak_pss_mb"]
    per = ""
    if run.get("triples"):
        per = f"; {1024 * 1024 * rss / run['triples']:,.0f} B per triple"
    if run.get("entities"):
        per += f", {1024 * rss / run['entities']:,.1f} KB per entity"
    others = ", ".join(f"{mb:,.0f}" for mb in run["tree_others_at_peak_mb"])
    others = f"others {others} MB" if others else "no other process"
    return (f"all processes at once (sampled every {run['tree_interval_seconds']} s): peak RSS sum {rss:,.0f} MB "
            f"(main {run['tree_main_at_peak_mb']:,.0f} MB, {others}), peak PSS sum {pss:,.0f} MB{per}")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        mem = "RAM unknown"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu}, {os.cpu_count()} cores, {mem}, Python {platform.python_version()}, "
            f"load average {load:.1f} at start")


def _child(child: list[str]) -> int:
    kind, *rest = child
    if kind == "bare":
        print(json.dumps(child_bare(Path(rest[0]), int(rest[1]))))
    elif kind == "build":
        print(json.dumps(child_build(Path(rest[0]), Path(rest[1]), int(rest[2]), rest[3] if len(rest) > 3 else None)))
    elif kind == "queries":
        print(json.dumps(child_queries(Path(rest[0]))))
    elif kind == "sample":
        print(json.dumps(child_sample(Path(rest[0]), int(rest[1]), int(rest[2]))))
    elif kind == "post":
        print(json.dumps(child_post(Path(rest[0]), int(rest[1]), Path(rest[2]), rest[3] or None, int(rest[4]),
                                    int(rest[5]) if rest[5] else None, rest[6] if len(rest) > 6 else "",
                                    int(rest[7]) if len(rest) > 7 else 0)))
    elif kind == "validate":
        print(json.dumps(child_validate(Path(rest[0]), rest[1] if len(rest) > 1 else "")))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--words", type=int, default=900, help="Words per synthetic document (about).")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rebuild", action="store_true",
                        help="Also change one document and time the cached rebuild (two more builds).")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the corpus and outputs in this folder.")
    parser.add_argument("--json", type=Path, default=None, help="Also write every figure as JSON here.")
    parser.add_argument("--post-only", action="store_true",
                        help="Parse nothing: synthesise N extractions from the bundled documents' and time the "
                             "post-extraction stages (with --rebuild: after one document changes, cached and not).")
    parser.add_argument("--post-words", type=int, default=0,
                        help="With --post-only: each synthetic document at least this long (900: make_corpus's "
                             "length), bundled documents' extractions joined; 0: each bundled document's own length.")
    parser.add_argument("--bundled-cache", type=Path, default=None,
                        help="With --post-only: keep the bundled documents' extractions here between runs.")
    parser.add_argument("--skip-queries", action="store_true", help="Do not time the bundled questions.")
    parser.add_argument("--skip-fresh", action="store_true",
                        help="With --post-only --rebuild: skip the --no-cache run of the changed documents.")
    parser.add_argument("--compare-shacl", action="store_true",
                        help="With --post-only: also the cold run validated by pyshacl, and `tipgraph validate` of "
                             "its graph with both engines (SHACL times side by side, outputs compared).")
    parser.add_argument("--skip-sample", action="store_true",
                        help="With --post-only --compare-shacl: skip parsing the sample (and the figures after it).")
    parser.add_argument("--sample", type=int, default=60,
                        help="With --post-only: documents of make_corpus parsed to estimate the parse at N.")
    parser.add_argument("--parse-only", action="store_true",
                        help="Only parse and extract N documents of the synthetic corpus (no bare spaCy, no graph): "
                             "its time and the memory of all its processes at once, extractions kept.")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        with _TREE:  # every child's figures include the memory of its process tree
            return _child(args.child)

    report: dict = {"machine": machine(), "docs": args.docs, "jobs": args.jobs}
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="tipgraph-scale-"))
    if args.post_only or args.parse_only:
        try:
            print(f"machine: {report['machine']}")
            (post_only if args.post_only else parse_only)(args, tmp, report)
            if args.json:
                args.json.write_text(json.dumps(report, indent=2, sort_keys=True), encoding="utf-8")
        finally:
            if args.keep is None:
                shutil.rmtree(tmp, ignore_errors=True)
        return 0
    try:
        corpus = tmp / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        t0 = time.perf_counter()
        report["corpus"] = make_corpus(corpus, args.docs, words=args.words, seed=args.seed)
        report["corpus"]["seconds"] = time.perf_counter() - t0
        words = report["corpus"]["words"]
        print(f"machine: {report['machine']}")
        print(f"corpus:  {args.docs} documents, {words} words ({report['corpus']['people_pool']} swapped people)"
              f", --jobs {args.jobs}", flush=True)

        bare = _run_child("bare", str(corpus), str(args.jobs))
        report["bare"] = bare
        bare_rate = words / bare["seconds"]
        print(f"bare nlp.pipe: {bare['seconds']:.1f} s, {bare_rate:,.0f} words/s "
              f"(model load {bare['model_load_seconds']:.1f} s, not counted; load {bare['load_average'][0]:.1f}-"
              f"{bare['load_average'][1]:.1f})", flush=True)

        out = tmp / "out"
        cache_dir = tmp / "cache"
        for folder in (out, cache_dir):
            if folder.exists():
                shutil.rmtree(folder)
        full = _run_child("build", str(corpus), str(out), str(args.jobs), str(cache_dir) if args.rebuild else "")
        report["build"] = full
        build_rate = words / full["seconds"]
        print(f"full build:    {full['seconds']:.1f} s, {build_rate:,.0f} words/s; "
              f"ratio to bare nlp.pipe {build_rate / bare_rate:.2f} (load {full['load_average'][0]:.1f}-"
              f"{full['load_average'][1]:.1f})", flush=True)
        for stage, seconds in full["stages"].items():
            print(f"  {stage:<40} {seconds:8.1f} s  {100 * seconds / full['seconds']:5.1f} %")
        print(f"  peak RSS {full['peak_rss_mb']:,.0f} MB (largest worker {full['peak_worker_rss_mb']:,.0f} MB); "
              f"{full['triples']:,} triples ({1024 * 1024 * full['peak_rss_mb'] / max(1, full['triples']):,.0f} B/triple"
              f" at peak); {full['entities']:,} entities, {full['claims']:,} claims")
        print(f"  {_tree_line(full)}")
        print("  outputs: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in full["sizes"].items()))
        print(f"  validation: {full['validation']}", flush=True)

        graph_file = out / "graph.ttl"
        if not args.skip_queries:
            queries = _run_child("queries", str(graph_file))
            for name in queries["queries"]:
                queries["queries"][name]["command_seconds"] = _whole_command_seconds(graph_file, name)
            report["queries"] = queries
            print(f"questions (store load {queries['load_seconds']:.2f} s; then each once loaded / as a whole command):")
            for name, q in queries["queries"].items():
                print(f"  {name:<16} {q['seconds']:7.3f} s  {q['command_seconds']:6.2f} s  {q['rows']:>7} rows")

        if args.rebuild:
            # B: one document changed, cached rebuild. C: the change undone and that document's
            # cache entry removed, so C re-extracts it and takes the rest from the cache: C's
            # outputs must be the bytes of the cold full build A (a third full build is not needed).
            changed = sorted(corpus.glob("*.txt"))[args.docs // 2]
            original = changed.read_text(encoding="utf-8")
            changed.write_text(original + "\nThe delegation urged all participating States to protect victims "
                               "of trafficking.\n", encoding="utf-8")
            rebuilt = _run_child("build", str(corpus), str(out), str(args.jobs), str(cache_dir))
            changed.write_text(original, encoding="utf-8")
            _cache_entry(corpus, cache_dir, changed.name).unlink()
            undone = _run_child("build", str(corpus), str(out), str(args.jobs), str(cache_dir))
            identical = undone["digests"] == full["digests"]
            report["rebuild"] = {"changed": changed.name, "cached": rebuilt, "undone": undone, "identical": identical}
            print(f"rebuild after changing {changed.name}: {rebuilt['seconds']:.1f} s (load "
                  f"{rebuilt['load_average'][0]:.1f}-{rebuilt['load_average'][1]:.1f}) = "
                  f"{100 * rebuilt['seconds'] / full['seconds']:.1f} % of the full build ({full['seconds']:.1f} s)")
            for stage, seconds in rebuilt["stages"].items():
                print(f"  {stage:<40} {seconds:8.1f} s")
            print(f"change undone, its entry removed, rebuilt in {undone['seconds']:.1f} s: outputs byte-identical "
                  f"to the full build: {identical}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=2, sort_keys=True), encoding="utf-8")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
