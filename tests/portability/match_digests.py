"""Standard library only, so any Python >= 3.11 can run it: reads ``{"patterns": [[pattern,
flags], ...], "texts": [...]}`` as JSON on standard input and prints, for each pattern, a digest
of every match's group spans over every text (``finditer``), or the compile error."""

import hashlib
import json
import re
import sys

job = json.load(sys.stdin)
out = []
for pattern, flags in job["patterns"]:
    try:
        rx = re.compile(pattern, flags)
    except Exception as e:  # noqa: BLE001 - the error itself is the result
        out.append(f"error: {type(e).__name__}: {e}")
        continue
    digest = hashlib.sha1()
    for text in job["texts"]:
        for m in rx.finditer(text):
            digest.update(repr(m.regs).encode())
        digest.update(b"|")
    out.append(digest.hexdigest())
json.dump(out, sys.stdout)
