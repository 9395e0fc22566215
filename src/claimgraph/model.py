"""The document model: one Document that each stage enriches in order.

ingest  -> id, origin, raw, content_type
clean   -> text, title, captions, removed, language, outlet, published, metadata
nlp     -> (spaCy Docs of the text and the title, kept out of the serialised model)
attribution -> entities, attributions
events  -> events
link    -> links (cross-document: duplicates, stories, claims, disputes)

Every extracted item carries character offsets ``[start, end)`` into ``Document.text``
(Python ``str`` indices). The JSON form of this model is the stable output contract.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A character span ``[start, end)`` in ``Document.text`` and the text it covers."""

    start: int
    end: int
    text: str


class Origin(_Model):
    """Where a document came from."""

    kind: Literal["file", "url", "stdin", "jsonl", "warc", "feed", "text"]
    path: str | None = None
    url: str | None = None
    record: str | None = None  # WARC record id, JSONL line number, feed entry id
    fetched: str | None = None  # ISO timestamp of retrieval (URL, WARC-Date)


class RemovedLine(_Model):
    """A line of the extracted text that is not article body, with the reason."""

    line: int  # 1-based line number in the extracted text (the raw file for text input)
    text: str
    reason: Literal[
        "navigation",
        "empty",
        "share",
        "related",
        "caption",
        "caption_other_language",
        "other_language",
        "source_footer",
        "boilerplate",
    ]
    detail: str | None = None


class Caption(_Model):
    """A photo caption or credit kept apart from the body."""

    line: int
    text: str
    language: str | None = None


class Outlet(_Model):
    """The publishing outlet, identified from the domain, metadata or a footer."""

    id: str
    name: str
    edition: str | None = None  # e.g. "French edition"
    country: str | None = None  # country name as the source dataset gives it
    country_code: str | None = None  # ISO 3166 alpha-3 when known
    typology: str | None = None  # e.g. "SC" (state-controlled) in the State Media Matrix
    typology_label: str | None = None
    dataset: str | None = None  # the dataset the labels come from (see NOTICE)
    owner: str | None = None  # owner as the source dataset gives it
    domain: str | None = None  # the page's domain, for an outlet not in the registry
    evidence: str | None = None  # what identified it: "domain:presstv.ir", "footer:..."


class PageMeta(_Model):
    """Metadata the page declares (HTML <head>, JSON-LD), each value with where it was read."""

    url: str | None = None  # canonical, og:url, or the input's own URL
    title: str | None = None
    site: str | None = None  # og:site_name, application-name, JSON-LD WebSite.name
    publisher: str | None = None  # JSON-LD publisher / Organization name
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    evidence: dict[str, str] = Field(default_factory=dict)  # field -> "meta og:url", ...


class Published(_Model):
    """Publication date with how it was obtained."""

    date: str  # ISO date or datetime
    source: Literal["metadata", "text", "input", "url"]
    evidence: Span | None = None  # span in ``text`` when inferred from the text
    note: str | None = None


class Mention(_Model):
    start: int
    end: int
    text: str


class Entity(_Model):
    """A canonical entity of the document with all its mentions."""

    id: str  # "E1", "E2", ... unique within the document
    name: str  # canonical name: the longest proper-name mention
    label: Literal["PER", "ORG", "LOC", "MISC"]
    mentions: list[Mention] = Field(default_factory=list)
    role: str | None = None  # title or role from the text ("ambassadeur de Russie au Venezuela")
    role_span: Span | None = None
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, MED, BUS, IGO, OPP, CVL ...
    kind: str | None = None  # finer type: "news_agency", "newspaper", "state_company" ...


class Quantity(_Model):
    span: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    vague: bool = False


class DateMention(_Model):
    span: Span
    date: str | None = None  # resolved ISO date
    relative: bool = False


class ChainLink(_Model):
    """One hop of a source chain, e.g. "cité par Sputnik"."""

    name: str
    entity: str | None = None  # entity id when the link is an entity of the document
    kind: Literal["agency", "outlet", "statement", "document", "unnamed", "publisher", "other"]
    span: Span | None = None  # None for the publisher (the document's outlet)
    carried: bool = False  # inherited from an earlier statement of the same speaker


