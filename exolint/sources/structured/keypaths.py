"""Which strings of a structured file are copy: key paths, globs, built-in profiles.

A key path is written two ways. The *pointer* (RFC 6901) names one string exactly:
``/entries/3/fields/description/en-US``. The *shape* is what globs match, with array indexes
written ``[]``: ``entries[].fields.description.en-US``. Globs: ``*`` matches within one key,
``**`` any run of keys (``**.description`` also matches a top-level ``description``),
``[]`` any array index.

Decision, first answer wins: a config ``exclude`` glob; a config ``include`` glob; the profile's
own excludes (``sys`` metadata, ``_type``...); keys that never hold copy (ids, slugs, URLs,
e-mail, colours, dates); values that are not prose (a URL, an e-mail address, a colour, a
date, an id, a slug, a SKU); otherwise the profile says (every string, or its own includes).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Keys whose values are never copy (compared lower-case, without '-' and '_').
NON_COPY_KEYS = frozenset("""
id uuid guid slug handle sku barcode gtin ean upc mpn isbn url uri href link links src srcset
permalink canonical path filename file filepath email mail phone tel colour color hex rgb
background date datetime time timestamp created updated modified published createdat updatedat
publishedat firstpublishedat deletedat expires lang locale language currency price amount
type nodetype contenttype mimetype status template layout icon
class classname style variant key ref revision version weight position order sortorder
component anchor target rel width height size format encoding checksum hash token
""".split())
_NON_COPY_SUFFIXES = ("id", "ids", "url", "urls", "uri", "href", "slug", "email", "date",
                      "at", "colour", "color", "hex", "sku", "path")

_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|tel:|/[^\s]*$|#[^\s]*$|\.{0,2}/[^\s]+$)",
                  re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_COLOUR = re.compile(r"^(?:#[0-9a-fA-F]{3,8}|(?:rgb|rgba|hsl|hsla)\([^)]*\))$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ID_TOKEN = re.compile(r"^(?=[^\s]*[\d_./:])[^\s]+$|^[a-z0-9]+(?:-[a-z0-9]+)+$|^[A-Z0-9]+(?:[-_][A-Z0-9]+)+$")
LOCALE = re.compile(r"^[a-z]{2,3}(?:[-_](?:[A-Z]{2}|[A-Z][a-z]{3}|\d{3}))+$")


def non_copy_value(value: str) -> str | None:
    """Why a string is not prose (or None when it may be copy)."""
    v = value.strip()
    if not v:
        return "empty"
    if " " in v or "\n" in v:
        return None
    if _EMAIL.match(v):
        return "an e-mail address"
    if _COLOUR.match(v):
        return "a colour"
    if _URL.match(v):
        return "a URL or path"
    if _DATE.match(v):
        return "a date"
    if _ID_TOKEN.match(v):
        return "an id, slug or SKU"
    return None


def non_copy_key(key: str) -> bool:
    k = key.lower().replace("-", "").replace("_", "")
    if k in NON_COPY_KEYS:
        return True
    raw = key.lower()
    # snake_case / kebab-case (product_id, hero-url) and camelCase (productId, imageUrl,
    # publishedAt, ctaHref)
    return any(raw.endswith(("_" + s, "-" + s)) for s in _NON_COPY_SUFFIXES) or (
        key[:1].islower() and any(key.endswith(s.capitalize()) for s in _NON_COPY_SUFFIXES))


# -- globs ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=256)
def glob_regex(pattern: str) -> "re.Pattern[str]":
    """A key-path glob as a regex over shapes."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**.", i):
            out.append(r"(?:.*\.)?" if i == 0 else r"(?:.*\.)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(r".*")
            i += 2
        elif pattern[i] == "*":
            out.append(r"[^.\[\]]*")
            i += 1
        elif pattern.startswith("[*]", i) or pattern.startswith("[]", i):
            out.append(r"\[\]")
            i += 3 if pattern[i + 1] == "*" else 2
        elif pattern[i] == "." and pattern.startswith(".**", i) and i + 3 == n:
            out.append(r"(?:[.\[].*)?")
            i += 3
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE)


def matches(shape: str, patterns) -> str | None:
    """The first glob of ``patterns`` that matches ``shape``, or None."""
    for p in patterns:
        if glob_regex(p).match(shape):
            return p
    return None


def shape_of(path) -> str:
    """The shape of a key path given as a sequence of keys (str) and indexes (int)."""
    out = []
    for part in path:
        if isinstance(part, int):
            out.append("[]")
        else:
            out.append(("." if out else "") + str(part))
    return "".join(out)


