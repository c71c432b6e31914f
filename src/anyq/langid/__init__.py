"""Language identification per paragraph: kk, ru or other."""

from anyq.langid.detect import LanguageGuess, assign_languages, detect, language_runs

__all__ = ["LanguageGuess", "assign_languages", "detect", "language_runs"]