class Attribution(_Model):
    """Who says what: a statement attributed to a speaker."""

    id: str  # "A1", ...
    speaker: Mention | None = None  # the mention in the text (a pronoun, a description...)
    speaker_entity: str | None = None  # canonical entity id
    speaker_name: str | None = None  # canonical name (denormalised for readers)
    role: str | None = None
    cue: Span | None = None
    content: Span
    # no_comment: a refusal to comment ("declined to comment"), with an empty content
    kind: Literal["direct", "indirect", "mixed", "according_to", "narration", "no_comment"]
    # the speaker's stance toward the content: assert, deny (a contested figure, "overestimated",
    # is a denial), estimate, question. "report" and "dispute" are legacy values, still accepted
    # when reading older documents; the attribution stage no longer produces them (see cue_class).
    stance: Literal["assert", "deny", "estimate", "question", "report", "dispute"]
    stance_evidence: str | None = None  # "cue" or the content phrase that set it
    # the lexicon class of the cue: assert, deny, report, estimate, question, dispute, according_to,
    # narration (None for a quotation without a cue of its own)
    cue_class: str | None = None
    # what the cue reports: "speech" (said, wrote, denied) or "belief" (thinks, fears, hopes);
    # quote trackers count speech only (see ``is_quote``)
    mode: Literal["speech", "belief"] | None = None
    negated: bool = False
    via: list[ChainLink] = Field(default_factory=list)  # nearest hop first, publisher last
    # the channel it came through ("dans un communiqué", "in an interview"): never a hop of ``via``
    channel: Span | None = None
    target: str | None = None  # id of the attribution this one denies or disputes
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)


def is_quote(att: Attribution) -> bool:
    """A quotation as quote trackers count them: speech or writing, direct, indirect or mixed."""
    return att.mode == "speech" and att.kind in ("direct", "indirect", "mixed")


class EventActor(_Model):
    span: Span | None = None
    entity: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    state_owned: bool | None = None  # the text says it is state-owned or state-run


class Event(_Model):
    """Who did what to whom (PLOVER), and who says so."""

    id: str
    type: str
    mode: str | None = None
    trigger: Span
    sentence: Span
    actor: EventActor | None = None
    recipient: EventActor | None = None
    date: str | None = None
    date_span: Span | None = None
    location: EventActor | None = None
    asserted_by: list[str] = Field(default_factory=list)  # attribution ids, or "outlet"
    denied_by: list[str] = Field(default_factory=list)
    status: Literal["asserted", "denied", "disputed", "stated_by_outlet"] = "stated_by_outlet"
    confidence: float | None = None
    # optional additions of the events stage
    mentions: list[Span] = Field(default_factory=list)  # other triggers of the same event
    date_source: Literal["text", "published"] | None = None  # where ``date`` comes from
    background: bool = False  # told as past background (pluperfect...): no fresh date
    # how the act is told: None asserted, or negated ("did not attack"), possible ("may
    # halt"), planned ("will withdraw"), conditional ("will withdraw unless ...")
    modality: Literal["negated", "possible", "planned", "conditional"] | None = None


class InputWarning(_Model):
    """A metadata field of the input that was dropped or changed, and why (the article is kept)."""

    field: str
    detail: str


class Document(_Model):
    """One article and everything the stages found in it."""

    schema_version: str = SCHEMA_VERSION
    id: str
    origin: Origin
    url: str | None = None
    content_type: str | None = None  # "text/html", "text/plain", ...
    raw: str = Field(default="", exclude=True)  # decoded raw content (not in the JSON contract)
    # clean
    language: str | None = None
    # "not_analysed": a language without a model (kept, linked by embeddings and names)
    status: Literal["analysed", "not_analysed"] = "analysed"
    title: str | None = None
    author: str | None = None
    site: str | None = None
    outlet: Outlet | None = None
    published: Published | None = None
    modified: Published | None = None  # last modification the page declares
    page: PageMeta | None = None  # what the HTML page declares about itself
    text: str = ""
    captions: list[Caption] = Field(default_factory=list)
    removed: list[RemovedLine] = Field(default_factory=list)
    # attribution
    entities: list[Entity] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    # events
    events: list[Event] = Field(default_factory=list)
    # free-form metadata from the input (JSONL fields, feed entry, WARC headers)
    meta: dict[str, Any] = Field(default_factory=dict)
    warnings: list[InputWarning] = Field(default_factory=list)  # input fields dropped (ingest)
    _nlp: Any = PrivateAttr(default=None)
    _nlp_title: Any = PrivateAttr(default=None)

    @property
    def nlp(self) -> Any:
        """The spaCy Doc of ``text`` once the nlp stage ran (never serialised)."""
        return self._nlp

    @nlp.setter
    def nlp(self, value: Any) -> None:
        self._nlp = value

    @property
    def nlp_title(self) -> Any:
        """The spaCy Doc of ``title`` once the nlp stage ran (never serialised)."""
        return self._nlp_title

    @nlp_title.setter
    def nlp_title(self, value: Any) -> None:
        self._nlp_title = value

    def span(self, start: int, end: int) -> Span:
        """A Span of ``text``."""
        return Span(start=start, end=end, text=self.text[start:end])

    def to_json(self, **kw: Any) -> str:
        return self.model_dump_json(**kw)


class Rejected(_Model):
    """An input that could not become a document, and why."""

    id: str
    origin: Origin
    reason: Literal[
        "binary",
        "empty",
        "undecodable",
        "too_large",
        "too_long",
        "unparseable",
        "fetch_failed",
        "forbidden_address",
        "unsupported_type",
        "not_found",
        "not_an_article",
        "error",
    ]
    detail: str = ""


def content_id(data: bytes | str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the raw content."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]
