"""Refusals to comment, speech and belief, and the quotes-only export (sentences we wrote)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.model import is_quote
from claimgraph.quick import attribute

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text,lang,speaker,content", [
    ("Le ministre n'a pas souhaité commenter ces informations.", "fr", "Le ministre", "ces informations"),
    ("Contacté par l'AFP, le groupe Valmont a refusé de commenter.", "fr", "le groupe Valmont", ""),
    ("La société n'a pas répondu aux sollicitations du journal.", "fr", "La société",
     "sollicitations du journal"),
    ("The company declined to comment on the report.", "en", "The company", "the report"),
    ("A spokesman for the ministry did not respond to a request for comment.", "en",
     "A spokesman for the ministry", "a request for comment"),
    ("Ms. Vance did not return calls on Monday.", "en", "Ms. Vance", ""),
])
def test_refusal_to_comment_is_its_own_kind(text: str, lang: str, speaker: str, content: str) -> None:
    _, atts = attribute(text, lang)
    assert [a.kind for a in atts] == ["no_comment"]
    a = atts[0]
    assert a.speaker is not None and a.speaker.text == speaker
    assert a.content.text == content and not is_quote(a)
    if not content:
        assert a.content.start == a.content.end == a.cue.end  # type: ignore[union-attr]


def test_a_comment_that_is_made_is_a_statement() -> None:
    _, atts = attribute("Le ministre a commenté la décision avec prudence lors du conseil.", "fr")
    assert all(a.kind != "no_comment" for a in atts)


def test_refusal_after_a_statement_keeps_both() -> None:
    _, atts = attribute("The minister said the plant would close, but declined to comment further.", "en")
    assert [a.kind for a in atts] == ["indirect", "no_comment"]
    assert [a.id for a in atts] == ["A1", "A2"]


def test_speech_and_belief() -> None:
    _, atts = attribute("Le syndicat craint que l'usine ferme. La direction a déclaré que le site "
                        "resterait ouvert.", "fr")
    modes = {a.cue.text: a.mode for a in atts if a.cue}
    assert modes == {"craint": "belief", "a déclaré": "speech"}


def test_quotes_only_export(tmp_path: Path) -> None:
    from claimgraph.cli import main

    src = tmp_path / "a.txt"
    src.write_text("Usine Valmont\n\nLe syndicat craint que l'usine ferme. La direction a déclaré "
                   "que le site resterait ouvert. Le maire n'a pas souhaité commenter.\n",
                   encoding="utf-8")
    db = str(tmp_path / "q.db")
    run = CliRunner()
    assert run.invoke(main, ["--db", db, "analyze", "--format", "none", str(src)]).exit_code == 0
    every, quotes = tmp_path / "all.jsonl", tmp_path / "quotes.jsonl"
    res = run.invoke(main, ["--db", db, "export", "--table", "attributions", "-o", str(every)])
    assert res.exit_code == 0, res.output
    res = run.invoke(main, ["--db", db, "export", "--table", "attributions", "--quotes-only",
                            "-o", str(quotes)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in every.read_text().splitlines()]
    kept = [json.loads(line) for line in quotes.read_text().splitlines()]
    assert {r["kind"] for r in rows} >= {"indirect", "no_comment"} and len(kept) < len(rows)
    assert [r["cue_text"] for r in kept] == ["a déclaré"] and kept[0]["mode"] == "speech"
    bad = run.invoke(main, ["--db", db, "export", "--table", "events", "--quotes-only",
                            "-o", str(tmp_path / "e.jsonl")])
    assert bad.exit_code != 0 and "attributions table" in bad.output


@pytest.mark.parametrize("text", [
    "« Nous ne réagirons pas à cette rumeur », a indiqué jeudi le parquet.",
    "Il n'y a pas eu de réaction du ministère après la publication.",
])
def test_quoted_words_and_impersonal_phrases_are_no_refusal(text: str) -> None:
    _, atts = attribute(text, "fr")
    assert all(a.kind != "no_comment" for a in atts)
