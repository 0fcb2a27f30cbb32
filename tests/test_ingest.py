"""Real corpora: web pages, PDFs, Word files and text in any common encoding, built into
one graph whose offsets slice the text files written beside it (tests/data/pages holds a
saved news page; the PDF and the Word file are made here with fpdf2 and python-docx)."""
from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from conftest import run_cli
from tipgraph.corpus import read_corpus
from tipgraph.corpus.pdf import read_pdf
from tipgraph.namespaces import DCTERMS, TIP

PAGES = Path(__file__).parent / "data" / "pages"
NEWS_PAGE = PAGES / "balkan-courier-moldova-shelter.html"


def make_report_pdf(path: Path) -> None:
    """A three-page evaluation report with a running header, page numbers and a word
    hyphenated at a line end."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=25)

    def header():
        pdf.set_y(10)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, "Evaluation of the Republic of Estlandia - Third round", align="C")
        pdf.set_y(30)

    def footer():
        pdf.set_y(-15)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, f"Page {pdf.page_no()} of {{nb}}", align="C")

    pdf.header = header
    pdf.footer = footer
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Executive summary", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    paragraph = ("The Expert Group notes that the authorities of Lithuania identified four hundred and twelve victims "
                 "of trafficking in 2022, most of them women exploited for sexual purposes, and that prosecutions fell. ")
    for _ in range(9):
        pdf.multi_cell(0, 6, paragraph * 3, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    # one paragraph set line by line, a word broken over the line end as a typesetter breaks it
    pdf.set_font("Helvetica", size=11)
    width = pdf.epw
    filler = iter("In its third evaluation round and after visits to five regions and two border crossings".split())
    first = "the Expert Group urges the authorities to improve the identification of victims of traf-"
    while pdf.get_string_width(first) < 0.92 * pdf.epw:
        first = next(filler) + " " + first
    pdf.cell(0, 6, first, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "ficking among asylum seekers and to guarantee access to compensation.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def make_statement_docx(path: Path) -> None:
    document = docx.Document()
    document.add_heading("Statement by the Delegation of Norland on Combating Trafficking in Human Beings", level=1)
    document.add_paragraph("As delivered by Ambassador Kari Solhaug to the Permanent Council, Vienna, 14 March 2024")
    document.add_paragraph("Mr. Chair, Norland urges all participating States to adopt national action plans against trafficking.")
    table = document.add_table(rows=3, cols=2)
    for row, (year, victims) in enumerate([("Year", "Victims identified"), ("2022", "388"), ("2023", "412")]):
        table.cell(row, 0).text = year
        table.cell(row, 1).text = victims
    document.add_paragraph("We thank the Office of the Special Representative for its report on Estonia and Latvia.")
    document.save(str(path))


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("mixed") / "corpus"
    corpus.mkdir()
    shutil.copy(NEWS_PAGE, corpus / NEWS_PAGE.name)
    make_report_pdf(corpus / "estlandia-evaluation.pdf")
    make_statement_docx(corpus / "norland-statement.docx")
    (corpus / "utf16.txt").write_bytes(
        "Remarks by Minister Ana Ferreira\n\nPortugal welcomes the cooperation of Spain and Brazil against trafficking.".encode("utf-16"))
    (corpus / "windows.txt").write_bytes(
        "Press release\r\n\r\nThe Ministry of Interior of Austria said on Monday that \u201ctwenty-five\u201d victims \u2013 "
        "all of them from Hungary \u2013 were freed.".encode("cp1252"))
    (corpus / "latin.txt").write_bytes("Déclaration\n\nLa Suisse et la Belgique coopèrent à Genève. The OSCE met in Zürich.".encode("latin-1"))
    return corpus


@pytest.fixture(scope="module")
def mixed_build(mixed_corpus, tmp_path_factory) -> tuple[Path, Graph, str]:
    out = tmp_path_factory.mktemp("mixed-out")
    result = run_cli("build", mixed_corpus, "--out", out, "--no-html")
    assert result.exit_code == 0, result.output
    return out, Graph().parse(out / "graph.ttl", format="turtle"), result.output


def document(graph: Graph, source_file: str) -> URIRef:
    nodes = list(graph.subjects(TIP.sourceFile, Literal(source_file)))
    assert len(nodes) == 1, (source_file, nodes)
    return nodes[0]


def text_of(out: Path, graph: Graph, node: URIRef) -> str:
    (name,) = graph.objects(node, TIP.textFile)
    with open(out / str(name), encoding="utf-8") as handle:
        return handle.read()


def test_every_format_is_read(mixed_build):
    out, graph, _ = mixed_build
    files = {str(f) for f in graph.objects(None, TIP.sourceFile)}
    assert files == {NEWS_PAGE.name, "estlandia-evaluation.pdf", "norland-statement.docx", "utf16.txt", "windows.txt", "latin.txt"}
    assert "Portugal welcomes the cooperation" in text_of(out, graph, document(graph, "utf16.txt"))
    assert "\u201ctwenty-five\u201d victims \u2013 all of them from Hungary" in text_of(out, graph, document(graph, "windows.txt"))
    assert "coopèrent à Genève" in text_of(out, graph, document(graph, "latin.txt"))


def test_every_offset_slices_the_text_file_written_beside_the_graph(mixed_build):
    out, graph, _ = mixed_build
    checked = 0
    for mention in graph.subjects(RDF.type, TIP.Mention):
        doc = graph.value(mention, TIP.document)
        text = text_of(out, graph, doc)
        start, end = int(graph.value(mention, TIP.start)), int(graph.value(mention, TIP.end))
        assert text[start:end] == str(graph.value(mention, TIP.anchorText))
        checked += 1
    for claim in graph.subjects(TIP.statedIn, None):
        text = text_of(out, graph, graph.value(claim, TIP.statedIn))
        start, end = int(graph.value(claim, TIP.start)), int(graph.value(claim, TIP.end))
        assert text[start:end] == str(graph.value(claim, TIP.text))
        checked += 1
    assert checked > 40


def test_a_saved_news_page_gives_its_main_text_and_metadata(mixed_build):
    out, graph, _ = mixed_build
    node = document(graph, NEWS_PAGE.name)
    text = text_of(out, graph, node)
    assert text.startswith("Moldova opens shelter for trafficking survivors\n")
    assert "The shelter in Chisinau will house up to two hundred victims a year" in text
    for boilerplate in ("We use cookies", "Subscribe", "Romania arrests recruiters", "Great news, finally", "All rights reserved"):
        assert boilerplate not in text
    assert str(graph.value(node, DCTERMS.title)) == "Moldova opens shelter for trafficking survivors"
    assert graph.value(node, TIP.date) == Literal("2023-05-17", datatype=XSD.date)
    assert graph.value(node, RDF.type) == TIP.NewsArticle
    assert str(graph.value(node, TIP.sourceUrl)) == "https://balkancourier.example/news/2023/05/moldova-shelter"
    publisher = graph.value(node, TIP.publisher)
    author = graph.value(node, TIP.author)
    assert publisher is not None and "Balkan Courier" in str(graph.value(publisher, RDFS.label))
    assert author is not None and str(graph.value(author, RDFS.label)) == "Irina Vasilescu"


def test_number_words_of_the_page_are_read_as_numbers(mixed_build):
    _, graph, _ = mixed_build
    quantities = {str(q) for q in graph.objects(None, TIP.quantity)}
    assert {"200", "150", "70"} <= quantities, quantities


def test_a_pdf_loses_its_running_header_page_numbers_and_line_end_hyphens(mixed_build):
    out, graph, _ = mixed_build
    text = text_of(out, graph, document(graph, "estlandia-evaluation.pdf"))
    assert "Third round" not in text and "Page 1" not in text and "of 3" not in text
    assert text.startswith("Executive summary\n\n")
    assert "victims of trafficking among asylum seekers" in text
    assert "traf-" not in text
    # the wrapped lines of a paragraph are one line, so a sentence is not cut at every line end
    assert "identified four hundred and twelve victims of trafficking in 2022, most of them women" in text
    assert "\n\n" in text and all(not line.startswith(" ") for line in text.splitlines())


def test_a_word_file_gives_paragraphs_and_tables_in_order(mixed_build):
    out, graph, _ = mixed_build
    node = document(graph, "norland-statement.docx")
    text = text_of(out, graph, node)
    assert text.index("Norland urges") < text.index("Year | Victims identified") < text.index("2023 | 412") < text.index("We thank")
    assert graph.value(node, TIP.date) == Literal("2024-03-14", datatype=XSD.date)
    assert graph.value(node, RDF.type) == TIP.Statement


def test_pdf_hyphen_rules():
    from tipgraph.corpus.pdf import join_lines

    assert join_lines(["the victims of traf-", "ficking were"]) == "the victims of trafficking were"
    assert join_lines(["the anti-", "Trafficking Unit"]) == "the anti-Trafficking Unit"
    assert join_lines(["in 2019-", "2020 the"]) == "in 2019-2020 the"
    assert join_lines(["a  wide   line", "next"]) == "a wide line next"


def test_unreadable_and_blank_files_are_named_and_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fine.txt").write_text("The OSCE met in Vienna with Albania.", encoding="utf-8")
    (corpus / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip archive")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_cli("build", corpus, "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for name in ("blank.txt", "broken.pdf", "broken.docx", "image.txt"):
        named = [line for line in lines if line.startswith(f"skipped {name}: ")]
        assert len(named) == 1, result.output
    assert "skipped     4" in result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert {str(f) for f in graph.objects(None, TIP.sourceFile)} == {"fine.txt"}

    strict = run_cli("build", corpus, "--out", tmp_path / "out2", "--strict")
    assert strict.exit_code != 0
    assert [line for line in strict.output.splitlines() if line.strip()] == [
        "Error: blank.txt: no text (blank file) (--strict)"
    ]
    assert not (tmp_path / "out2" / "graph.ttl").exists()


def test_the_same_article_saved_twice_is_one_document(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(NEWS_PAGE, corpus / "shelter.html")
    # the page as a browser saves it as text: the article with the site's header line and a footer
    text, _ = read_corpus_text(NEWS_PAGE)
    (corpus / "shelter.txt").write_text("The Balkan Courier\n\n" + text + "\n\nShare this article\n", encoding="utf-8")
    (corpus / "shelter_2.txt").write_text("The Balkan Courier\n\n" + text + "\n\nShare this article\n", encoding="utf-8")
    (corpus / "other.txt").write_text("Remarks by Ambassador Tove Lind\n\nSweden urges Finland to act.", encoding="utf-8")
    result = run_cli("build", corpus, "--out", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    assert "duplicates  2" in result.output
    graph = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    documents = set(graph.subjects(TIP.sourceFile, None))
    assert len(documents) == 2
    shelter = document(graph, "shelter.txt")
    assert {str(f) for f in graph.objects(shelter, TIP.sourceFile)} == {"shelter.html", "shelter.txt", "shelter_2.txt"}
    # the plain-text copy's text is kept (its offsets slice the file itself); the page's metadata is kept too
    assert str(graph.value(shelter, TIP.textFile)) == "text/shelter.txt"
    assert graph.value(shelter, TIP.date) == Literal("2023-05-17", datatype=XSD.date)


def read_corpus_text(page: Path) -> tuple[str, dict]:
    from tipgraph.corpus.html import read_html

    return read_html(page.read_bytes())


def test_different_texts_with_one_stem_are_different_documents(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.txt").write_text("Remarks by Ambassador Tove Lind\n\nSweden urges Finland to act on trafficking.", encoding="utf-8")
    make_statement_docx(corpus / "brief.docx")
    documents = read_corpus(corpus).documents
    assert sorted(d.doc_id for d in documents) == ["brief.docx", "brief.txt"]


def test_encodings_are_decoded():
    from tipgraph.corpus.encoding import decode

    sample = "Côte d\u2019Ivoire \u2013 “victims” – 5 €"
    assert decode(sample.encode("utf-8"))[0] == sample
    assert decode(b"\xef\xbb\xbf" + sample.encode("utf-8"))[0] == sample
    assert decode(sample.encode("utf-16"))[0] == sample
    assert decode(sample.encode("utf-16-be").join([b"\xfe\xff", b""]))[0] == sample
    assert decode(sample.encode("cp1252")) == (sample, "cp1252")
    assert decode("Genève, Zürich, São Paulo".encode("latin-1"))[0] == "Genève, Zürich, São Paulo"
    russian = "Министерство внутренних дел России сообщило о торговле людьми в Москве и Санкт-Петербурге."
    assert decode(russian.encode("cp1251"))[0] == russian


def test_windows_cover_the_text_exactly():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from tipgraph.nlp import windows

    @settings(max_examples=200, deadline=None)
    @given(st.text(st.sampled_from("ab .\n\t?é"), max_size=3000), st.integers(min_value=20, max_value=400))
    def check(text, size):
        parts = windows(text, size)
        assert "".join(parts) == text
        assert all(0 < len(p) <= size for p in parts)

    check()


def test_a_long_document_is_extracted_in_sections_with_exact_offsets_and_one_speaker():
    from tipgraph.pipeline import SECTION_CHARS, extract_document
    from tipgraph.model import SourceDocument

    head = "Statement by Ambassador Tove Lindqvist of Sweden to the Permanent Council\n\n"
    paragraphs = [
        "We call on Norway and Denmark to strengthen the protection of victims of trafficking in {n}.",
        "Sweden welcomes the report of the OSCE on labour exploitation in the region of {n}.",
        "The authorities of Finland identified two hundred victims in {n}, according to the report.",
    ]
    body, n = [], 0
    while sum(len(p) for p in body) < 2.5 * SECTION_CHARS:
        body.append(paragraphs[n % 3].format(n=1990 + n % 30))
        n += 1
    text = head + "\n\n".join(body) + "\n"
    extraction = extract_document(SourceDocument(doc_id="long", source_file="long.txt", text=text))
    for mention in extraction.mentions:
        assert text[mention.span.start : mention.span.end] == mention.span.text
        if mention.sentence:
            assert 0 <= mention.sentence[0] < mention.sentence[1] <= len(text)
    for claim in extraction.claims:
        assert text[claim.span.start : claim.span.end] == claim.span.text
    last = [c for c in extraction.claims if c.span.start > 2 * SECTION_CHARS]
    first = [c for c in extraction.claims if c.span.end < SECTION_CHARS]
    assert last and first
    assert {c.claimant for c in last if c.cls == "CallToAction"} == {c.claimant for c in first if c.cls == "CallToAction"}
    assert extraction.info.title and "Lindqvist" in (extraction.info.speaker or "")
    # the head is read before each section but its mentions are the first section's only
    assert sum(1 for m in extraction.mentions if m.span.start < len(head)) == len(
        {(m.span.start, m.span.end, m.cls) for m in extraction.mentions if m.span.start < len(head)})


def test_near_identical_texts_are_one_but_a_quoting_article_is_its_own():
    from tipgraph.corpus.dedupe import duplicate_groups

    release = ("The Ministry of Interior of Ruritania announced today that police freed 41 victims of forced labour "
               "on farms near the border, and that nine suspects were arrested after a joint investigation with "
               "Borduria. The minister thanked the labour inspectors and urged employers to check their suppliers. ") * 3
    saved_as_text = "Ruritania News Agency | Home | World\n\n" + release.replace("today", "today,") + "\n\nShare | Print\n"
    article = ("Opinion: the farms case shows how far there is to go. " * 3 + release
               + "Critics said the inspections come too late and that victims still wait for compensation. " * 6)
    other = "Borduria and Ruritania signed an agreement on the return of victims of trafficking. " * 4
    assert duplicate_groups([release, saved_as_text, article, other]) == [[0, 1], [2], [3]]


def test_a_hard_wrapped_paragraph_is_read_as_one():
    from tipgraph.corpus.readers import unwrap_lines

    wrapped = ("Shelters for victims of labour exploitation\n\n"
               "The number of victims referred to shelters in the Baltic states\n"
               "has doubled since 2019, as labour inspectors and police have\n"
               "learned to recognise the signs of forced labour, according to a\n"
               "new study by the regional anti-trafficking network.\n")
    unwrapped = unwrap_lines(wrapped)
    assert len(unwrapped) == len(wrapped)  # offsets keep their places
    assert unwrapped.split("\n\n")[1].count("\n") == 1  # only the paragraph's own end
    assert unwrapped.startswith("Shelters for victims of labour exploitation\n\n")


@pytest.mark.parametrize("text", [
    # header lines: a speaker, an office over two lines, an occasion
    "Statement of Ambassador Lena Fischer\nHead of the Delegation of Austria to the\n"
    "Meeting of the Council on the review of the\nNational Action Plan against Trafficking\n",
    # one sentence a line, as some agencies print a story
    "Accra, May 4 - The ministry has pledged support for shelters in the region this year.\n"
    "Mr Kofi Mensah, the Deputy Minister, said the shelters would open in June for all victims.\n"
    "He said this at a forum organised by the Department of Social Welfare in the capital city.\n",
    # a list
    "- identify victims of forced labour in construction and agriculture\n"
    "- refer them to shelters run by the network and its partners\n"
    "- train inspectors and police officers in the three countries.\n",
])
def test_lines_that_are_not_a_wrapped_paragraph_keep_their_breaks(text):
    from tipgraph.corpus.readers import unwrap_lines

    assert unwrap_lines(text) == text


def test_the_sampled_comparison_of_two_texts_decides_as_the_full_one():
    import random

    from tipgraph.corpus.dedupe import SAMPLE, _one_text, _shingles

    rng = random.Random(7)
    words = ("victims police border labour inspectors farms ministry suspects agreement return compensation "
             "trafficking employers suppliers investigation court shelter report").split()
    base = [rng.choice(words) for _ in range(600)]
    texts = []
    for keep in (1.0, 0.995, 0.99, 0.985, 0.98, 0.97, 0.9, 0.6, 0.0):  # from a copy to an unrelated text
        for length in (1.0, 0.8, 0.7):
            changed = [w if rng.random() < keep else rng.choice(words) + "s" for w in base]
            texts.append(" ".join(changed[: int(len(changed) * length)]))
    sets = [_shingles(t) for t in texts]
    decided = {True: 0, False: 0}
    for a in sets:
        for b in sets:
            smaller, other = (a, b) if len(a) <= len(b) else (b, a)
            # the worst samples hold the shingles the other text lacks first
            ordered = sorted(smaller - other) + sorted(smaller & other)
            for size in (SAMPLE, 0.12, 0.5, 1.0):
                sample = set(ordered[: int(len(smaller) * size) + 1])
                assert _one_text(a, b, sample) == _one_text(a, b)
            decided[_one_text(a, b)] += 1
    assert decided[True] > len(sets) and decided[False] > len(sets)  # both verdicts were tried
