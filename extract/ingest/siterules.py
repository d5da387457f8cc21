"""Per-site furniture rules, loaded from extract/data/site_rules.yaml.

The data file has a `default` section that applies to every page and a
section per site (keyed by host without "www.") that adds to it. This module
only loads and merges; what the rules mean is applied in `clean.py` (line
patterns) and `html.py` (XPaths).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "site_rules.yaml"

_PATTERN_KEYS = ("dateline", "drop_lines", "stop_lines", "caption_lines", "caption_credits", "bylines", "trailing")
_XPATH_KEYS = ("prune_xpaths", "caption_xpaths", "byline_xpaths", "date_xpaths", "category_xpaths")


@dataclass(frozen=True)
class SiteRules:
    """The merged rules for one site (default rules first, then the site's own)."""

    site: str | None
    names: tuple[str, ...] = ()
    dateline: tuple[re.Pattern, ...] = ()
    drop_lines: tuple[re.Pattern, ...] = ()
    stop_lines: tuple[re.Pattern, ...] = ()
    caption_lines: tuple[re.Pattern, ...] = ()
    caption_credits: tuple[re.Pattern, ...] = ()
    bylines: tuple[re.Pattern, ...] = ()
    trailing: tuple[re.Pattern, ...] = ()
    prune_xpaths: tuple[str, ...] = ()
    caption_xpaths: tuple[str, ...] = ()
    byline_xpaths: tuple[str, ...] = ()
    date_xpaths: tuple[str, ...] = ()
    category_xpaths: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleBook:
    default: dict = field(default_factory=dict)
    sites: dict[str, dict] = field(default_factory=dict)


def site_of(url: str | None) -> str | None:
    """The site key of a URL: its host, lower-cased, without "www." and port."""
    if not url:
        return None
    host = (urlsplit(url.strip()).hostname or "").lower()
    host = host.removeprefix("www.")
    return host or None


@lru_cache(maxsize=4)
def load_rulebook(path: str | Path = RULES_PATH) -> RuleBook:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return RuleBook(default=data.get("default") or {}, sites=data.get("sites") or {})


def known_site(host: str | None, path: str | Path = RULES_PATH) -> str | None:
    """The rule-book key for `host`: the host itself or the parent domain it belongs to."""
    if not host:
        return None
    sites = load_rulebook(path).sites
    host = host.lower().removeprefix("www.")
    for key in sites:
        if host == key or host.endswith("." + key):
            return key
    return None


@lru_cache(maxsize=64)
def rules_for(site: str | None, path: str | Path = RULES_PATH) -> SiteRules:
    """Default rules plus those of `site` (a host; subdomains use their parent's rules)."""
    book = load_rulebook(path)
    key = known_site(site, path)
    own = book.sites.get(key, {}) if key else {}
    merged: dict = {"site": site.lower().removeprefix("www.") if site else None}
    merged["names"] = tuple(own.get("names") or ())
    for name in _PATTERN_KEYS:
        # a site's own patterns first: they are the more specific ones
        merged[name] = tuple(_compile(p) for p in list(own.get(name) or ()) + list(book.default.get(name) or ()))
    for name in _XPATH_KEYS:
        merged[name] = tuple(list(book.default.get(name) or ()) + list(own.get(name) or ()))
    return SiteRules(**merged)


def site_from_dateline(text: str, path: str | Path = RULES_PATH) -> str | None:
    """The site whose own dateline opens one of the first lines of `text`, if any.

    Used for plain text with no URL: "PASURUAN (Realita) - ..." is realita.co.
    """
    book = load_rulebook(path)
    lines = [line.strip() for line in text.splitlines() if line.strip()][:40]
    for key, own in book.sites.items():
        patterns = [_compile(p) for p in own.get("dateline") or ()]
        if any(p.search(line) for p in patterns for line in lines):
            return key
    return None


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)
