"""Statements: direct, indirect and mixed speech, "selon X"/"according to X", with speakers.

Works on token indices of a parsed spaCy Doc. The parser's sentences are split again at
paragraph breaks ("units"), because models often glue a quotation paragraph to the sentence
before it. Each cue verb looks for its content (a quotation next to it, a que/that clause, a
complement clause, the clause before ", a déclaré X", or an object noun phrase for deny and
report cues) and its speaker (subject, inverted subject after the cue, the subject of the verb
a participle depends on, the antecedent of a relative pronoun); pronouns and definite
descriptions are resolved to the nearest compatible entity or earlier speaker.

One module per construction, lower ones first (no module imports a later one): context (Cand,
Ctx, Link, np_extent, token tests), passive, nouns (noun, adjective and adverb cues), quotations
(quotations in a sentence and their continuation), turns (transcripts, signed, headline and colon
quotations), speaker, bounds (cue clause and content ends), objects, clauses (the content a cue
verb governs), content, sources ("according to X", "in a poll", "in his view") and extraction
(extract: every construction over a document).
"""

from claimgraph.attribution.statements.bounds import TAIL_DEPS
from claimgraph.attribution.statements.clauses import FREE_RELATIVES
from claimgraph.attribution.statements.content import CONTRAST_MARKS, SPLIT_CLASSES, find_content
from claimgraph.attribution.statements.context import (
    CLAUSE_DEPS,
    CUT_DEPS,
    DASHES,
    MAX_SPEAKER,
    NOUN_CLAUSE_DEPS,
    NOUN_OBJ_DEPS,
    PASSIVE_AUX,
    SPEAKER_POS,
    STANCE_OF_CLASS,
    SUBJ,
    Cand,
    Ctx,
    Link,
    np_extent,
    stance_of,
)
from claimgraph.attribution.statements.extraction import claims_first, extract
from claimgraph.attribution.statements.nouns import adverb_cues, noun_cues
from claimgraph.attribution.statements.passive import PASSIVE_COMPLEMENTS
from claimgraph.attribution.statements.sources import according_to, in_source, in_view
from claimgraph.attribution.statements.speaker import find_speaker
from claimgraph.attribution.statements.turns import colon_quotes, transcript

__all__ = [
    "CLAUSE_DEPS",
    "CONTRAST_MARKS",
    "CUT_DEPS",
    "DASHES",
    "FREE_RELATIVES",
    "MAX_SPEAKER",
    "NOUN_CLAUSE_DEPS",
    "NOUN_OBJ_DEPS",
    "PASSIVE_AUX",
    "PASSIVE_COMPLEMENTS",
    "SPEAKER_POS",
    "SPLIT_CLASSES",
    "STANCE_OF_CLASS",
    "SUBJ",
    "TAIL_DEPS",
    "Cand",
    "Ctx",
    "Link",
    "according_to",
    "adverb_cues",
    "claims_first",
    "colon_quotes",
    "extract",
    "find_content",
    "find_speaker",
    "in_source",
    "in_view",
    "noun_cues",
    "np_extent",
    "stance_of",
    "transcript",
]
