"""A statement whose content rejects what it is about is on the deny side of a claim."""

from __future__ import annotations

import pytest

from claimgraph.link.claims import polarity
from claimgraph.link.contrary import content_denies


@pytest.mark.parametrize("text,lang", [
    ("the ministry could not confirm the story about the mayor", "en"),
    ("there is no evidence that the bridge was damaged", "en"),
    ("we have seen nothing unusual at the plant", "en"),
    ("the article about the merger was incorrect", "en"),
    ("it was a fake report by the channel", "en"),
    ("il n'y avait rien à confirmer sur ces rumeurs", "fr"),
    ("rien n'indiquait que le maire avait démissionné", "fr"),
    ("l'information publiée par le journal était fausse", "fr"),
])
def test_content_denies(text: str, lang: str) -> None:
    assert content_denies(text, lang)
    assert polarity("assert", "assert", content_denies(text, lang)) == "deny"


@pytest.mark.parametrize("text,lang", [
    ("the ministry confirmed the story about the mayor", "en"),
    ("there is evidence that the bridge was damaged", "en"),
    ("the report was not false", "en"),
    ("the mayor resigned on Tuesday after the vote", "en"),
    ("le maire a démissionné mardi après le vote", "fr"),
])
def test_content_does_not_deny(text: str, lang: str) -> None:
    assert not content_denies(text, lang)


def test_question_stays_question() -> None:
    assert polarity("question", None, True) == "question"
