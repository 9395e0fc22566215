"""Clean stage: main text and metadata, line-level noise, language, outlet and date."""

from __future__ import annotations

from functools import cached_property

from claimgraph.clean import dating, language
from claimgraph.clean.article import not_an_article
from claimgraph.clean.extract import extract_html
from claimgraph.clean.lines import rules_for, split_lines
from claimgraph.clean.outlets import OutletRegistry, domain_of
from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.model import Document, Outlet, Published
from claimgraph.stage import Stage, register

__all__ = ["CleanStage", "OutletRegistry", "clean"]


@register("clean")
class CleanStage(Stage):
    """Fills text, title, captions, removed, language, outlet and published."""

    @cached_property
    def outlets(self) -> OutletRegistry:
        return OutletRegistry.load(self.config.get("outlets.extra", []))

    def warm(self) -> None:
        """Load what the first documents would otherwise load: the outlet registry, the noise
        rules, the function-word lists and the language detectors."""
        langs = tuple(self.config.languages)
        detect = tuple(self.config.get("languages.detect", []) or ())
        _ = self.outlets
        rules_for(langs)
        language.detector(langs)
        among = tuple(sorted(set(detect) | set(langs))) if detect else ()
        language.vote("warm " * language.VOTE_MIN_TOKENS, among)
        language.function_word_hits("warm", langs)
        if not (detect and set(detect) <= set(langs)):
            language.wide_detector(among)

    def process(self, doc: Document) -> Document:
        langs = tuple(self.config.languages)
        meta = doc.meta
        html = (doc.content_type or "").startswith("text/html") or "xhtml" in (doc.content_type or "")
        if html:
            ext = extract_html(doc.raw, doc.url)
            lines = ext.text.split("\n")
            evidence = {"links": ext.links, "figures": ext.figures}
            title = meta.get("title") or ext.title
            doc.author = meta.get("author") or ext.author
            doc.site = ext.site
            doc.page = ext.page
            meta_date = meta.get("published") or ext.date
            if ext.page.modified:
                doc.modified = Published(date=ext.page.modified, source="metadata",
                                         note=ext.page.evidence.get("modified"))
        else:
            lines = doc.raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            evidence = {}
            title = meta.get("title")
            doc.author = meta.get("author")
            meta_date = meta.get("published")
        if not any(line.strip() for line in lines):
            raise RejectedInput("empty", "no article text found after extraction")
        lang = meta.get("language") or self._language(lines, langs)
        analysed = lang in langs
        rules = rules_for(langs, () if analysed else (lang,))
        res = split_lines(
            lines, lang, langs, title=title,
            min_words=int(self.config.get("clean.language_check_min_words", 6)),
            max_other_conf=float(self.config.get("clean.other_language_max_confidence", 0.2)),
            trailing_short=not html, check_language=analysed, rules=rules, **evidence,
        )
        doc.language = lang
        if not analysed:
            # A language without a model: lines cleaned alike, no parse, no attribution;
            # kept for linking by embeddings and names.
            doc.status = "not_analysed"
        doc.title = res.title
        doc.text = "\n\n".join(line for _, line in res.body)
        doc.captions = res.captions
        doc.removed = res.removed
        min_chars = int(self.config.get("limits.min_body_chars", 40))
        why = not_an_article(res, rules, min_chars)
        if why:
            raise RejectedInput("not_an_article", why)
        if len(doc.text) < min_chars:
            raise RejectedInput(
                "empty", f"only {len(doc.text)} characters of article text after cleaning "
                f"({len(res.removed)} lines removed as noise)")
        doc.outlet = self._outlet(doc, res.footer_outlets)
        doc.published = self._published(doc, meta_date, lines)
        return doc

    def _language(self, lines: list[str], langs: tuple[str, ...]) -> str:
        detect = tuple(self.config.get("languages.detect", []) or ())
        return language.identify("\n".join(lines), langs, detect) or self.config.default_language

    def _outlet(self, doc: Document, footers: list[tuple[str, str]]) -> Outlet | None:
        """The registry's outlet from (in order) the input, the input URL's domain, the page's
        canonical URL, its site name, its publisher, a source footer; else an unknown outlet
        named by its domain and site name."""
        given = doc.meta.get("outlet")
        if given:
            return self.outlets.from_name(given, "input") or Outlet(
                id=given.lower().replace(" ", "-"), name=given, evidence="input")
        page = doc.page
        urls = [u for u in (doc.url, page.url if page else None) if u]
        for url in urls:
            found = self.outlets.from_url(url)
            if found:
                return found
        names = [(page.site, page.evidence.get("site")), (page.publisher,
                 page.evidence.get("publisher"))] if page else []
        names = [(n, ev) for n, ev in names if n]
        if doc.site and not names:
            names = [(doc.site, "site")]
        for name, ev in names:
            found = self.outlets.from_name(name, f"site:{name} ({ev})")
            if found:
                return found
        for name, line in footers:
            found = self.outlets.from_name(name, f"footer:{line}")
            if found:
                return found
        if footers:  # an unknown outlet named by a footer is still the outlet
            name, line = footers[0]
            return Outlet(id=name.lower().replace(" ", "-"), name=name, evidence=f"footer:{line}")
        domain = next((d for d in map(domain_of, urls) if d and "." in d), None)
        if domain or names:
            name = names[0][0] if names else str(domain)
            return Outlet(id=domain or name.lower().replace(" ", "-"), name=name, domain=domain,
                          evidence=f"not in the registry: domain {domain or '-'}, "
                                   f"site name {names[0][0] if names else '-'}")
        return None

    def _published(self, doc: Document, meta_date: str | None, lines: list[str]) -> Published | None:
        if meta_date:
            note = "input" if doc.meta.get("published") else (
                doc.page.evidence.get("published") if doc.page else None)
            return Published(date=str(meta_date), source="metadata", note=note)
        # Removed lines (a dated "see also" link) may carry the year the body leaves out.
        return dating.infer(doc.text, doc.language, doc.url, "\n".join(lines))


def clean(doc: Document, config: Config | None = None) -> Document:
    """Clean one document (Python API)."""
    return CleanStage(config or Config.load()).process(doc)
