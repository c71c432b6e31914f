"""Spelling: which words to check, whether a word is known, and what to suggest.

- ``words``      — what is a word to check (numbers, codes, URLs, abbreviations are not)
- ``dictionary`` — is a word known: our resources first (pymorphy3, Kazakh stemmer, official
                   lexicons, the user's allowlist), hunspell only for what they do not know
- ``candidates`` — known words one edit away, and Kazakh letters restored from look-alikes
- ``keyboard``   — ЙЦУКЕН and the Kazakh layout: which slips are likely
- ``frequency``  — lemma and word-form counts from our own corpora
- ``rank``       — candidates ordered by edit cost, keyboard, frequency; how sure the best is
"""
