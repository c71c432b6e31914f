"""Tokenizer, norms, morphology, sentence splitting, Kazakh stemming."""

from __future__ import annotations

import csv
import json

import pytest
import spacy

from anyq.nlp.normalize import original_span
from anyq.nlp.pipeline import annotate, get_nlp
from anyq.nlp.stem_kk import stemmer


def test_kazakh_is_a_registered_spacy_language():
    get_nlp("kk")  # registers the language
    nlp = spacy.blank("kk")
    assert nlp.lang == "kk"
    assert [t.text for t in nlp("ӘРПК-нің 91-бабына")] == ["ӘРПК-нің", "91-бабына"]


@pytest.mark.parametrize(
    "lang,text,token,norm",
    [
        ("ru", "согласно ст. 91", "ст.", "статья"),
        ("ru", "согласно п. 2", "п.", "пункт"),
        ("ru", "пп. 3) п. 2", "пп.", "подпункт"),
        ("ru", "ч. 2 ст. 7", "ч.", "часть"),
        ("ru", "т.е. сегодня", "т.е.", "то есть"),
        ("kk", "2024 ж. 15 наурыз", "ж.", "жыл"),
        ("kk", "және т.б. құжаттар", "т.б.", "тағы басқа"),
    ],
)
def test_legal_abbreviations_are_one_token_with_the_right_norm(lang, text, token, norm):
    doc = annotate(text, lang)
    tok = next(t for t in doc if t.text == token)
    assert tok.norm_ == norm


def test_glued_abbreviations_are_split():
    assert [t.text for t in annotate("г.Астана, ул.Абая, д.5", "ru")][:4] == ["г.", "Астана", ",", "ул."]


def test_russian_lemmas_and_grammemes():
    doc = annotate("В целях обеспечения данного решения рассмотрено обращение", "ru")
    by = {t.text: t for t in doc}
    assert by["целях"].lemma_ == "цель"
    assert by["данного"].lemma_ == "данный" and by["данного"].pos_ == "ADJ"
    assert "Case=Gen" in str(by["обеспечения"].morph)
    assert by["рассмотрено"].lemma_ == "рассмотреть" and "Voice=Pass" in str(by["рассмотрено"].morph)


def test_kazakh_stems_and_voice_norm():
    doc = annotate("Өтініштеріңіз жүзеге асырылады", "kk")
    assert [t.lemma_ for t in doc] == ["өтініш", "жүзе", "асырыл"]
    assert doc[2].norm_ == "асыр"  # the phrase «жүзеге асыру» matches the passive too


@pytest.mark.parametrize(
    "lang,text,sentences",
    [
        ("ru", "Согласно п. 2 ст. 76 АППК РК ответ даётся в срок. Далее И.И. Иванов сообщил.", 2),
        ("ru", "Исп. Иванов И.И. Тел.: 8 (7172) 74-00-00.", 2),
        ("ru", "В 2024 г. было принято решение. Срок истёк, т. к. документы не поданы.", 2),
        ("ru", "Нужно: 1) заявление; 2) паспорт; 3) справка.", 1),
        ("ru", "Вы пишете: «Когда закончится ремонт?» Отвечаем: в мае.", 2),
        ("kk", "ҚР ӘРПК-нің 91-бабына сәйкес 2024 ж. 15 наурызда шешім қабылданды.", 1),
        ("kk", "91-б. 2-т. қараңыз. Орынд.: А.Б. Серікова.", 2),
        ("kk", "Құжаттар т.б. тапсырылды. Келесі қадам белгілі.", 2),
    ],
)
def test_sentence_splitter(lang, text, sentences):
    assert len(list(annotate(text, lang).sents)) == sentences


