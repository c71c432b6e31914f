"""Repairs of damaged text: each module finds one kind of damage and computes its repair.

- ``homoglyphs``     — Latin look-alikes inside Cyrillic words and the reverse (T101, T108)
- ``lost_letters``   — Kazakh letters lost as «?» in a Windows-1251 round trip (T109)
- ``font_encoding``  — Kazakh letters in the slots of old Kazakh fonts: «Салыќ жѕне» (T110)
- ``mojibake``       — UTF-8 read as Windows-1251 or Latin-1, and the reverse (T112)
- ``quotes``         — straight quotes, nested ones too: ``ТОО "Компания "Береке""`` (T106)

Kazakh words typed with Russian look-alike letters (T111) are found through the speller
(``anyq.spell.candidates.kazakh_restoration``).
"""
