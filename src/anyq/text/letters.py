"""The Kazakh letters beyond the Russian alphabet, written once for every stage that tells
the two languages apart or repairs letters a font or an encoding lost."""

KAZAKH_LOWER = "әғқңөұүһі"
KAZAKH_UPPER = KAZAKH_LOWER.upper()
KAZAKH_LETTERS = frozenset(KAZAKH_LOWER + KAZAKH_UPPER)
