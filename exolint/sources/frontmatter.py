"""Front matter (YAML between ``---`` lines, TOML between ``+++`` lines) at the top of a page.

Fields that are copy (title, description, social-card text; configurable with glob patterns
matched against the field name and its dotted path) are linted; ``market``, ``markets``,
``locale`` or ``lang`` set the page's market. YAML values are placed in the source with PyYAML's
node marks; TOML values (tomllib gives no positions) are searched for after their key's line.
A broken block raises ReaderError naming the line.
"""
from __future__ import annotations

import fnmatch
import functools
import re
from dataclasses import dataclass, field

from ..document import TextBuilder
from .align import LINE_BREAK, SourceAligner
from .errors import ReaderError
from .markets import markets_from_locale


class _LazyYaml:
    """``yaml``, imported on first use: most runs never need it, and start-up counts."""

    def __getattr__(self, name: str):
        import yaml

        value = getattr(yaml, name)
        setattr(self, name, value)  # (looked up once: a page's front matter uses a few, often)
        return value


yaml = _LazyYaml()

from ..config.tomlparser import tomllib

DEFAULT_COPY_FIELDS = ("title", "description", "summary", "excerpt", "og_*", "og:*",
                       "twitter_*", "twitter:*")
MARKET_KEYS = ("market", "markets", "locale", "lang")

_FENCES = {"---": "yaml", "+++": "toml"}


@dataclass
class FrontMatter:
    kind: str  # "yaml" | "toml"
    end: int  # offset just after the closing fence line: the body starts here
    copy: list[tuple[str, str, int, int]] = field(default_factory=list)  # (key, value, start, end)
    markets: frozenset[str] | None = None
    market_value: object = None  # the raw market value, for messages

    def emit(self, builder: TextBuilder, source: str) -> None:
        aligner = SourceAligner(source, builder)
        for _key, value, start, end in self.copy:
            builder.add_break("\n\n")
            aligner.emit(value, start, end)
        builder.add_break("\n\n")


def _first_line(source: str) -> tuple[str, int]:
    m = LINE_BREAK.search(source)
    return (source[:m.start()], m.end()) if m else (source, len(source))


def find_front_matter(source: str) -> tuple[str, int, int, int] | None:
    """(kind, body_start, body_end, end) of a front matter block at the top, or None."""
    first, body_start = _first_line(source)
    kind = _FENCES.get(first.rstrip())
    if kind is None:
        return None
    closers = ("---", "...") if kind == "yaml" else ("+++",)
    pos = body_start
    while pos < len(source):
        m = LINE_BREAK.search(source, pos)
        line_end = m.start() if m else len(source)
        nxt = m.end() if m else len(source)
        if source[pos:line_end].rstrip() in closers:
            return kind, body_start, pos, nxt
        pos = nxt
    raise ReaderError(f"front matter opened on line 1 with '{first.rstrip()}' is never closed")


@functools.lru_cache(maxsize=32)
def copy_field_matcher(patterns) -> "callable":
    """Whether a dotted field path is copy, per the glob ``patterns`` (a tuple); the matcher and
    its answers are kept, as every page of a site has the same few fields."""
    pats = [p.lower() for p in patterns]

    @functools.lru_cache(maxsize=1024)
    def is_copy(path: str) -> bool:
        leaf = path.rsplit(".", 1)[-1].lower()
        return any(fnmatch.fnmatchcase(leaf, p) or fnmatch.fnmatchcase(path.lower(), p) for p in pats)

    return is_copy


def parse_front_matter(source: str, copy_fields=DEFAULT_COPY_FIELDS) -> FrontMatter | None:
    found = find_front_matter(source)
    if found is None:
        return None
    kind, body_start, body_end, end = found
    fm = FrontMatter(kind=kind, end=end)
    is_copy = copy_field_matcher(tuple(copy_fields))
    first_body_line = source.count("\n", 0, body_start) + 1
    if kind == "yaml":
        _parse_yaml(source, body_start, body_end, fm, is_copy, first_body_line)
    else:
        _parse_toml(source, body_start, body_end, fm, is_copy, first_body_line)
    return fm


# -- YAML ----------------------------------------------------------------------------------------
def _parse_yaml(source, start, stop, fm, is_copy, first_line) -> None:
    text = source[start:stop]
    try:
        # libyaml's loader when present: same nodes and marks, several times faster
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        where = f" (line {first_line + mark.line})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReaderError(f"invalid YAML front matter{where}: {problem}") from None
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        raise ReaderError(f"front matter must be a mapping of fields (line {first_line})")
    _walk_yaml(root, "", source, start, fm, is_copy)


def _walk_yaml(node, path, source, base, fm, is_copy) -> None:
    for key_node, value_node in node.value:
        key = str(key_node.value)
        dotted = f"{path}.{key}" if path else key
        if not path and key.lower() in MARKET_KEYS:
            value = _plain_value(value_node)
            fm.market_value = value
            fm.markets = markets_from_locale(value) or fm.markets
            continue
        if isinstance(value_node, yaml.MappingNode):
            _walk_yaml(value_node, dotted, source, base, fm, is_copy)
        elif is_copy(dotted):
            for scalar in _scalars(value_node):
                if isinstance(scalar.value, str) and scalar.tag.endswith(":str") and scalar.value.strip():
                    fm.copy.append((dotted, scalar.value, base + scalar.start_mark.index,
                                    base + scalar.end_mark.index))


def _plain_value(node):
    """The Python value of a YAML node: strings and lists of strings directly, anything else
    through a (slower) safe round trip."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str"):
        return node.value
    if isinstance(node, yaml.SequenceNode) and all(
            isinstance(n, yaml.ScalarNode) and n.tag.endswith(":str") for n in node.value):
        return [n.value for n in node.value]
    return yaml.safe_load(yaml.serialize(node))


def _scalars(node):
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)


# -- TOML ----------------------------------------------------------------------------------------
def _parse_toml(source, start, stop, fm, is_copy, first_line) -> None:
    text = source[start:stop]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"line (\d+)", msg)
        if m:
            msg = re.sub(r"\(at line \d+, column \d+\)", f"(line {first_line + int(m.group(1)) - 1})", msg)
        raise ReaderError(f"invalid TOML front matter: {msg}") from None
    for key in MARKET_KEYS:
        if key in data:
            fm.market_value = data[key]
            fm.markets = markets_from_locale(data[key]) or fm.markets
    _walk_toml(data, "", source, start, stop, fm, is_copy)


def _walk_toml(table: dict, path, source, start, stop, fm, is_copy) -> None:
    for key, value in table.items():
        dotted = f"{path}.{key}" if path else key
        if not path and key.lower() in MARKET_KEYS:
            continue
        if isinstance(value, dict):
            _walk_toml(value, dotted, source, start, stop, fm, is_copy)
            continue
        if not is_copy(dotted):
            continue
        values = value if isinstance(value, list) else [value]
        key_at = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", re.MULTILINE)
        m = key_at.search(source, start, stop)
        if not m:
            continue
        for v in values:
            if isinstance(v, str) and v.strip():
                fm.copy.append((dotted, v, m.end(), stop))
