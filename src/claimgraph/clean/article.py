"""Is what is left an article? Pages without an article body are refused with the evidence.

Refused: unrendered page templates (``{{ placeholder }}`` lines), login walls and error pages
(a short body with a ``[not_article]`` line of ``data/<lang>/noise.toml``), galleries and
photo pages whose only text is captions or credits, and indexes (link lists with no prose).
"""

from __future__ import annotations

import re

from claimgraph.clean.lines import LineResult, NoiseRules

_PLACEHOLDER = re.compile(r"\{\{.{1,80}?\}\}|\[\[.{1,80}?\]\]|\$\{[\w.]{1,60}\}")
_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def not_an_article(res: LineResult, rules: NoiseRules, min_chars: int,
                   short_body_chars: int = 400) -> str | None:
    """The evidence that ``res`` is not an article, or None."""
    body = [line for _, line in res.body]
    chars = sum(len(line) for line in body)
    tpl = [line for line in body if _PLACEHOLDER.search(line)]
    rest = chars - sum(len(line) for line in tpl)
    if tpl and (len(tpl) >= 0.5 * len(body) or rest < short_body_chars):
        return f"unrendered page template: {len(tpl)} of {len(body)} lines hold placeholders " \
               f"({tpl[0][:80]!r})"
    if chars < short_body_chars:
        for line in [*body, *(r.text for r in res.removed)]:
            if rules.not_article.match(line):
                return f"login wall or page template ({chars} characters of text): {line[:80]!r}"
    if chars < min_chars and res.captions:
        return (f"no article body, only {len(res.captions)} caption or credit line(s): "
                f"{res.captions[0].text[:80]!r}")
    links = [r for r in res.removed if r.reason == "related" and r.detail
             and r.detail.startswith("one of consecutive lines")]
    prose = [line for line in body if _words(line) >= 12]
    if len(links) >= 10 and len(prose) <= 1 and len(links) >= 3 * len(body):
        return f"index page: {len(links)} link lines and {len(prose)} paragraph(s) of prose"
    return None
