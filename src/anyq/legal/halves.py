"""A reply written twice: the whole reply in Kazakh, then the same reply in Russian (or the
reverse). Each reader reads one half only, so each half is read for completeness on its own
(L124), besides the reading of the letter as one (L110–L114).

The halves are two contiguous blocks of the body, one per language; the letterhead, the
signature and the executor's lines are shared and belong to both. A Russian reply that quotes a
Kazakh name or line has no halves: each block must be substantial (``min_words`` and
``min_share`` of the body's words), and nearly every word must stand in its own language's
block (``min_purity``), so that a stray sentence in the other language does not split a letter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from anyq.legal.citations import Citation
from anyq.legal.cues import cues
from anyq.legal.layout import Layout, Sentence, word_count
from anyq.legal.reply import ReplyReading, read_reply


@dataclass(slots=True)
class Half:
    lang: str
    sentences: list[Sentence]  # the half's body sentences, in order
    reading: ReplyReading


def split(body: list[Sentence], min_words: dict[str, int], min_share: float, min_purity: float) -> tuple[int, str, str] | None:
    """(the index of the second half's first sentence, the first half's language, the second's),
    or None when the body is not two language halves. ``min_words`` by the half's language: the
    same reply takes fewer words in Kazakh, whose endings carry what Russian says in words."""
    total = sum(s.words for s in body)
    if not total or len(body) < 2:
        return None
    # words of each language before each cut
    before = {"ru": [0], "kk": [0]}
    for s in body:
        for lang, acc in before.items():
            acc.append(acc[-1] + (s.words if s.lang == lang else 0))
    best: tuple[int, int, str, str] | None = None  # (agreeing words, cut, first, second)
    for k in range(1, len(body)):
        for first, second in (("kk", "ru"), ("ru", "kk")):
            agree = before[first][k] + before[second][-1] - before[second][k]
            if best is None or agree > best[0]:
                best = (agree, k, first, second)
    assert best is not None
    agree, k, first, second = best
    if agree < min_purity * total:
        return None
    head = sum(s.words for s in body[:k])
    for lang, words in ((first, head), (second, total - head)):
        if words < min_words[lang] or words < min_share * total:
            return None
    return k, first, second


def read_halves(
    lay: Layout, norms: set[int], cits: list[Citation], min_words: dict[str, int], min_share: float, min_purity: float
) -> tuple[Half, Half] | None:
    """Each half read as a reply of its own: the letter's sentences without the other half's body."""
    body = lay.body()
    cut = split(body, min_words, min_share, min_purity)
    if cut is None:
        return None
    k, first, second = cut
    out = []
    for lang, mine, other in ((first, body[:k], body[k:]), (second, body[k:], body[:k])):
        drop = {id(s) for s in other}
        # the second half's own greeting («Уважаемая Динара Болатовна!») is its greeting, not its
        # opening paragraph, where a fact of the case is the direct answer
        greeting = {id(s) for s in _greeting(mine)}
        sentences = [replace(s, zone="greeting") if id(s) in greeting else s for s in lay.sentences if id(s) not in drop]
        sub = replace(lay, sentences=sentences)
        out.append(Half(lang, [s for s in mine if id(s) not in greeting], read_reply(sub, norms, lang, cits)))
    return out[0], out[1]


def _greeting(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of the half's first paragraph when it is a greeting, as the layout reads one."""
    if not sentences:
        return []
    para = [s for s in sentences if s.para == sentences[0].para]
    text = " ".join(s.text.strip() for s in para)
    # either language's greeting: a short line of Kazakh names may be identified as either
    greets = any(cues(lang).rx("greeting").match(text) for lang in ("ru", "kk"))
    return para if greets and word_count(text) <= 10 else []
