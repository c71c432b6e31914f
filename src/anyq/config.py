"""Settings of a run: which rules, which language, when to fail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anyq.engine.model import SEVERITIES


@dataclass(slots=True)
class Settings:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    lang: str = "auto"  # "auto" | "kk" | "ru"
    fail_on: str = "warning"
    rule_dirs: list[str] = field(default_factory=list)
    rule_files: list[str] = field(default_factory=list)
    # words the speller accepts (any case; Kazakh ones also with any suffixes, Russian ones in
    # any form pymorphy3 parses to them)
    allowlist: list[str] = field(default_factory=list)
    # per-rule overrides of TOML ``params``: {"S101": {"skip_quoted": False}}
    rule_params: dict[str, dict[str, Any]] = field(default_factory=dict)

    def validate(self) -> None:
        if self.lang not in ("auto", "kk", "ru"):
            raise ValueError(f"--lang must be kk, ru or auto, not {self.lang!r}")
        if self.fail_on not in SEVERITIES + ("never",):
            raise ValueError(f"--fail-on must be one of error, warning, info, never, not {self.fail_on!r}")
        for code, params in self.rule_params.items():
            if not isinstance(params, dict):
                raise ValueError(f"rule_params of {code} must be a table of parameters, not {params!r}")
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ValueError(f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
