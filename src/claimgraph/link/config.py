"""Link settings: defaults here, overridable under ``[link]`` in claimgraph.toml."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from claimgraph.config import Config


@dataclass
class LinkConfig:
    """Thresholds of the link layer (see docs/link.md for what each one gates)."""

    # near-duplicates
    shingle: int = 3  # words per shingle
    num_perm: int = 128  # MinHash permutations
    dup_threshold: float = 0.5  # Jaccard similarity of shingles for a republication
    dup_containment: float = 0.6  # ... or share of the shorter text's 4-shingles in the other
    containment_min_samples: int = 5  # sampled shingles a text needs for containment
    # translations (documents of one story in two languages)
    translation_align_min: float = 0.6  # mean best sentence cosine to consider a pair
    translation_key_weight: float = 0.0  # share of the shared names/numbers in the score
    translation_threshold: float = 0.72  # a document is linked to its best partner above this
    translation_sentences: int = 12  # first sentences aligned
    translation_min_sentences: int = 3  # ... that each side needs
    # stories
    window_days: int = 3  # a story is a candidate when it has a document within +-window
    entity_window_days: int = 14  # ... or shares an entity and was active within +-this
    story_threshold: float = 0.75  # combined score to join a story
    name_weight: float = 0.5  # times the idf-weighted name/number similarity, added to it
    entity_bonus: float = 0.04  # added to the cosine per shared entity (up to entity_bonus_max)
    entity_bonus_max: int = 4
    entity_candidates: int = 20  # stories naming most of a document's entities, any day
    day_penalty: float = 0.02  # subtracted per day beyond one between document and story
    day_penalty_max: float = 0.4  # ... at most (a wrong date is evidence, not a verdict)
    merge_margin: float = 1.0  # a second story this far above the threshold is merged in
    absorb_candidates: int = 3  # single-document stories re-scored when a document joins a story
    absorb_floor: float = 0.5  # ... among those scoring at least this share of the threshold
    max_passages: int = 4  # title + first paragraphs embedded for the story vector
    # claims
    claim_linked: float = 0.58  # statement cosine to join a claim of the same speaker or relay
    claim_threshold: float = 0.72  # ... when a speaker is unknown
    claim_strong: float = 0.86  # ... when the speakers differ
    claim_min_member: float = 0.45  # cosine to every member of the claim (no chaining)
    claim_merge: bool = True  # merge the claims a statement is close to, when every member
    # of each is within claim_min_member of it (no chaining through single links)
    # disputes
    dispute_threshold: float = 0.45  # denial vs claim cosine (+ entity bonus) across documents
    dispute_spread: float = 0.3  # ... claims this close to the best one are disputed too
    dispute_same_doc: float = 0.2  # ... for a claim reported in the denial's own document
    dispute_report_bonus: float = 0.15  # ... added there for a report or a claim other articles relay
    dispute_entity_bonus: float = 0.03
    # contradiction without a denial verb (contrary predicates, negation, shares)
    contrary_threshold: float = 0.4  # cosine of the two statements + bonuses
    contrary_same_doc: float = 0.1  # ... added when one article carries both statements
    contrary_alone: float = 0.6  # cosine that shows the same subject without a shared word
    threads: int = 2  # BLAS threads for the embedder

    @classmethod
    def from_config(cls, config: Config | LinkConfig | dict[str, Any] | None) -> LinkConfig:
        if isinstance(config, LinkConfig):
            return config
        data: dict[str, Any] = {}
        if isinstance(config, Config):
            data = config.get("link", {}) or {}
        elif isinstance(config, dict):
            data = config
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown [link] setting(s): {', '.join(sorted(unknown))}")
        return cls(**data)