def pointer_of(path) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def locale_in(path) -> str | None:
    """The last key of the path that is a locale (en-GB, de_DE, en-US)."""
    for part in reversed(path):
        if isinstance(part, str) and LOCALE.match(part):
            return part
    return None


# -- settings and profiles -----------------------------------------------------------------------
DEFAULT_CSV_COLUMNS = ("Title", "Body (HTML)", "SEO Title", "SEO Description",  # Shopify
                       "Name", "Short description", "Description")  # WooCommerce
PROFILES = ("auto", "generic", "contentful", "sanity", "i18n")


@dataclass(frozen=True)
class CopySettings:
    """``[tool.exolint.copy]``: what counts as copy in structured files."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    columns: tuple[str, ...] = DEFAULT_CSV_COLUMNS
    profile: str = "auto"
    walk: bool = False  # check these formats when walking folders, not only when named


@dataclass
class Profile:
    name: str
    include: tuple[str, ...] = ()  # when set, only these shapes are copy
    exclude: tuple[str, ...] = ()
    key_rules: bool = True  # apply NON_COPY_KEYS
    why: str = ""


CONTENTFUL = Profile("contentful", include=("**.fields.**",),
                     exclude=("**.sys.**", "**.metadata.**", "**.nodeType", "**.marks[].type",
                              "contentTypes.**", "locales.**", "editorInterfaces.**",
                              "webhooks.**", "roles.**", "tags.**"),
                     why="Contentful export: entries' fields")
SANITY = Profile("sanity", exclude=("**._*", "**.style", "**.listItem", "**.marks[]",
                                    "**.markDefs[].**", "**.asset.**", "**.crop.**",
                                    "**.hotspot.**"),
                 why="Sanity document (Portable Text)")
I18N = Profile("i18n", key_rules=False, why="i18n message file: every leaf is copy")
GENERIC = Profile("generic", why="every string except ids, URLs and other metadata")
_BY_NAME = {p.name: p for p in (CONTENTFUL, SANITY, I18N, GENERIC)}


def detect_profile(data, settings: CopySettings) -> Profile:
    """The profile the settings name, or (``auto``) the one the data's shape suggests."""
    if settings.profile != "auto":
        return _BY_NAME[settings.profile]
    if isinstance(data, dict):
        entries = data.get("entries") or data.get("items")
        if isinstance(entries, list) and entries and all(
                isinstance(e, dict) and "sys" in e and "fields" in e for e in entries[:20]):
            return CONTENTFUL
        if "sys" in data and isinstance(data.get("fields"), dict):
            return CONTENTFUL
        if "_type" in data or "_id" in data:
            return SANITY
        if data and _all_string_leaves(data, 0):
            return I18N
    if isinstance(data, list) and data and all(isinstance(d, dict) and "_type" in d
                                               for d in data[:20]):
        return SANITY
    return GENERIC


def _all_string_leaves(data, depth: int) -> bool:
    if depth > 12:
        return False
    if isinstance(data, dict):
        return all(_all_string_leaves(v, depth + 1) for v in data.values())
    return isinstance(data, str)


class Selector:
    """Decides, per string, whether it is copy; answers per shape are cached."""

    def __init__(self, settings: CopySettings, profile: Profile):
        self.settings = settings
        self.profile = profile
        self._by_shape: dict[str, tuple[bool | None, str]] = {}

    def decide(self, path, shape: str, value: str) -> tuple[bool, str]:
        known = self._by_shape.get(shape)
        if known is None:
            known = self._by_shape[shape] = self._decide_shape(path, shape)
        verdict, why = known
        if verdict is not None:
            return verdict, why
        bad = non_copy_value(value)
        if bad:
            return False, f"value is {bad}"
        return True, why

    def _decide_shape(self, path, shape: str) -> tuple[bool | None, str]:
        """(True/False, why) when the key path decides; (None, why) when the value must."""
        s, p = self.settings, self.profile
        hit = matches(shape, s.exclude)
        if hit:
            return False, f"excluded by config ({hit})"
        hit = matches(shape, s.include)
        if hit:
            return True, f"included by config ({hit})"
        hit = matches(shape, p.exclude)
        if hit:
            return False, f"{p.name} profile skips {hit}"
        if p.include and not matches(shape, p.include):
            return False, f"{p.name} profile reads only {', '.join(p.include)}"
        if p.key_rules:
            keys = [part for part in path if isinstance(part, str) and not LOCALE.match(part)]
            if "sys" in keys:
                return False, "'sys' holds metadata, not copy"
            if keys and non_copy_key(keys[-1]):
                return False, f"key '{keys[-1]}' holds metadata, not copy"
        return None, f"{p.name} profile"
