"""Language data: schemas, the validating loader, $CLAIMGRAPH_DATA_DIR, the date resolver."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from claimgraph import lang
from claimgraph.lang import LanguageDataError
from claimgraph.lang.dates import calendar, infer_published, text_dates, token_dates
from claimgraph.lang.loader import bundled_dir
from claimgraph.lang.schemas import LANGUAGE_FILES

BUNDLED = sorted(p.name for p in bundled_dir().iterdir() if p.is_dir())


def test_bundled_languages():
    assert BUNDLED == ["en", "fr"]
    assert lang.languages() == ["en", "fr"]


@pytest.mark.parametrize("code", BUNDLED)
@pytest.mark.parametrize("name", sorted(LANGUAGE_FILES))
def test_every_bundled_file_validates(code, name, monkeypatch):
    monkeypatch.delenv(lang.loader.ENV, raising=False)
    assert isinstance(lang.load(code, name), LANGUAGE_FILES[name])


def test_bundled_dir_has_no_unknown_files():
    for code in BUNDLED:
        names = {p.stem for p in (bundled_dir() / code).glob("*.toml")}
        assert names == set(LANGUAGE_FILES), code
    assert lang.load_actors().countries["FRA"].names


def _misspelt_copy(root: Path, code: str = "fr") -> Path:
    """A data dir whose <code>/cues.toml says 'asert' instead of 'assert' in [verbs]."""
    src = (bundled_dir() / code / "cues.toml").read_text(encoding="utf-8")
    head, sep, rest = src.partition("[verbs]")
    assert sep and "\nassert = " in rest
    (root / code).mkdir(parents=True)
    path = root / code / "cues.toml"
    path.write_text(head + sep + rest.replace("\nassert = ", "\nasert = ", 1), encoding="utf-8")
    return path


def test_misspelt_key_names_file_and_key(tmp_path, monkeypatch):
    path = _misspelt_copy(tmp_path)
    monkeypatch.setenv(lang.loader.ENV, str(tmp_path))
    with pytest.raises(LanguageDataError) as err:
        lang.load("fr", "cues")
    assert str(err.value) == f"{path}: unknown key 'asert' in [verbs]"
    assert isinstance(err.value, ValueError)
    # files the override dir does not have still come from the bundle
    assert lang.load("fr", "roles").titles.words
    with pytest.raises(LanguageDataError, match="asert"):
        lang.check(["fr"])


def test_bad_values_and_missing_sections(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    dates = (bundled_dir() / "en" / "dates.toml").read_text(encoding="utf-8")
    (tmp_path / "en" / "dates.toml").write_text(dates.replace('"sunday"]', "]"), encoding="utf-8")
    (tmp_path / "en" / "noise.toml").write_text("[share]\npatterns = ['(']\n", encoding="utf-8")
    monkeypatch.setenv(lang.loader.ENV, str(tmp_path))
    with pytest.raises(LanguageDataError, match=r"dates\.toml: bad value for 'dates\.weekdays'"):
        lang.load("en", "dates")
    with pytest.raises(LanguageDataError) as err:
        lang.load("en", "noise")
    msg = str(err.value)
    assert "bad regular expression" in msg and "missing key 'related'" in msg


def test_override_dir_adds_a_language(tmp_path, monkeypatch):
    shutil.copytree(bundled_dir() / "en", tmp_path / "xy")
    monkeypatch.setenv(lang.loader.ENV, str(tmp_path))
    assert lang.languages() == ["en", "fr", "xy"]
    assert lang.load("xy", "cues") == lang.load("en", "cues")


def test_unknown_language(monkeypatch):
    from claimgraph.attribution.lexicon import load_lexicon
    from claimgraph.events.lexicon import load_lexicon as event_lexicon

    monkeypatch.delenv(lang.loader.ENV, raising=False)
    with pytest.raises(LanguageDataError) as err:
        lang.load("xx", "cues")
    assert str(err.value) == "no language data for 'xx' (have: en, fr)"
    for load in (load_lexicon, event_lexicon, calendar):  # no silent fallback to English
        with pytest.raises(LanguageDataError, match="no language data for 'xx'"):
            load("xx")


def test_user_event_and_actor_files_are_validated(tmp_path):
    from claimgraph.events.actors import load_actors
    from claimgraph.events.lexicon import load_lexicon

    good = tmp_path / "good.toml"
    good.write_text('[types.AGREE]\nverbs = ["shake hands"]\n', encoding="utf-8")
    assert load_lexicon("en", (str(good),)).verb_particles[("shake", "hands")] == "AGREE"
    bad = tmp_path / "bad.toml"
    bad.write_text('[types.AGREE]\nverb = ["concur"]\n', encoding="utf-8")
    with pytest.raises(LanguageDataError, match=rf"{bad}: unknown key 'verb' in \[types\.AGREE\]"):
        load_lexicon("en", (str(bad),))
    actors = tmp_path / "actors.toml"
    actors.write_text('[orgs.XYZ]\nnames = ["Xyz"]\nsectr = "GOV"\n', encoding="utf-8")
    with pytest.raises(LanguageDataError, match=r"unknown key 'sectr' in \[orgs\.XYZ\]"):
        load_actors((str(actors),))


def test_cli_analyze_reports_bad_data(tmp_path, monkeypatch):
    from claimgraph.cli import main

    path = _misspelt_copy(tmp_path / "data")
    article = tmp_path / "article.txt"
    article.write_text("Le ministre a déclaré que tout allait bien.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["analyze", "--no-store", str(article)],
                             env={lang.loader.ENV: str(tmp_path / "data")})
    assert res.exit_code != 0
    assert f"{path}: unknown key 'asert' in [verbs]" in res.output
    assert "Traceback" not in res.output
    assert isinstance(res.exception, SystemExit)


# --- the date resolver: one calendar, three readings (outputs as before the resolver) -------

def test_calendar_is_shared():
    from claimgraph.attribution.lexicon import load_lexicon

    for code in BUNDLED:
        cal, lex = calendar(code), load_lexicon(code)
        assert len(cal.weekdays) == 7 and len(cal.months) == 12
        assert (lex.weekdays, lex.months, lex.relative_days) == (
            list(cal.weekdays), list(cal.months), cal.relative_days)
    assert calendar("fr").weekday("Mardi") == 1 and calendar("en").month("March") == 3


@pytest.mark.parametrize(("code", "text", "context", "date", "evidence", "note"), [
    ("fr", "Paris, hier, lundi 3 juin, le ministre a parlé.", "Publié en 2019", "2019-06-04",
     "hier, lundi 3 juin", "year from the document (2019), weekday matches"),
    ("fr", "Avant-hier (samedi 1er juin 2019) rien.", "", "2019-06-03",
     "Avant-hier (samedi 1er juin 2019", "year given, weekday matches"),
    ("fr", "hier, mardi 3 juin", "2019 2020 2025", "2025-06-04", "hier, mardi 3 juin",
     "year from the document (2025), weekday matches"),
    ("en", "Yesterday, Monday June 3, the minister spoke.", "Copyright 2019", "2019-06-04",
     "Yesterday, Monday June 3", "year from the document (2019), weekday matches"),
    ("en", "Today, 14 July 2020, parade.", "", "2020-07-14", "Today, 14 July 2020", "year given"),
    ("fr", "Aujourd'hui 14 juillet, défilé.", "2020 et 2021", None, None, None),  # two years
    ("en", "yesterday, June 31", "2019", None, None, None),  # no such day
    ("fr", "Rien de daté ici.", "", None, None, None),
])
def test_published_date_for_clean(code, text, context, date, evidence, note):
    got = infer_published(text, code, context)
    if date is None:
        assert got is None
        return
    assert (got.date, got.source, got.evidence.text, got.note) == (date, "text", evidence, note)
    assert text[got.evidence.start:got.evidence.end] == evidence
    assert infer_published(text, "", context) is None  # no language, no date


BASE = dt.date(2019, 6, 4)  # a Tuesday


@pytest.mark.parametrize(("code", "text", "base", "expected"), [
    ("fr", "Il est venu lundi et reviendra lundi prochain, pas mardi dernier.", BASE,
     [("lundi", "2019-06-03", True), ("lundi prochain", "2019-06-10", True),
      ("mardi dernier", "2019-05-28", True)]),
    ("fr", "Hier, la semaine dernière, cette année et demain, puis aujourd'hui.", BASE,
     [("Hier", "2019-06-03", True), ("la semaine dernière", "2019-05-28", True),
      ("cette année", "2019", True), ("demain", "2019-06-05", True),
      ("aujourd'hui", "2019-06-04", True)]),
    ("fr", "Le mois prochain, le mois dernier, l'an dernier, ce mois-ci.", dt.date(2024, 1, 31),
     [("Le mois prochain", "2024-02", True), ("le mois dernier", "2023-12", True)]),
    ("fr", "Le vendredi 3 juin 2022 et le 14 juillet et 31 février.", None,
     [("vendredi 3 juin 2022", "2022-06-03", False), ("14 juillet", None, True),
      ("31 février", None, True)]),
    ("en", "He came on Monday and will be back next Friday, not last Tuesday.", BASE,
     [("Monday", "2019-06-03", True), ("Friday", "2019-06-07", True),
      ("Tuesday", "2019-05-28", True)]),
    ("en", "Yesterday, last week, this year and tomorrow, tonight, last month, next year.", BASE,
     [("Yesterday", "2019-06-03", True), ("last week", "2019-05-28", True),
      ("this year", "2019", True), ("tomorrow", "2019-06-05", True),
      ("tonight", "2019-06-04", True), ("last month", "2019-05", True),
      ("next year", "2020", True)]),
])
def test_statement_dates_for_attribution(code, text, base, expected):
    doc = spacy.blank(code)(text)
    found, covered = token_dates(doc, 0, len(doc), calendar(code), base)
    got = [(text[d["span"][0]:d["span"][1]], d["date"], d["relative"]) for d in found]
    assert got == expected
    assert covered and max(covered) < len(doc)


@pytest.mark.parametrize(("code", "text", "base", "expected"), [
    ("fr", "Le 3 juin 2019, l'armée a frappé ; lundi dernier aussi, et hier soir.", BASE,
     [("3 juin 2019", "2019-06-03"), ("lundi dernier", "2019-06-03"), ("hier soir", None)]),
    ("fr", "Fin mars, début janvier 2020, mi-mai et en 2018, depuis mars.", BASE,
     [("Fin mars", "2019-03"), ("début janvier 2020", "2020-01"), ("mi-mai", "2019-05"),
      ("en 2018", "2018"), ("depuis mars", "2019-03")]),
    ("en", "On June 3, 2019 the army struck; last Monday too, and last night.", BASE,
     [("June 3, 2019", "2019-06-03"), ("last Monday", "2019-06-03"),
      ("last night", "2019-06-03")]),
    ("en", "Early March, late January 2020, mid-May, in 2018, since March, this Friday.",
     dt.date(2024, 1, 31),
     [("Early March", "2023-03"), ("late January 2020", "2020-01"), ("mid-May", "2023-05"),
      ("in 2018", "2018"), ("since March", "2023-03"), ("this Friday", "2024-01-26")]),
    ("en", "March 2019 and 12 December and Tuesday morning.", BASE,
     [("March 2019", "2019-03"), ("12 December", "2018-12-12"),
      ("Tuesday morning", "2019-06-04")]),
])
def test_event_dates(code, text, base, expected):
    hits = text_dates(text, 5, calendar(code), base)
    assert [(h.text, h.date) for h in hits] == expected
    assert all(text[h.start - 5:h.end - 5] == h.text for h in hits)
