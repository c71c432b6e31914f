"""Settings of a run: which rules, which language, when to fail."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from anyq.engine.model import SEVERITIES
from anyq.profiles import DEFAULT_PROFILE, PROFILES
from anyq.readers import DEFAULT_LIMITS, Limits

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str | int) -> int:
    """«20M», «500k», «1.5GB», «1048576» → bytes (K, M, G are powers of 1024)."""
    if isinstance(text, int):
        return text
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"not a size: {text!r} (write e.g. 20M, 500K, 1G or a number of bytes)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


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
    # reading untrusted files (see anyq.readers.Limits)
    max_file_size: int = DEFAULT_LIMITS.max_file_size
    max_unzipped_size: int = DEFAULT_LIMITS.max_unzipped_size
    timeout: float = DEFAULT_LIMITS.timeout

    def limits(self) -> Limits:
        return Limits(self.max_file_size, self.max_unzipped_size, self.timeout)

    def validate(self) -> None:
        if self.lang not in ("auto", "kk", "ru"):
            raise ValueError(f"--lang must be kk, ru or auto, not {self.lang!r}")
        if self.fail_on not in SEVERITIES + ("never",):
            raise ValueError(f"--fail-on must be one of error, warning, info, never, not {self.fail_on!r}")
        if self.profile not in PROFILES:
            raise ValueError(f"--profile must be one of {', '.join(PROFILES)}, not {self.profile!r}")
        if self.max_file_size <= 0:
            raise ValueError("--max-file-size must be positive")
        if self.max_unzipped_size <= 0:
            raise ValueError("--max-unzipped-size must be positive")
        if self.timeout < 0:
            raise ValueError("--timeout must be 0 (no limit) or a number of seconds")
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ValueError(f"severity of {code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What Python rules may read of a run's settings (``ctx.options``)."""

    profile: str = DEFAULT_PROFILE
