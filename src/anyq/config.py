"""Settings of a run: which rules, which language, when to fail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anyq.engine.model import SEVERITIES
from anyq.profiles import DEFAULT_PROFILE, PROFILES

DOCUMENT_KINDS = ("auto", "reply", "letter", "other")


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
    # audience: sets sentence-length and readability thresholds (anyq.profiles)
    profile: str = DEFAULT_PROFILE
    kind: str = "auto"  # "auto" | "reply" | "letter" | "other": what the documents are
    appeal: str | None = None  # the appeal file the checked replies answer

    def validate(self) -> None:
        if self.kind not in DOCUMENT_KINDS:
            raise ValueError(f"--kind must be one of {', '.join(DOCUMENT_KINDS)}, not {self.kind!r}")
        if self.lang not in ("auto", "kk", "ru"):
            raise ValueError(f"--lang must be kk, ru or auto, not {self.lang!r}")
        if self.fail_on not in SEVERITIES + ("never",):
            raise ValueError(f"--fail-on must be one of error, warning, info, never, not {self.fail_on!r}")
        if self.profile not in PROFILES:
            raise ValueError(f"--profile must be one of {', '.join(PROFILES)}, not {self.profile!r}")
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ValueError(f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What Python rules may read of a run's settings (``ctx.options``)."""

    profile: str = DEFAULT_PROFILE
    # per document: the kind set with --kind (None: detect) and the appeal a reply answers
    # (an ``anyq.legal.appeal.Appeal``, from --appeal)
    kind: str | None = None
    appeal: Any = None
