"""Load and validate TOML rule packs into Rules.

Every problem is reported as a :class:`RuleFileError` naming the file, the line (as near as it
can be found), the rule id and the field, so a rule author can fix it without guessing.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable, TypeVar

import regex

from .model import CATEGORIES, MARKETS, SEVERITIES, ContextCheck, Reference, Rule
from .cache import cached
from .lazy import LazyPattern
from .patterns import (PatternError, compile_pattern, has_nested_unbounded_quantifier,
                       pattern_reach, relaxed_forms, required_groups)

from ..config.tomlparser import tomllib

T = TypeVar("T")

CONTEXTS_FILE = "_contexts.toml"
MIN_EXAMPLES = 2
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")
_RULE_FIELDS = {
    "id", "category", "severity", "markets", "summary", "message", "rationale", "suggestion",
    "patterns", "unless", "unless_before", "unless_after", "unless_sentence", "unless_previous", "unless_lead_in", "requires",
    "case_sensitive",
    "references", "examples",
}
_REQUIRED = ("id", "category", "severity", "markets", "summary", "message", "rationale",
             "suggestion", "patterns", "references", "examples")


class RuleFileError(Exception):
    """A rule or context file that cannot be used."""

    def __init__(self, path: str, reason: str, *, line: int | None = None,
                 rule_id: str | None = None, field: str | None = None):
        self.path, self.reason, self.line, self.rule_id, self.field = path, reason, line, rule_id, field
        where = path + (f":{line}" if line else "")
        what = []
        if rule_id:
            what.append(f"rule '{rule_id}'")
        if field:
            what.append(f"field '{field}'")
        super().__init__(f"{where}: {', '.join(what) + ': ' if what else ''}{reason}")


def bundled_rules_dir() -> Path:
    """The rule packs shipped with exolint (inside the wheel, or the repo's rules/ folder)."""
    here = Path(__file__).resolve().parent.parent  # the exolint package
    installed = here / "rules"
    if installed.is_dir() and any(installed.glob("*.toml")):
        return installed
    return here.parent / "rules"


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RuleFileError(str(folder), "rules folder does not exist")
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("_"))


def load_rules(folders: list[Path] | None = None, include_bundled: bool = True) -> list[Rule]:
    """Load every pack in the bundled folder and the given folders; ids must be unique.

    Shared contexts (``_contexts.toml``) load from the bundled folder first, then from each
    given folder (a later definition of the same name wins).
    """
    return load_built(folders, include_bundled, list, "rules")


def load_built(folders: list[Path] | None, include_bundled: bool, build: Callable[[list[Rule]], T],
               kind: str) -> T:
    """``build(load_rules(...))``, from the on-disk cache when the same rule files were built
    into the same ``kind`` of object before (``exolint.ruleset.cache``)."""
    dirs: list[Path] = []
    if include_bundled:
        dirs.append(bundled_rules_dir())
    dirs.extend(Path(f) for f in folders or [])
    try:
        files = input_files(dirs)
    except RuleFileError:
        files = None  # let the normal load report it
    if files is None:
        return build(_load_rules(dirs))
    return cached(dirs, files, lambda: build(_load_rules(dirs)), kind)


def input_files(dirs: list[Path]) -> list[Path]:
    """Every file a rule set loaded from ``dirs`` depends on (the cache keys hash them)."""
    files = [d / CONTEXTS_FILE for d in [bundled_rules_dir(), *dirs] if (d / CONTEXTS_FILE).is_file()]
    return files + [p for d in dirs for p in rule_files(d)]


