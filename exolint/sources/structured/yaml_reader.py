"""YAML data files (Hugo/Jekyll data, CMS collections): strings chosen by key path.

PyYAML composes the file into nodes without constructing Python objects (safe: no tags run
code), and every scalar node carries its start and end marks; multi-line, folded and escaped
scalars are placed character by character (``align``). An alias refers to its anchor's node,
which is read once, at the anchor: a "billion laughs" file costs what its text costs.
"""
from __future__ import annotations

from ...document import Document
from ..errors import ReaderError
from ..frontmatter import yaml
from ..markets import markets_from_locale
from .align import align
from .assemble import build_document
from .json_reader import markets_from_name
from .keypaths import CopySettings, Selector, detect_profile, locale_in, pointer_of, shape_of
from .strings import CopyString

MAX_DEPTH = 256
MAX_NODES = 2_000_000
MARKET_KEYS = ("market", "markets", "locale", "lang", "language")


def compose(source: str) -> list:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return [d for d in yaml.compose_all(source, Loader=loader) if d is not None]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = exc.problem or exc.context or "malformed"
        raise ReaderError(f"invalid YAML{where}: {problem}") from None
    except yaml.YAMLError as exc:
        raise ReaderError(f"invalid YAML: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise ReaderError("YAML nested too deeply to read") from None


def _is_str(node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str")


def _skeleton(node, depth: int, seen: set):
    """Nested dicts/lists/strings standing for the file, for choosing a profile (each node once)."""
    if id(node) in seen or depth > MAX_DEPTH:
        return None
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _skeleton(v, depth + 1, seen) for k, v in node.value
                if isinstance(k, yaml.ScalarNode)}
    if isinstance(node, yaml.SequenceNode):
        return [_skeleton(v, depth + 1, seen) for v in node.value]
    return node.value if _is_str(node) else None


def yaml_strings(source: str, settings: CopySettings):
    """(every string of the file, marked read or not; the file's own markets)."""
    docs = compose(source)
    out: list[CopyString] = []
    markets = None
    for number, root in enumerate(docs):
        data = _skeleton(root, 0, set())
        if isinstance(data, dict):
            for key in MARKET_KEYS:
                if isinstance(data.get(key), (str, list)):
                    markets = markets_from_locale(data[key]) or markets
        selector = Selector(settings, detect_profile(data, settings))
        prefix = [number] if len(docs) > 1 else []
        _walk(root, prefix, source, selector, out)
    return out, markets


def _walk(root, prefix: list, source: str, selector: Selector, out: list[CopyString]) -> None:
    seen: set[int] = set()
    todo = [(root, prefix)]
    count = 0
    while todo:
        node, path = todo.pop()
        if id(node) in seen:
            continue  # an alias: its anchor's copy is read where the anchor is
        seen.add(id(node))
        count += 1
        if count > MAX_NODES or len(path) > MAX_DEPTH:
            raise ReaderError("YAML too large or nested too deeply to read "
                              f"(over {MAX_NODES} nodes or {MAX_DEPTH} levels)")
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                todo.append((value, path + [str(key.value)]))
        elif isinstance(node, yaml.SequenceNode):
            for i in range(len(node.value) - 1, -1, -1):
                todo.append((node.value[i], path + [i]))
        elif _is_str(node):
            text = node.value
            if not text.strip():
                continue
            shape = shape_of(path)
            read, why = selector.decide(path, shape, text)
            pieces = align(text, source, node.start_mark.index, node.end_mark.index,
                           "yaml" if node.style == '"' else None)
            out.append(CopyString(pointer_of(path), shape, pieces, locale=locale_in(path),
                                  read=read, reason=why, _text=text))


def read_yaml(path: str, source: str, copy: CopySettings | None = None, **_options) -> Document:
    strings, markets = yaml_strings(source, copy or CopySettings())
    return build_document(path, source, strings, markets=markets or markets_from_name(path))
