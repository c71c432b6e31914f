"""The Kazakh sentence tests of the reply reader build a Token (and its ``token._.kk``) only for
the tokens whose plain strings may pass (``reply._candidate_tokens``): they answer as the same
per-token test over every token of the sentence does, and no token that passes it is left out."""

from __future__ import annotations

import pytest

from anyq.legal import reply
from anyq.legal.layout import Sentence, layout
from anyq.nlp.pipeline import annotate_many
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


@pytest.mark.parametrize(
    "sentence_test, token_test, words, in_tag",
    [
        (reply.addresses_reader, reply._kk_addresses_reader, ("сіз",), ("poss2", "2pol")),
        (reply._we_speak, reply._kk_we, ("біз",), ("1pl",)),
        (reply.forward_looking, reply._kk_forward_looking, reply._KK_MODALS, ("pres", "fut", "poss2pol")),
    ],
)
def test_candidate_tokens_answer_as_every_token_does(sentence_test, token_test, words, in_tag) -> None:
    sentences = _sentences()
    assert len(sentences) >= 15
    answers = [sentence_test(s) for s in sentences]
    assert answers == [any(map(token_test, s.span)) for s in sentences]
    assert True in answers and False in answers  # the texts hold both kinds
    for s in sentences:
        candidates = {t.i for t in reply._candidate_tokens(s, words, in_tag)}
        assert {t.i for t in s.span if token_test(t)} <= candidates, s.text
