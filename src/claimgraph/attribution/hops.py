"""Intermediaries named around a statement: who carried it, nearest first.

One construction per marker, all read from ``chains.toml`` ``[hops]``:

- the outlet a statement was made to: "a déclaré à l'AFP", "auprès du quotidien", "sur
  franceinfo", "said to Reuters", "told IANS" (the object of an addressee cue);
- a frame naming the outlet: "au micro de X", "dans les colonnes du Parisien", "invité
  d'Europe 1";
- the outlet that reached the speaker: "des sources contactées par l'AFP";
- the outlet behind a channel: "une interview accordée à X", "un article de Reuters", "in a
  statement carried by IRNA", "in an interview with X".

A hop is an outlet: a known source entity, a noun phrase headed by a media noun ("le
quotidien RBC"; alone, "le quotidien" is the source named last before it), or, after a
marker that expects an outlet, a proper name that is neither a person nor a place. The
channel itself ("dans un communiqué", "in an interview") is returned apart: it is never a hop.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.attribution.entities import Ent
from claimgraph.attribution.lexicon import HopWords
from claimgraph.attribution.statements import Cand, Ctx, Link, np_extent

NAME_POS = ("PROPN",)
# the tagger's entity types that name no outlet (dates, groups of people, places)
NOT_NAMES = ("DATE", "TIME", "NORP", "GPE", "LOC")


def char_span(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    doc = ctx.doc
    return doc[s].idx, doc[e - 1].idx + len(doc[e - 1])


def is_source(ent: Ent | None) -> bool:
    return ent is not None and (ent.source or ent.sector == "MED")


def _kind(ent: Ent | None) -> str:
    return "agency" if ent is not None and ent.kind == "news_agency" else "outlet"


def _relayed_name(ctx: Ctx, s: int) -> bool:
    """The mention at ``s`` follows a relay marker: "rapporté par X", "a statement issued to X",
    "contacté par X" (an outlet the text has not named as one)."""
    doc, lex, words = ctx.doc, ctx.lex, ctx.lex.hops
    k = s - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    if k < 1 or doc[k].lower_ not in (words.agents | words.addressee | words.channel_links):
        return False
    prev = doc[k - 1].lower_
    return prev in lex.relay_participles or prev in words.channel_skip or prev in words.contact


def _last_source_before(ctx: Ctx, i: int) -> Ent | None:
    """The outlet named last before token ``i``: a known source, or a name a relay marker
    brought in."""
    best, at = None, -1
    for ent in ctx.index.ents:
        known = is_source(ent)
        if not known and ent.label not in ("ORG", "MISC"):
            continue
        for s, e in ent.mentions:
            if not known and any(t.ent_type_ in ("PER", "PERSON") for t in ctx.doc[s:e]):
                continue  # the tagger's person: no outlet
            if at < s < i and (known or _relayed_name(ctx, s)):
                best, at = ent, s
    return best


def _head_of(ctx: Ctx, start: int, hi: int) -> Token | None:
    """The head noun of the phrase starting at ``start`` (after determiners)."""
    doc = ctx.doc
    if start >= hi:
        return None
    tok = doc[start]
    while tok.pos_ in ("DET", "ADP") and tok.i + 1 < hi:
        tok = doc[tok.i + 1]
    while (tok.head.i != tok.i and start <= tok.head.i < min(hi, start + 6)
           and tok.head.pos_ in ("NOUN", "PROPN")):
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN", "X") else None


def outlet_at(ctx: Ctx, start: int, hi: int, words: HopWords, *, names: bool,
              persons: bool = False) -> Link | None:
    """The outlet named by the phrase at token ``start``, or None.

    ``names``: a proper name that is no person or place counts (after markers that expect an
    outlet); ``persons``: a person counts too (the interviewer of "an interview with X")."""
    doc = ctx.doc
    head = _head_of(ctx, start, hi)
    if head is None:
        return None
    s, e = np_extent(ctx, head, start, hi)
    if head.lower_ in ctx.lex.channel_statement and not any(
            t.pos_ == "PROPN" for t in doc[s:e] if t.i != head.i):
        return None  # "sur Twitter", "on Facebook": a channel, never a hop (not "the New York Post")
    e = next((t.i for t in doc[head.i + 1:e] if t.pos_ == "DET" and t.text.islower()), e)
    ent = ctx.index.in_span(s, e, ("ORG", "PER", "MISC", "LOC"))
    span = char_span(ctx, s, e)
    if is_source(ent):
        return Link(name=_programme(ctx, ent, s, e), kind=_kind(ent), span=span,  # type: ignore[arg-type]
                    entity=ent)
    if head.lemma_.lower() in words.media_nouns or head.lower_ in words.media_nouns:
        if any("Poss=Yes" in str(t.morph) or t.dep_ in ("poss", "nmod:poss") for t in doc[s:head.i]):
            return None  # "on its website", "sur son site": the speaker's own channel
        inside = [t for t in doc[s:e] if t.i != head.i and t.ent_type_ not in ("DATE", "TIME") and (
            t.pos_ in NAME_POS or (t.i > head.i and t.text[:1].isupper() and t.is_alpha))]
        if ent is not None and ent.label in ("ORG", "MISC"):
            return Link(name=ent.name, kind="outlet", span=span, entity=ent)
        if not inside:
            inside = _appellation(ctx, head, hi, words)
        if inside:
            first = inside[0].i
            if first - 1 > head.i and doc[first - 1].pos_ == "DET" and doc[first - 1].text[:1].isupper():
                first -= 1  # "le quotidien Le Matin"
            return Link(name=doc[first:inside[-1].i + 1].text, kind="outlet", span=span)
        if not any("Definite=Def" in str(t.morph) or "PronType=Dem" in str(t.morph)
                   for t in doc[max(0, min(s, start) - 1):head.i]):
            return None  # "on national television": no outlet named before
        if any(t.pos_ in ("NOUN", "PROPN") for t in doc[s:e] if t.i != head.i):
            return None  # "la télévision officielle du pays": a description, not a mention back
        prior = _last_source_before(ctx, s)
        if prior is not None:
            return Link(name=prior.name, kind=_kind(prior), span=span, entity=prior)
        return None
    if not names or not head.text[:1].isupper():
        return None
    if head.pos_ not in NAME_POS and not (head.pos_ in ("NOUN", "X") and head.ent_type_ in ("ORG", "MISC")):
        return None
    if ent is not None and (ent.label == "LOC" or (ent.label == "PER" and not persons)):
        return None
    if head.ent_type_ in NOT_NAMES and not is_source(ent) and not any(
            t.ent_type_ == "ORG" for t in doc[s:e]):
        return None  # "told a crowd on Sunday", "says to Nevadans"
    if not persons and head.ent_type_ in ("PER", "PERSON") and not is_source(ent) and not head.is_upper:
        return None  # the tagger's person ("asked Trump"), whatever the index made of it
    if ent is not None and ent.sector not in (None, "MED"):
        return None  # a government, an army, a court: an addressee, not an outlet
    if ent is None and head.ent_type_ in ("LOC", "GPE", "PER", "PERSON", "NORP", "DATE"):
        return None
    if ent is not None:
        return Link(name=ent.name, kind="outlet", span=span, entity=ent)
    run = [t for t in doc[s:e] if t.pos_ in NAME_POS or t.is_digit]
    name = doc[run[0].i:run[-1].i + 1].text if run else doc[s:e].text
    return Link(name=name, kind="outlet", span=span)


def _programme(ctx: Ctx, ent: Ent, s: int, e: int) -> str:
    """The name as written when it extends the outlet's name with more proper names: a
    programme or an edition of it ("CBS Sunday Morning", "BBC World")."""
    toks = [t for t in ctx.doc[s:e] if t.pos_ != "DET"]
    if len(toks) < 2 or not all(t.pos_ == "PROPN" for t in toks):
        return ent.name
    text = ctx.doc[toks[0].i:toks[-1].i + 1].text
    return text if text.lower().startswith(ent.name.lower() + " ") else ent.name


def _appellation(ctx: Ctx, head: Token, hi: int, words: HopWords) -> list[Token]:
    """The name after a media noun that the parser hung elsewhere: "l'agence officielle Tass",
    "l'agence de presse russe Interfax" (past adjectives and a "de" + common noun)."""
    doc = ctx.doc
    j = head.i + 1
    while j < min(hi, head.i + 5) and ((doc[j].pos_ == "ADJ" and not doc[j].text[:1].isupper()) or (
            doc[j].lower_ in words.of and j + 1 < hi and doc[j + 1].pos_ == "NOUN"
            and doc[j + 1].text.islower())):
        j += 2 if doc[j].lower_ in words.of else 1
    run = []
    while j < hi and doc[j].is_alpha and doc[j].text[:1].isupper() and ctx.quote_of[j] < 0:
        run.append(doc[j])
        j += 1
    if run and ctx.index.in_span(run[0].i, run[-1].i + 1, ("PER", "LOC")) is not None:
        return []  # "l'agence de presse Jean Dupont"? a person or a place is no outlet name
    return run


def _attached(tok: Token, anchors: set[int], steps: int = 3) -> bool:
    """Whether ``tok`` (an outlet's head) depends on the cue within a few steps, through
    prepositions, adverbs and nouns but no other verb."""
    h = tok
    for _ in range(steps):
        if h.head.i == h.i:
            return False
        h = h.head
        if h.i in anchors:
            return True
        if h.pos_ in ("VERB", "AUX"):
            return False
    return False


def _adjacent(ctx: Ctx, c: Cand, i: int) -> bool:
    """Marker ``i`` follows the cue or the inverted speaker, past adverbs and dates only
    ("a déclaré lundi à l'AFP", "a déclaré sa femme X à Forum 18")."""
    assert c.cue is not None
    doc = ctx.doc
    k = i - 1
    while k >= 0 and i - k <= 4 and (doc[k].pos_ == "ADV" or doc[k].lower_ in ctx.date_words
                                      or doc[k].like_num):
        k -= 1
    if k < 0:
        return False
    if c.cue.start <= k < c.cue.end or k == c.cue.head:
        return True
    if c.speaker is None or not c.inverted or c.speaker[0] < c.cue.end:
        return False
    # past the inverted speaker: "a déclaré sa femme Anna T. à Forum 18", "explique le joueur
    # de Chelsea sur le site de X" (names, nouns and "of" words only, no verb nor comma)
    between = doc[c.cue.end:i]
    return 0 < len(between) <= 7 and all(
        t.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "ADV") or t.lower_ in ctx.lex.hops.of
        for t in between)


def _anchors(ctx: Ctx, c: Cand) -> set[int]:
    assert c.cue is not None
    out = set(range(c.cue.start, c.cue.end)) | {c.cue.head}
    head = ctx.doc[c.cue.head]
    out |= {t.i for t in head.children if t.dep_ in ("aux", "aux:pass", "xcomp", "advcl")}
    return out


def _outside(ctx: Ctx, c: Cand, i: int) -> bool:
    """Token ``i`` is no word of the statement's content: outside it, or, when the content
    runs around its own cue ('"...," X told Y. "..."'), outside its quotations."""
    s, e = c.content
    if not (s <= i < e):
        return True
    return c.cue is not None and s <= c.cue.head < e and ctx.quote_of[i] < 0


def channel_hops(ctx: Ctx, c: Cand, lo: int, hi: int) -> tuple[tuple[int, int] | None, list[Link]]:
    """The channel of statement ``c`` (char span) and the hops found around its cue."""
    doc, lex = ctx.doc, ctx.lex
    words = lex.hops
    assert c.cue is not None
    anchors = _anchors(ctx, c)
    hops: list[Link] = []
    channel: tuple[int, int] | None = None
    head = doc[c.cue.head]
    if c.cue.lemma in lex.addressee_cues:
        for child in head.children:
            if child.dep_ in ("dobj", "obj", "iobj", "dative") and _outside(ctx, c, child.i):
                link = outlet_at(ctx, child.left_edge.i, hi, words, names=True)
                if link:
                    hops.append(link)
    for i in range(lo, hi):
        # (a marker inside a quotation is quoted speech: "dénonce « une insulte à la République »")
        if _outside(ctx, c, i) and ctx.quote_of[i] < 0:
            t = doc[i]
            low = t.lower_
            if low in words.addressee and i + 1 < hi:
                j = i + 1
                if low in words.with_of and doc[j].lower_ in words.of:
                    j += 1
                head_tok = _head_of(ctx, j, hi)
                if head_tok is not None and (_attached(head_tok, anchors) or _adjacent(ctx, c, i)):
                    # "responded to X's remarks": only a known outlet is the addressee of a reply
                    names = low not in words.strict and c.cue.lemma not in lex.reply_cues
                    link = outlet_at(ctx, j, hi, words, names=names)
                    if link:
                        hops.append(link)
            elif low in words.frames and i + 2 < hi and doc[i + 1].lower_ in words.of:
                link = outlet_at(ctx, i + 2, hi, words, names=True)
                if link:
                    hops.append(link)
            elif (low in lex.channel_statement or low in lex.channel_interview
                  or low in words.documents):
                if not any(doc[k].lower_ in lex.channel_preps for k in range(max(lo, i - 3), i)) and not (
                        t.head.lower_ in lex.channel_preps and lo <= t.head.i < i):
                    continue  # ("in a never-before-seen chat with X": the preposition governs it)
                if channel is None:
                    s = max(lo, i - 2)
                    while doc[s].lower_ in lex.channel_preps or doc[s].is_punct:
                        s += 1
                    channel = char_span(ctx, s, i + 1)
                hops.extend(_after_channel(ctx, i, hi, words, interview=low in lex.channel_interview,
                                           document=low in words.documents))
    return channel, _dedupe(hops)


def _after_channel(ctx: Ctx, i: int, hi: int, words: HopWords, *, interview: bool,
                   document: bool) -> list[Link]:
    """'une interview accordée à X', 'in a statement carried by IRNA', 'un article de Reuters'."""
    doc = ctx.doc
    j = i + 1
    while j < min(hi, i + 5) and (doc[j].lower_ in words.channel_skip or doc[j].pos_ in ("ADJ", "ADV")
                                  or doc[j].lower_ in ctx.date_words):
        j += 1
    if j + 1 >= hi or doc[j].lower_ not in words.channel_links:
        return []
    prep = doc[j].lower_
    of = prep in words.of
    if of and not document:
        link = outlet_at(ctx, j + 1, hi, words, names=False)  # "un communiqué de la présidence"
    else:
        link = outlet_at(ctx, j + 1, hi, words, names=True, persons=interview and not of)
    return [link] if link else []


def contact_hops(ctx: Ctx, c: Cand, hi: int) -> list[Link]:
    """'des sources contactées par l'AFP ont évoqué': the outlet that reached the speaker."""
    if c.speaker is None:
        return []
    doc = ctx.doc
    words = ctx.lex.hops
    s, e = c.speaker
    out = []
    for i in range(s, min(hi, e + 2)):
        t = doc[i]
        if t.lower_ in words.contact and i + 2 < hi and doc[i + 1].lower_ in words.agents \
                and (s <= t.head.i < e or t.i < e):
            link = outlet_at(ctx, i + 2, hi, words, names=True)
            if link:
                out.append(link)
    return out + _source_of(ctx, c, hi)


def _source_of(ctx: Ctx, c: Cand, hi: int) -> list[Link]:
    """'une source européenne du journal', 'sources at the newspaper': an unnamed source that
    belongs to an outlet reached the reader through it (the outlet named by a media noun)."""
    assert c.speaker is not None
    doc, words = ctx.doc, ctx.lex.hops
    s, e = c.speaker
    first = next((t for t in doc[s:e] if t.pos_ in ("NOUN", "PROPN")), None)
    if first is None or first.lower_ not in ctx.lex.unnamed_nouns:
        return []
    for i in range(first.i + 1, e - 1):
        if doc[i].lower_ in words.of:
            head = _head_of(ctx, i + 1, min(hi, e))
            if head is not None and words.media_nouns & {head.lower_, head.lemma_.lower()}:
                link = outlet_at(ctx, i + 1, min(hi, e), words, names=False)
                return [link] if link else []
    return []


def _dedupe(links: list[Link]) -> list[Link]:
    out: list[Link] = []
    for lk in links:
        if not any(o.name.lower() == lk.name.lower() for o in out):
            out.append(lk)
    return out
