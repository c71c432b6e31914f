"""Format check for ru.tsv and kk.tsv (not a syllable counter): header, 3 TAB fields,
integer counts, no duplicates, Cyrillic letters only, LF line endings."""
import pathlib, re, sys

here = pathlib.Path(__file__).parent
letters = {
    "ru.tsv": set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "kk.tsv": set("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"),
}
errors = []
for name, alphabet in letters.items():
    raw = (here / name).read_bytes()
    if b"\r" in raw:
        errors.append(f"{name}: CR characters found")
    lines = raw.decode("utf-8").split("\n")
    if lines[-1] == "":
        lines = lines[:-1]
    if lines[0] != "word\tsyllables\tnote":
        errors.append(f"{name}: bad header")
    seen = set()
    for n, line in enumerate(lines[1:], 2):
        f = line.split("\t")
        if len(f) != 3:
            errors.append(f"{name}:{n}: need 3 fields"); continue
        word, count, note = f
        if word in seen:
            errors.append(f"{name}:{n}: duplicate {word}")
        seen.add(word)
        if not re.fullmatch(r"\d+", count):
            errors.append(f"{name}:{n}: count is not an integer")
        if re.search(r"[A-Za-z]", word):
            errors.append(f"{name}:{n}: Latin letter in {word!r}")
        bad = {c for c in word.lower() if c.isalpha() and c not in alphabet}
        if bad:
            errors.append(f"{name}:{n}: unexpected letters {bad} in {word!r}")
    print(f"{name}: {len(lines) - 1} rows")
print("\n".join(errors) if errors else "ok")
sys.exit(1 if errors else 0)
