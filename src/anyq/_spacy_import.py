"""Import spaCy without its command-line interface.

``import spacy`` imports ``spacy.cli`` only to re-export ``spacy.info``; the CLI pulls in
weasel, its config schemas and project tooling, about 0.3 s of every cold start of anyq
(measured: 1.65 s → 1.35 s for ``import spacy`` on the CI machine). anyq never uses spaCy's
CLI, so a stub stands in for it, unless something imported spaCy before us.
"""

from __future__ import annotations

import sys
import types


def _stub_cli() -> None:
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so «from spacy.cli.info import …» resolves to the stub below
    info = types.ModuleType("spacy.cli.info")

    def _info(*args, **kwargs):  # pragma: no cover - only reached if someone calls spacy.info()
        raise RuntimeError("spaCy's CLI is not loaded inside anyq")

    info.info = _info
    cli.info = info
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


_stub_cli()
