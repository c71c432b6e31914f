#!/usr/bin/env python3
"""Build cases.jsonl: damaged sentences and the text --fix must turn them into.

The correct sentences below were written by the team. The damage is made here by rule, the
way it happens in real files, so the expected repair is exact by construction:
Latin look-alikes typed for Cyrillic letters (and the reverse), Kazakh letters lost as «?»
(glued or with spaces around, as some extractions leave them), Kazakh letters in the slots
of an old Kazakh font, Kazakh letters typed as their Russian look-alikes, and mojibake.

    python3 corpora/hygiene/make_cases.py     (rewrites cases.jsonl next to this file)
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (id, lang, kind, damaged, fixed) — hand-damaged cases, where the damage is not one rule
MANUAL = [
    # Latin i (U+0069) for Kazakh і, as in real copies of laws
    ("kk-latin-i-1", "kk", "latin-in-cyrillic", "Өтiнiшiңiз қаралып, жауап жiберiлдi.", "Өтінішіңіз қаралып, жауап жіберілді."),
    ("kk-latin-i-2", "kk", "latin-in-cyrillic", "Мемлекеттiк қызмет көрсету мерзiмi он жұмыс күнi.", "Мемлекеттік қызмет көрсету мерзімі он жұмыс күні."),
    ("kk-latin-i-3", "kk", "latin-in-cyrillic", "Жеке тұлғалардың өтiнiштерiн қарау тәртiбi туралы заң бойынша жауап берiледi.", "Жеке тұлғалардың өтініштерін қарау тәртібі туралы заң бойынша жауап беріледі."),
    ("kk-latin-i-4", "kk", "latin-in-cyrillic", "Сiздiң өтiнiшiңiз бойынша тексеру жүргiзiлдi.", "Сіздің өтінішіңіз бойынша тексеру жүргізілді."),
    ("kk-latin-mixed-1", "kk", "latin-in-cyrillic", "Құжаттардың көшiрмесi ХҚКО-ға тапсырылды.", "Құжаттардың көшірмесі ХҚКО-ға тапсырылды."),
    ("kk-latin-h-1", "kk", "latin-in-cyrillic", "Мемлекеттік тілдегі жауап Kазақстан заңдарына сай.", "Мемлекеттік тілдегі жауап Қазақстан заңдарына сай."),
    # Latin look-alikes in Russian words
    ("ru-latin-1", "ru", "latin-in-cyrillic", "Ваше обрaщение рассмотрено в устaновленный срок.", "Ваше обращение рассмотрено в установленный срок."),
    ("ru-latin-2", "ru", "latin-in-cyrillic", "Ответ нaпрaвлен по aдресу, укaзaнному в зaявлении.", "Ответ направлен по адресу, указанному в заявлении."),
    ("ru-latin-3", "ru", "latin-in-cyrillic", "Сoобщаем, что рeмонт кровли запланирован на июль.", "Сообщаем, что ремонт кровли запланирован на июль."),
    ("ru-latin-4", "ru", "latin-in-cyrillic", "Рaзрешение выдано ТОО на срок до 2026 года.", "Разрешение выдано ТОО на срок до 2026 года."),
    ("ru-latin-5", "ru", "latin-in-cyrillic", "Копия решения направлена в oтдел ЖКХ акимата.", "Копия решения направлена в отдел ЖКХ акимата."),
    ("ru-latin-6", "ru", "latin-in-cyrillic", "Обращение рассмотрено комиссией акиматa.", "Обращение рассмотрено комиссией акимата."),
    # a Latin letter standing for a Cyrillic word
    ("ru-latin-word-1", "ru", "latin-letter-word", "Ознакомиться c материалами дела можно в отделе.", "Ознакомиться с материалами дела можно в отделе."),
    ("ru-latin-word-2", "ru", "latin-letter-word", "C уважением, руководитель отдела.", "С уважением, руководитель отдела."),
    ("ru-latin-word-3", "ru", "latin-letter-word", "Сообщаем o продлении срока рассмотрения.", "Сообщаем о продлении срока рассмотрения."),
    ("ru-latin-word-4", "ru", "latin-letter-word", "Документы находятся y исполнителя.", "Документы находятся у исполнителя."),
    # Cyrillic look-alikes in Latin words
    ("ru-cyr-in-lat-1", "ru", "cyrillic-in-latin", "Степень РhD присуждена в 2021 году.", "Степень PhD присуждена в 2021 году."),
    ("kk-cyr-in-lat-1", "kk", "cyrillic-in-latin", "Өтінішті eGоv порталы арқылы беруге болады.", "Өтінішті eGov порталы арқылы беруге болады."),
    ("ru-cyr-in-lat-2", "ru", "cyrillic-in-latin", "Обращение поступило через сервис eOtinish по адресу info@аkimat.kz.", "Обращение поступило через сервис eOtinish по адресу info@akimat.kz."),
    # Kazakh letters lost as «?», glued
    ("kk-lost-1", "kk", "lost-letters", "?аза?стан Республикасыны? азаматтары.", "Қазақстан Республикасының азаматтары."),
    ("kk-lost-2", "kk", "lost-letters", "Сізді? ?тініші?із ?аралды.", "Сіздің өтінішіңіз қаралды."),
    ("kk-lost-3", "kk", "lost-letters", "Жер учаскесіне ?ұ?ы? беретін ?ұжаттар тапсырылды.", "Жер учаскесіне құқық беретін құжаттар тапсырылды."),
    ("kk-lost-4", "kk", "lost-letters", "Мемлекеттік ?ызмет к?рсету ?а?идалары бекітілді.", "Мемлекеттік қызмет көрсету қағидалары бекітілді."),
    ("kk-lost-5", "kk", "lost-letters", "Т?лем 2024 жыл?ы ?арашада ?айта есептелді.", "Төлем 2024 жылғы қарашада қайта есептелді."),
    ("kk-lost-6", "kk", "lost-letters", "Бала?ызды? орны бар екенін хабарлаймыз.", "Балаңыздың орны бар екенін хабарлаймыз."),
    # Kazakh letters lost as «?» with spaces around
    ("kk-lost-spaced-1", "kk", "lost-letters", "? аза ? стан Республикасы Білім министрлігі", "Қазақстан Республикасы Білім министрлігі"),
    ("kk-lost-spaced-2", "kk", "lost-letters", "Мемлекеттік ? ызмет к ? рсету туралы.", "Мемлекеттік қызмет көрсету туралы."),
    ("kk-lost-spaced-3", "kk", "lost-letters", "Ауданды ? ? ұрылыс бөлімі жауап берді.", "Аудандық құрылыс бөлімі жауап берді."),
]
# Whole sentences typed on a Russian layout: no Kazakh letter at all, «и» for «і».
RUSSIAN_LAYOUT = [
    "Қазақстан азаматтары үшін қызмет тегін көрсетіледі.",
    "Сіздің сұранысыңыз қаралып, жауап жіберілді.",
]

# Correct Kazakh sentences: damaged by rule for the font and keyboard cases.
KAZAKH = [
    "Салық және міндетті төлемдер бойынша 2023 жылғы есеп қабылданды.",
    "Қазақстан Республикасының азаматтары үшін қызмет тегін көрсетіледі.",
    "Өтінішіңіз құзыретіне сәйкес аудандық әкімдікке жолданды.",
    "Ұлттық банктің хатына жауап он жұмыс күні ішінде дайындалады.",
    "Тұрғын үй кезегіндегі реттік нөміріңіз өзгерген жоқ.",
    "Мемлекеттік қызметшілердің әрекетіне шағымдану құқығыңыз бар.",
]
# Russian and Kazakh sentences for mojibake.
MOJIBAKE = [
    ("ru", "Сообщаем, что ответ направлен по почте."),
    ("ru", "Ваше обращение рассмотрено комиссией акимата."),
    ("ru", "Исполнитель: Иванова И. И., тел. 8 (7172) 55-10-20; № 45 — «Береке»."),
    ("kk", "Өтінішіңіз қаралып, жауап жіберілді."),
    ("kk", "Құжаттарыңыз халыққа қызмет көрсету орталығына тапсырылды."),
]
FONT_OBSERVED = {"қ": "ќ", "ә": "ѕ", "ө": "ґ", "ғ": "є"}
# the rest of the family as these documents' own words vote for it (see anyq.hygiene.font_encoding)
FONT_REST = {"ң": "њ", "ұ": "ў", "ү": "ї", "һ": "ћ"}
RUSSIAN_BASE = {"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х"}


def garble(text: str, codec: str) -> str:
    """UTF-8 bytes read with a single-byte code page; undefined bytes keep their code point."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))