def _load_rules(dirs: list[Path]) -> list[Rule]:
    contexts: dict[str, ContextCheck] = {}
    # the bundled shared contexts are always available, even to user packs used on their own
    context_dirs = [bundled_rules_dir()] + [d for d in dirs if d != bundled_rules_dir()]
    for d in context_dirs:
        ctx = d / CONTEXTS_FILE
        if ctx.is_file():
            contexts.update(load_contexts(ctx))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for d in dirs:
        for path in rule_files(d):
            for rule in load_pack(path, contexts):
                if rule.id in seen:
                    raise RuleFileError(str(path), f"duplicate rule id (also defined in {seen[rule.id]})",
                                        line=_find_line(_read(path), rule.id, "id"), rule_id=rule.id, field="id")
                seen[rule.id] = str(path)
                rules.append(rule)
    return rules


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleFileError(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise RuleFileError(str(path), f"cannot read: {exc.strerror}") from None


def _parse(path: Path) -> tuple[dict, str]:
    text = _read(path)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = int(m.group(1)) if m else None
        raise RuleFileError(str(path), f"invalid TOML: {msg}", line=line) from None


def load_contexts(path: Path) -> dict[str, ContextCheck]:
    data, text = _parse(path)
    unknown = set(data) - {"context"}
    if unknown:
        key = sorted(unknown)[0]
        raise RuleFileError(str(path), "unknown top-level key (expected [context.NAME] tables)",
                            line=_find_key_line(text, key), field=key)
    out: dict[str, ContextCheck] = {}
    for name, table in (data.get("context") or {}).items():
        if not isinstance(table, dict):
            raise RuleFileError(str(path), "must be a table", field=f"context.{name}")
        bad = set(table) - {"before", "after", "sentence", "lead_in", "previous", "description"}
        if bad:
            key = sorted(bad)[0]
            raise RuleFileError(str(path), "unknown field (expected before, after, sentence, lead_in, previous, description)",
                                line=_find_key_line(text, key), field=f"context.{name}.{key}")
        compiled = {k: _compile_context_list(path, text, f"context.{name}.{k}", table.get(k, []))
                    for k in ("before", "after", "sentence", "lead_in", "previous")}
        out[name] = ContextCheck(name=name, description=str(table.get("description", "")), **compiled)
    return out


def _compile_context_list(path: Path, text: str, field: str, values, rule_id: str | None = None):
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleFileError(str(path), "must be a list of regex strings", rule_id=rule_id, field=field,
                            line=_find_line(text, rule_id, field.rsplit(".", 1)[-1]))
    out = []
    for v in values:
        if not v.strip():
            raise RuleFileError(str(path), "empty regex", rule_id=rule_id, field=field,
                                line=_find_line(text, rule_id, field.rsplit(".", 1)[-1]))
        try:
            out.append(LazyPattern.of(regex.compile(v, regex.IGNORECASE)))
        except regex.error as exc:
            raise RuleFileError(str(path), f"regex {v!r} does not compile: {exc.msg} at position {exc.pos}",
                                rule_id=rule_id, field=field,
                                line=_find_line(text, rule_id, field.rsplit(".", 1)[-1])) from None
    return tuple(out)


def load_pack(path: Path, contexts: dict[str, ContextCheck]) -> list[Rule]:
    data, text = _parse(path)
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        key = sorted(unknown)[0]
        raise RuleFileError(str(path), "unknown top-level key (expected [pack] and [[rule]])",
                            line=_find_key_line(text, key), field=key)
    pack = data.get("pack", {})
    if not isinstance(pack, dict) or not isinstance(pack.get("name"), str) or not pack.get("name"):
        raise RuleFileError(str(path), "missing [pack] table with a name", field="pack.name",
                            line=_find_key_line(text, "pack"))
    bad = set(pack) - {"name", "description"}
    if bad:
        key = sorted(bad)[0]
        raise RuleFileError(str(path), "unknown field (expected name, description)",
                            line=_find_key_line(text, key), field=f"pack.{key}")
    rules_data = data.get("rule", [])
    if not isinstance(rules_data, list) or not rules_data:
        raise RuleFileError(str(path), "a pack needs at least one [[rule]]", field="rule")
    return [_build_rule(path, text, pack["name"], raw, contexts) for raw in rules_data]


def _build_rule(path: Path, text: str, pack: str, raw: dict, contexts: dict[str, ContextCheck]) -> Rule:
    rid = raw.get("id") if isinstance(raw.get("id"), str) else None

    def fail(field: str, reason: str):
        raise RuleFileError(str(path), reason, line=_find_line(text, rid, field), rule_id=rid, field=field)

    for key in raw:
        if key not in _RULE_FIELDS:
            fail(key, f"unknown field (expected one of: {', '.join(sorted(_RULE_FIELDS))})")
    for key in _REQUIRED:
        if key not in raw:
            fail(key, "required field is missing")
    if not rid or not _ID_RE.match(rid):
        fail("id", "must be a kebab-case string such as 'no-side-effects'")

    def string(key: str) -> str:
        val = raw[key]
        if not isinstance(val, str) or not val.strip():
            fail(key, "must be a non-empty string")
        return val.strip()

    category = string("category")
    if category not in CATEGORIES:
        fail("category", f"unknown category '{category}' (expected one of: {', '.join(CATEGORIES)})")
    severity = string("severity")
    if severity not in SEVERITIES:
        fail("severity", f"unknown severity '{severity}' (expected error, warning or info)")
    markets_raw = raw["markets"]
    if isinstance(markets_raw, str):
        markets_raw = [markets_raw]
    if not isinstance(markets_raw, list) or not markets_raw or not all(isinstance(m, str) for m in markets_raw):
        fail("markets", "must be a non-empty list such as [\"UK\", \"EU\"] or [\"all\"]")
    markets: set[str] = set()
    for m in markets_raw:
        up = m.strip()
        if up.lower() == "all":
            markets = set()
            break
        if up.upper() not in MARKETS:
            fail("markets", f"unknown market '{m}' (expected {', '.join(MARKETS)} or all)")
        markets.add(up.upper())

    patterns_raw = raw["patterns"]
    if isinstance(patterns_raw, str):
        patterns_raw = [patterns_raw]
    if not isinstance(patterns_raw, list) or not patterns_raw:
        fail("patterns", "must be a non-empty list of regex strings")
    case_sensitive = raw.get("case_sensitive", False)
    if not isinstance(case_sensitive, bool):
        fail("case_sensitive", "must be true or false")
    compiled = []
    nested = []
    groups: list = []
    reaches: list[int] = []
    for i, pat in enumerate(patterns_raw):
        if not isinstance(pat, str):
            fail("patterns", f"pattern {i + 1} is not a string")
        try:
            compiled.append(LazyPattern.of(compile_pattern(pat, case_sensitive)))
        except PatternError as exc:
            where = f" at position {exc.position}" if exc.position is not None else ""
            fail("patterns", f"pattern {i + 1} {pat!r} {exc}{where}")
        groups.append(required_groups(pat))
        reaches.append(pattern_reach(pat))
        if has_nested_unbounded_quantifier(pat):
            nested.append(pat)

    unless = raw.get("unless", [])
    if isinstance(unless, str):
        unless = [unless]
    if not isinstance(unless, list) or not all(isinstance(u, str) for u in unless):
        fail("unless", "must be a list of context names")
    exceptions = []
    for name in unless:
        if name not in contexts:
            known = ", ".join(sorted(contexts)) or "none defined"
            fail("unless", f"unknown context '{name}' (known: {known})")
        exceptions.append(contexts[name])
    requires = raw.get("requires", [])
    if isinstance(requires, str):
        requires = [requires]
    if not isinstance(requires, list) or not all(isinstance(u, str) for u in requires):
        fail("requires", "must be a list of context names")
    requirements = []
    for name in requires:
        if name not in contexts:
            known = ", ".join(sorted(contexts)) or "none defined"
            fail("requires", f"unknown context '{name}' (known: {known})")
        requirements.append(contexts[name])
    own = {k: _compile_context_list(path, text, k, raw.get(k, []), rid)
           for k in ("unless_before", "unless_after", "unless_sentence", "unless_previous", "unless_lead_in")}
    if any(own.values()):
        exceptions.append(ContextCheck(name=f"{rid} (own)", before=own["unless_before"],
                                       after=own["unless_after"], sentence=own["unless_sentence"],
                                       previous=own["unless_previous"], lead_in=own["unless_lead_in"]))

    refs_raw = raw["references"]
    if not isinstance(refs_raw, list) or not refs_raw:
        fail("references", "must be a non-empty list of {title, url} tables")
    refs = []
    for ref in refs_raw:
        if not isinstance(ref, dict) or set(ref) - {"title", "url"} or not isinstance(ref.get("title"), str):
            fail("references", "each reference needs a title and may have a url, nothing else")
        url = ref.get("url", "")
        if url and (not isinstance(url, str) or not url.startswith(("http://", "https://"))):
            fail("references", f"url must start with http:// or https:// (got {url!r})")
        refs.append(Reference(ref["title"].strip(), url))

    ex = raw["examples"]
    if not isinstance(ex, dict) or set(ex) - {"flag", "pass"}:
        fail("examples", "must be a table with 'flag' and 'pass' lists")
    flag, pass_ = ex.get("flag", []), ex.get("pass", [])
    for key, vals in (("flag", flag), ("pass", pass_)):
        if not isinstance(vals, list) or not all(isinstance(v, str) and v.strip() for v in vals):
            fail(f"examples.{key}", "must be a list of non-empty strings")
        if len(vals) < MIN_EXAMPLES:
            fail(f"examples.{key}", f"needs at least {MIN_EXAMPLES} examples (has {len(vals)})")

    return Rule(
        id=rid, category=category, severity=severity, markets=frozenset(markets),
        summary=string("summary"), message=string("message"), rationale=string("rationale"),
        suggestion=string("suggestion"), patterns=tuple(patterns_raw), compiled=tuple(compiled),
        references=tuple(refs),
        examples_flag=tuple(flag), examples_pass=tuple(pass_), exceptions=tuple(exceptions),
        unless=tuple(unless), requirements=tuple(requirements), requires=tuple(requires),
        case_sensitive=case_sensitive, pack=pack, source_file=str(path),
        nested_quantifier_patterns=tuple(nested), pattern_groups=tuple(groups),
        pattern_reach=tuple(reaches), pattern_relaxed=tuple(_relaxed_compiled(c) for c in compiled),
    )


def _relaxed_compiled(pattern: LazyPattern) -> tuple:
    """``relaxed_forms`` with the relaxed body compiled now, so the rule cache stores its program
    (``LazyPattern``) and no later run compiles it again; the body stays a string if it does not
    compile (``RuleSet.relaxed`` then does without it)."""
    body, *rest = relaxed_forms(pattern)
    if body is not None:
        try:
            body = LazyPattern.of(regex.compile(body, pattern.flags))
        except regex.error:
            pass
    return (body, *rest)


# -- locating lines for error messages -----------------------------------------------------------
def _find_key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*\[*\s*{re.escape(key)}\b", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _find_line(text: str, rule_id: str | None, field: str) -> int | None:
    """Best-effort line of ``field`` within the [[rule]] whose id is ``rule_id``."""
    field = field.split(".")[0]
    if rule_id:
        m = re.search(rf"^\s*id\s*=\s*[\"']{re.escape(rule_id)}[\"']", text, re.MULTILINE)
        if m:
            start = text.rfind("[[rule]]", 0, m.start())
            start = 0 if start < 0 else start
            nxt = text.find("[[rule]]", m.end())
            end = len(text) if nxt < 0 else nxt
            fm = re.search(rf"^\s*(\[+\s*rule\.)?{re.escape(field)}\b", text[start:end], re.MULTILINE)
            pos = start + fm.start() if fm else m.start()
            return text.count("\n", 0, pos) + 1
    return _find_key_line(text, field)


def describe_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
