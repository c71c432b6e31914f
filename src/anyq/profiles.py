"""Audience profiles: who reads the letter decides how long a sentence may be.

``citizen`` (default) — a reply to a member of the public; ``business`` — to a company or
an organisation; ``official`` — between state bodies. The thresholds themselves are data:
each complexity rule keeps them in its TOML ``params``, by profile and then by language:

    [rule.params.max_words]
    citizen  = { ru = 25, kk = 18 }
    business = { ru = 30, kk = 22 }
    official = { ru = 40, kk = 30 }

A parameter without profile keys applies to every profile. A value set in a config file is
laid over the rule's own (``merge``): the profiles and languages it leaves out keep theirs.
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


LANGS = ("ru", "kk")


def merge(default: Any, override: Any) -> Any:
    """A parameter's value ``override`` laid over the rule's own ``default``, level by level:
    ``{business = {ru = 35}}`` changes the Russian business threshold only, ``{ru = 30}`` the
    Russian one of every profile; a single value replaces the whole parameter."""
    if not _leveled(override):
        return override
    if any(p in override for p in PROFILES):
        if not (isinstance(default, dict) and any(p in default for p in PROFILES)):
            default = {p: default for p in PROFILES}  # one value for every profile
        return {
            **default,
            **{p: merge(default.get(p, default.get(DEFAULT_PROFILE)), v) for p, v in override.items()},
        }
    if isinstance(default, dict) and any(p in default for p in PROFILES):
        return {p: merge(v, override) for p, v in default.items()}  # {ru = 30}: every profile
    if _leveled(default):
        return {**default, **override}
    return {**{lang: default for lang in LANGS}, **override}  # one value for both languages


def _leveled(value: Any) -> bool:
    """A table keyed by profile and/or language (see ``resolve``)."""
    return isinstance(value, dict) and bool(value) and all(k in PROFILES or k in LANGS for k in value)