def damage(text: str, table: dict[str, str]) -> str:
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            out.append(table[low].upper() if ch != low else table[low])
        else:
            out.append(ch)
    return "".join(out)


def main() -> None:
    rows = [dict(id=i, lang=l, kind=k, text=d, fixed=f) for i, l, k, d, f in MANUAL]
    font = {**FONT_OBSERVED, **FONT_REST}
    for n, s in enumerate(KAZAKH, 1):
        rows.append(dict(id=f"kk-font-{n}", lang="kk", kind="old-font", text=damage(s, font), fixed=s))
    # a Kazakh word typed with Russian letters inside otherwise correct text: every Kazakh
    # letter of one word replaced
    for n, (s, word) in enumerate([(KAZAKH[1], "Қазақстан"), (KAZAKH[2], "құзыретіне"), (KAZAKH[4], "Тұрғын"), (KAZAKH[5], "шағымдану"), (KAZAKH[0], "төлемдер")], 1):
        rows.append(dict(id=f"kk-russian-letters-{n}", lang="kk", kind="russian-letters", text=s.replace(word, damage(word, RUSSIAN_BASE)), fixed=s))
    for n, s in enumerate(RUSSIAN_LAYOUT, 1):
        rows.append(dict(id=f"kk-russian-layout-{n}", lang="kk", kind="russian-letters", text=damage(s, {**RUSSIAN_BASE, "і": "и"}), fixed=s))
    for n, (lang, s) in enumerate(MOJIBAKE, 1):
        rows.append(dict(id=f"{lang}-mojibake-1251-{n}", lang=lang, kind="mojibake", text=garble(s, "cp1251"), fixed=s))
        rows.append(dict(id=f"{lang}-mojibake-1252-{n}", lang=lang, kind="mojibake", text=garble(s, "cp1252"), fixed=s))
        rows.append(dict(id=f"{lang}-mojibake-latin1-{n}", lang=lang, kind="mojibake", text=garble(s, "latin-1"), fixed=s))
        if lang == "ru" and n <= 2:  # Windows-1251 read as Latin-1: repaired word by word, by the dictionary
            rows.append(dict(id=f"ru-mojibake-reverse-{n}", lang=lang, kind="mojibake", text=s.encode("cp1251").decode("latin-1"), fixed=s))
    with open(HERE / "cases.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} cases")


if __name__ == "__main__":
    main()
