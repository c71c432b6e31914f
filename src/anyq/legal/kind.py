"""What a document is: a reply to a citizen's appeal, another letter, or another text.

A *letter* has a letter's frame: a greeting to a person, a signature with a position, or
the requisites of official correspondence. A *reply* is a letter that answers the reader's
own appeal («Ваше (коллективное) обращение», «На № … от …», «Вы спросили…», «өтінішіңіз», «… өтінішке»,
«Сіз … сұрадыңыз»), opens with a decision
for the reader (also a refusal told by a negative verb: «бермейміз»), or greets a person by name
and ends with an executor and phone without opening on business of its own (an invitation, a
notice, a request). Everything else
— news, press releases, announcements, commentaries — is *other*. Completeness and
«отписка» checks run on replies only.
"""

from __future__ import annotations

from anyq.legal.cues import cues
from anyq.legal.layout import Layout

KINDS = ("reply", "letter", "other")


def detect_kind(lay: Layout) -> tuple[str, list[str]]:
    """(kind, evidence): the reasons, for the JSON output and for tests."""
    evidence: list[str] = []
    if lay.personal_greeting:
        evidence.append("greeting")
    if lay.signature is not None:
        evidence.append("signature")
    if lay.requisites:
        evidence.append("requisites")
    letter = bool(evidence)
    ref = None
    first_body = [s for s in lay.sentences if s.zone == "body"][:2]
    for s in lay.sentences:
        if s.zone not in ("body", "header", "greeting"):
            continue
        for lang in (s.lang, "kk" if s.lang == "ru" else "ru"):
            m = cues(lang).search("appeal_reference", s.text)
            if m:
                ref = (s, m.group(0))
                break
        if ref:
            break
    if ref:
        evidence.append(f"appeal reference «{ref[1].strip()}»")
    elif lay.incoming:
        evidence.append("incoming reference in the requisites")
        ref = (None, "")
    if letter and ref:
        return "reply", evidence
    if letter and first_body:
        # «Вам отказано», «Өтінішіңіз қанағаттандырылды»: the letter opens with a decision for the reader
        from anyq.legal.reply import addresses_reader, has_contact, refusal

        s = first_body[0]
        m = cues(s.lang).search("decision", s.text)
        if m and addresses_reader(s):
            evidence.append(f"decision for the reader «{m.group(0).strip()}»")
            return "reply", evidence
        refused = refusal(s)  # «Сізге жеңілдік бермейміз»: a refusal told by its verb
        if refused:
            evidence.append(f"decision for the reader «{refused}»")
            return "reply", evidence
        # «Уважаемая Динара Асхатовна!» … «Исп.: …, тел. …»: a body writing to a person by name,
        # with its executor and phone, is answering them unless it opens with business of its own
        # (an invitation, a notice, a request). Without this, an «отписка» that drops «Ваше
        # обращение» and only cites norms escaped every completeness and evasiveness rule.
        if lay.personal_greeting and has_contact(lay) and not any(cues(t.lang).search("initiative", t.text) for t in first_body):
            evidence.append("greeting by name, executor and phone")
            return "reply", evidence
    if not letter and ref and ref[0] in first_body and not ref[0].text.rstrip().endswith("?"):
        # a reply's body without its letter frame: a draft that opens on the reader's appeal
        # with an answer or the usual formula («Ваше заявление удовлетворено», «Өтінішіңіз қаралды»,
        # «На Ваше обращение … сообщаем, что …»)
        c = cues(ref[0].lang)
        if any(c.search(k, ref[0].text) for k in ("decision", "outcome", "formula", "clarified", "reply_opening")):
            return "reply", evidence
    return ("letter" if letter else "other"), evidence