def _gold_errors(corpora, name, lang):
    errors = boundaries = 0
    for line in (corpora / "sentences" / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text, pos, gold = row["text"], 0, []
        for s in row["sentences"]:
            i = text.index(s, pos)
            gold.append(i)
            pos = i + len(s)
        pred = []
        for s in annotate(text, lang).sents:
            if s.text.strip():
                p = original_span(s.doc, s.start_char, s.end_char)[0]
                pred.append(p + len(text[p:]) - len(text[p:].lstrip()))
        errors += len(set(gold[1:]) ^ set(pred[1:]))
        boundaries += len(gold) - 1
    return errors, boundaries


@pytest.mark.parametrize("name,lang", [("ru.jsonl", "ru"), ("kk.jsonl", "kk"), ("heldout-ru.jsonl", "ru"), ("heldout-kk.jsonl", "kk")])
def test_sentence_gold_set(corpora, name, lang):
    errors, boundaries = _gold_errors(corpora, name, lang)
    assert boundaries >= 100
    assert errors <= 3, f"{errors} wrong boundaries of {boundaries}"


@pytest.mark.parametrize("name", ["gold.tsv", "heldout.tsv"])
def test_stemmer_gold_accuracy(corpora, name):
    rows = list(csv.DictReader((corpora / "kk_stems" / name).open(encoding="utf-8"), delimiter="\t"))
    rows = [r for r in rows if "ambig" not in r["tags"]]
    assert len(rows) >= 300
    s = stemmer()
    right = sum(s.analyse(r["form"]).stem == r["stem"].lower() for r in rows)
    assert right / len(rows) >= 0.90


@pytest.mark.parametrize(
    "form,stem",
    [
        ("өтініштеріңіздің", "өтініш"),
        ("құжаттарыңызды", "құжат"),
        ("қаралатындығын", "қарал"),
        ("хабарлаймыз", "хабарла"),
        ("бермейді", "бер"),
        ("бабына", "бап"),
        ("91-бабына", "бап"),
        ("халқына", "халық"),
        ("қала", "қала"),
        ("аудан", "аудан"),
    ],
)
def test_stemmer_cases(form, stem):
    assert stemmer().analyse(form).stem == stem


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_chunks_cached_after_a_special_case_keep_their_tokens(lang):
    """make_docs keeps each chunk's tokens (spaCy 3.8's own cache stops caching a text's chunks
    after its first special case); the tokens must be those of a tokenizer that never saw the
    chunks, at the first and at the second check of the same text."""
    import pickle

    from anyq.nlp.normalize import make_docs

    nlp = get_nlp(lang)
    fresh = pickle.loads(pickle.dumps(nlp.tokenizer))  # same rules, empty cache
    texts = [
        "Исх. № 12-3/456 от 05.03.2024 г. (г. Астана, ул. Абая, 5-б; тел.: 8(7172)55-01-02) — "
        "ответ на обращение гр. Ахметова А.Б., т.е. по ст. 12 п. 3 Закона РК «О связи».",
        "2024 ж. 5 наурыздағы № 3Т-15/2 хатқа (ҚР Заңының 7-б., т.б.) жауап: өтінішіңіз "
        "қаралды — Астана қ., Абай к-сі, 5-үй; тел.: 8(7172)55-01-02.",
    ]
    for _ in range(2):
        for text in texts:
            doc = make_docs(nlp, [text])[0]
            assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in fresh(text)]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_docs_built_from_chunk_tokens_are_the_tokenizers(lang):
    """make_docs builds a doc from each chunk's kept tokens: the tokens, norms and spaces must
    be the tokenizer's, special cases that span chunks («вед. науч. сотр.», «до н.э.», which
    the tokenizer makes one token) and special-case norms («ж.», «ст.») included."""
    import random

    from spacy.attrs import NORM, ORTH, SPACY

    from anyq.nlp.normalize import fold_whitespace, make_docs

    nlp = get_nlp(lang)
    rules = list(nlp.tokenizer.rules)
    spaced = [k for k in rules if " " in k.strip(" ") and not k.isspace()]
    if lang == "ru":
        assert {"вед. науч. сотр.", "до н.э.", "зав. кафедрой"} <= set(spaced)
    texts = [fmt.format(k) for k in spaced for fmt in ("{}", "Сотрудник {} Иванов.", "({}),", "«{}»", "x{} y", "{}y")]
    words = "Ваше обращение рассмотрено в т.ч. по ст. 5 и т.д. г. Астана 2024 ж. № 12 ҚР тел. (7172) д-р наук өтінішіңіз".split()
    rng = random.Random(7)
    texts += [" ".join(rng.choices(words + rules, k=rng.randint(1, 12))) for _ in range(1500)]
    texts += ["", " начало с пробела", "конец с пробелом ", "два  пробела\nи строка"]
    for text in texts:
        ours = make_docs(nlp, [text])[0]
        theirs = nlp.make_doc(fold_whitespace(text)[0])
        assert [t.text for t in ours] == [t.text for t in theirs], text
        assert ours.to_array([ORTH, NORM, SPACY]).tolist() == theirs.to_array([ORTH, NORM, SPACY]).tolist(), text
