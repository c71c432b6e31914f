"""Audience profiles: who reads the letter decides how long a sentence may be.

``citizen`` (default) — a reply to a member of the public; ``business`` — to a company or
an organisation; ``official`` — between state bodies. The thresholds themselves are data:
each complexity rule keeps them in its TOML ``params``, by profile and then by language:

    [rule.params.max_words]
    citizen  = { ru = 25, kk = 18 }
    business = { ru = 30, kk = 22 }
    official = { ru = 40, kk = 30 }

A parameter without profile keys applies to every profile.
"""

from __future__ import annotations

from typing import Any

PROFILES = ("citizen", "business", "official")
DEFAULT_PROFILE = "citizen"


def profile_of(options: Any) -> str:
    """The profile of a run: ``options.profile`` where the linter was given one."""
    name = getattr(options, "profile", None) or DEFAULT_PROFILE
    return name if name in PROFILES else DEFAULT_PROFILE


def resolve(value: Any, profile: str, lang: str) -> Any:
    """Pick a parameter's value for a profile and a language; either level may be absent."""
    if isinstance(value, dict) and any(p in value for p in PROFILES):
        value = value.get(profile, value.get(DEFAULT_PROFILE))
    if isinstance(value, dict) and (lang in value or "ru" in value or "kk" in value):
        value = value.get(lang, value.get("ru"))
    return value
