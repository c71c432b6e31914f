"""The Kazakh sentence tests of the reply reader build a Token (and its ``token._.kk``) only for
the tokens whose plain strings may pass (``reply._candidate_tokens``): they answer as the same
tests over every token of the sentence do."""

from __future__ import annotations

import pytest

from anyq.legal import reply
from anyq.legal.layout import Sentence, layout
from anyq.nlp.pipeline import annotate_many
from anyq.nlp.stem_kk import stemmer
from anyq.text import Paragraph

TEXTS = [
    "Сіздің өтінішіңіз қаралды. Біз тексеру жүргіздік, нәтижесі туралы хабарлаймыз.",
    "Құжаттарды 10 жұмыс күні ішінде тапсырыңыз. Қосымша ақпарат алу үшін хабарласыңыз.",
    "Өтінішіңізге сәйкес комиссия отырысы өтеді. Шешім қабылданатын болады, сізге хабарланады.",
    "Жер учаскесі берілді. Мәселе қаралып жатыр. Бұл туралы бұрын айтылған еді.",
    "Сіз аудандық әкімдікке жүгіне аласыз. Бізге келуіңіз керек. Оларға хат жіберілді.",
    "ҚР Жер кодексінің 43-бабына сәйкес, ж.б. құжаттар, т.б. Ақпарат www.gov.kz сайтында.",
    "СІЗДІҢ ӨТІНІШІҢІЗ ҚАРАЛДЫ. Біздер жауап береміз. Сіздерге жауап беріледі.",
    "",
]


def _sentences() -> list[Sentence]:
    paragraphs, start = [], 0
    for i, text in enumerate(TEXTS):
        paragraphs.append(Paragraph(i, start, start + len(text), text, "kk"))
        start += len(text) + 2
    docs = list(annotate_many([p.text for p in paragraphs], "kk"))
    return [s for s in layout(paragraphs, docs, "kk").sentences if s.span is not None]


def _addresses_reader(s: Sentence) -> bool:
    for t in s.span:
        a = t._.kk
        if t.lower_.startswith("сіз") or (a is not None and any(tag.startswith("poss2") or tag == "2pol" for tag in a.tags)):
            return True
    return False


def _we_speak(s: Sentence) -> bool:
    return any(t.lower_ == "біз" or (t._.kk is not None and "1pl" in t._.kk.tags) for t in s.span)


def _forward_looking(s: Sentence) -> bool:
    lex = stemmer().lex
    for t in s.span:
        a = t._.kk
        if t.lower_ in ("керек", "қажет", "тиіс", "болады", "аласыз", "алады"):
            return True
        if a is None:
            continue
        if a.pos == "VERB" and any(tag in ("pres", "fut", "ptcp.fut") for tag in a.tags):
            return True
        if "poss2pol" in a.tags and lex.is_verb(a.stem, depth=0):
            return True
    return False


@pytest.mark.parametrize(
    "fast, every_token",
    [(reply.addresses_reader, _addresses_reader), (reply._we_speak, _we_speak), (reply.forward_looking, _forward_looking)],
)
def test_candidate_tokens_answer_as_every_token_does(fast, every_token) -> None:
    sentences = _sentences()
    assert len(sentences) >= 15
    answers = [fast(s) for s in sentences]
    assert answers == [every_token(s) for s in sentences]
    assert True in answers and False in answers  # the texts hold both kinds
