"""Quotation finder: styles, inner marks, apostrophes, paragraphs (no model needed)."""

from __future__ import annotations

from claimgraph.attribution.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_styles():
    assert _texts('Il a dit « oui » puis “non” et "peut-être".') == ["« oui »", "“non”", '"peut-être"']


def test_single_curly_quotes_and_apostrophes():
    assert _texts("It’s what they called a ‘done deal’ today.") == ["‘done deal’"]
    assert _texts("L’ambassadeur d’Italie n’a rien dit.") == []


def test_nested_marks_stay_inside():
    text = "« Il a parlé d’une “erreur” grave », a-t-elle ajouté."
    assert _texts(text) == ["« Il a parlé d’une “erreur” grave »"]


def test_quote_over_paragraphs_english_style():
    text = "“First part.\n\n“Second part,” she said."
    quotes = find_quotes(text)
    assert len(quotes) == 1 and quotes[0].paragraphs == 2
    assert text[quotes[0].start : quotes[0].end].endswith("part,”")


def test_unclosed_quote_stops_at_paragraph_end():
    text = "He said “this never ends\n\nA new paragraph without marks."
    assert _texts(text) == ["“this never ends"]


def test_doubled_apostrophes_as_quotation_marks():
    text = "He called it ''a fair deal,'' and didn't say more."
    assert _texts(text) == ["''a fair deal,''"]


def test_unclosed_quotation_stops_at_its_paragraph_and_the_next_one_opens():
    text = '"She was not a danger. She was fine.\n\n\u201cIt never crossed my mind,\u201d she said.'
    assert _texts(text) == ['"She was not a danger. She was fine.', "\u201cIt never crossed my mind,\u201d"]


def test_straight_quotation_holds_a_curly_one():
    text = '"WALLACE: As \u201cThe Journal\u201d wrote, it matters. Why?\n\nHe left.'
    assert _texts(text) == ['"WALLACE: As \u201cThe Journal\u201d wrote, it matters. Why?']
    assert _texts('He said "more hours\u201d today.') == ['"more hours\u201d']


def test_straight_single_quotation_marks_in_headlines():
    assert _texts("Obama Sees 'Personal Insult' if Voters Don't Rally.") == ["'Personal Insult'"]
    assert _texts("A lesson from Lynch: 'Be the voice people hear.'") == ["'Be the voice people hear.'"]
    assert _texts("It's the Clintons' plan from the '90s.") == []
    assert _texts('He said "I\'m done with \'Big Oil\'" and left.') == ['"I\'m done with \'Big Oil\'"']
