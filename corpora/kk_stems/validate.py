"""Format check for gold.tsv (not a stemmer): header, 3 TAB fields, no duplicate forms,
Kazakh Cyrillic only, and the invariant "stem is a prefix of the form unless tagged alt"."""
import pathlib, re, sys

path = pathlib.Path(__file__).with_name("gold.tsv")
raw = path.read_bytes()
errors = []
if b"\r" in raw:
    errors.append("CR characters found (file must use LF)")
lines = raw.decode("utf-8").split("\n")
if lines[-1] == "":
    lines = lines[:-1]
if lines[0] != "form\tstem\ttags":
    errors.append("bad header")
seen = set()
classes = {"noun", "adj", "adv", "pron", "verb", "abbr"}
for n, line in enumerate(lines[1:], 2):
    fields = line.split("\t")
    if len(fields) != 3 or not all(fields):
        errors.append(f"{n}: need 3 non-empty fields"); continue
    form, stem, tags = fields
    if form in seen:
        errors.append(f"{n}: duplicate form {form}")
    seen.add(form)
    if re.search(r"[A-Za-z]", form + stem):
        errors.append(f"{n}: Latin letter in {form!r}/{stem!r}")
    t = tags.split(",")
    if t[0] not in classes:
        errors.append(f"{n}: unknown word class {t[0]}")
    if t[0] == "abbr":
        if form.split("-")[0] != stem:
            errors.append(f"{n}: abbreviation stem must precede the hyphen")
        continue
    body = form.split("-", 1)[1] if "num" in t else form
    prefix = body.startswith(stem)
    if ("alt" in t) == prefix:
        errors.append(f"{n}: alt tag / prefix mismatch: {form} -> {stem}")
    if ("bare" in t) != (body == stem):
        errors.append(f"{n}: bare tag / identity mismatch: {form} -> {stem}")
print("\n".join(errors) if errors else f"ok: {len(lines) - 1} rows")
sys.exit(1 if errors else 0)
