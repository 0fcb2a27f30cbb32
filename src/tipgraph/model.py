"""Typed records that flow between the pipeline's stages.

corpus -> NLP -> extractors -> resolution -> graph -> outputs. Each stage
takes and returns these plain records, so stages can be tested and run
(extractors in parallel) on their own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Entity classes, by their local name in the tip: ontology.
PERSON = "Person"
GOVERNMENT_BODY = "GovernmentBody"
INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
CIVIL_SOCIETY_ORGANIZATION = "CivilSocietyOrganization"
MEDIA_ORGANIZATION = "MediaOrganization"
ORGANIZATION = "Organization"
COUNTRY = "Country"
REGION = "Region"
PLACE = "Place"
EVENT = "Event"
CONFERENCE = "Conference"
WORKSHOP = "Workshop"
MEETING = "Meeting"
INSTRUMENT = "Instrument"

ORGANIZATION_CLASSES = frozenset(
    {GOVERNMENT_BODY, INTERNATIONAL_ORGANIZATION, CIVIL_SOCIETY_ORGANIZATION, MEDIA_ORGANIZATION, ORGANIZATION}
)
EVENT_CLASSES = frozenset({EVENT, CONFERENCE, WORKSHOP, MEETING})
ENTITY_CLASSES = frozenset(
    {PERSON, COUNTRY, REGION, PLACE, INSTRUMENT} | ORGANIZATION_CLASSES | EVENT_CLASSES
)
GENRES = ("Speech", "Statement", "NewsArticle", "PressRelease", "Report")
CLAIM_CLASSES = ("CallToAction", "Commitment", "Statistic", "Endorsement", "Criticism", "Assertion")


@dataclass(frozen=True)
class SourceDocument:
    """One corpus file, decoded. Offsets everywhere index into `text`."""

    doc_id: str  # file stem (the relative path when stems collide), unique in the corpus
    source_file: str  # file name relative to the corpus folder, the one `text` was read from
    text: str
    # metadata.yaml's values, over what the file states about itself (a web page's title,
    # author, date and site name); the text's own cues fill in the rest
    metadata: dict = field(default_factory=dict)
    source_files: tuple[str, ...] = ()  # every file holding this text (the same article saved twice)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class EntityMention:
    """An entity occurrence found by an extractor, before resolution.

    `key` is set when the extractor already knows the real-world entity
    (a gazetteer id such as "country:ALB" or "org:OSCE"); otherwise the
    resolver decides from class, name and context.
    """

    cls: str
    span: Span
    name: str  # the name as it should be labelled (title stripped, "the" dropped)
    key: str | None = None
    title: str | None = None  # office/honorific written with a person's name
    sentence: tuple[int, int] | None = None  # the sentence's offsets
    attrs: dict = field(default_factory=dict)  # e.g. {"country": "ALB"} for a ministry


def reference(mention: EntityMention) -> str:
    """The resolver reference of a mention: its key, else "<Class>:<name>"."""
    return mention.key or f"{mention.cls}:{mention.name}"


@dataclass
class DocumentInfo:
    """What a document says about itself: genre, title, people, date."""

    genre: str = "Speech"
    title: str | None = None
    date: str | None = None  # ISO date, YYYY-MM or YYYY
    speaker: str | None = None  # a person's name as written
    speaker_title: str | None = None
    author: str | None = None
    publisher: str | None = None
    source_url: str | None = None
    place: str | None = None
    speaker_span: Span | None = None  # header text naming a speaker no entity mention covers
    author_span: Span | None = None  # byline text naming an author no entity mention covers
    delivered_at: str | None = None  # resolver reference of the event
    on_behalf_of: list[str] = field(default_factory=list)  # groups the speaker speaks for
    coauthors: list[str] = field(default_factory=list)  # further authors a byline names ("X and Y")
    header_mentions: list["EntityMention"] = field(default_factory=list)  # bodies/people only the header names


@dataclass
class RelationFact:
    """subject --predicate--> object, each end a resolver reference.

    A reference is an entity key ("country:ALB"), a surface name prefixed
    with its class ("Person:Yuri Kim"), or "doc:" for the document itself.
    """

    subject: str
    predicate: str  # local name of a tip: property
    object: str
    span: Span | None = None
    literal: str | None = None  # e.g. the year of a membership


@dataclass
class ClaimRecord:
    cls: str  # one of CLAIM_CLASSES
    span: Span  # the verbatim sentence or quoted passage
    claimant: str | None = None  # resolver reference
    addressees: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    quantity: str | None = None  # decimal as text
    unit: str | None = None
    period: str | None = None
    cites_source: str | None = None
    roles: list[tuple[str, str]] = field(default_factory=list)  # (reference, "source" | "transit" | "destination")
    date: str | None = None
    # why: the rule that chose the class / the claimant, the words it fired on, and how sure it is
    class_rule: str | None = None  # e.g. "trigger-phrase", "appeal-verb", "figure", "default-assertion"
    class_evidence: str | None = None  # the trigger words as they stand in the text
    claimant_rule: str | None = None  # e.g. "document-speaker", "reporting-verb", "quotation", "pronoun", "on-behalf-of"
    claimant_evidence: str | None = None  # the reporting verb and its subject, the pronoun and its antecedent ...
    confidence: float | None = None  # 0..1, class and claimant together


@dataclass
class Extraction:
    """Everything the extractors read from one document."""

    document: SourceDocument
    info: DocumentInfo
    mentions: list[EntityMention] = field(default_factory=list)
    relations: list[RelationFact] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
