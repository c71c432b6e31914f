"""NLP annotation: tokens, sentences, lemmas (ru) and stems (kk) for the rules to match on."""
