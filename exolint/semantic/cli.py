"""What the command line says about the semantic stage (never imports numpy or the model)."""
from __future__ import annotations

import json
import sys

import click

from ..ruleset import CATEGORIES
from . import HOW_TO_ENABLE, PREFIX, installed

EXIT_ERROR = 2


def semantic_help() -> str:
    base = ("Read sentences no rule matched with the semantic second reader (findings "
            "'semantic-<category>', severity info). Default: the config's 'semantic', else off; "
            "needs the extra")
    if installed():
        return base + " (installed)."
    return base + f" (not installed: {HOW_TO_ENABLE})"


def check_semantic_available(flag: bool | None, config, paths) -> None:
    """--semantic, or ``semantic = true`` in the configuration, without the extra: a clear error."""
    if installed():
        return
    asked = "--semantic" if flag else None
    if flag is None:
        for path in paths:
            cfg = config.config_for(path) if path != "-" else None
            if cfg is not None and cfg.values.get("semantic") is True:
                asked = f"'semantic = true' in {cfg.path}"
                break
    if asked:
        click.echo(f"exolint: {asked} needs the optional extra: pip install 'exolint[semantic]' "
                   "(or use --no-semantic)", err=True)
        sys.exit(EXIT_ERROR)


def semantic_ids(name: str) -> bool:
    return name.startswith(PREFIX) and name[len(PREFIX):] in CATEGORIES


def explain_semantic(name: str, ruleset) -> str:
    category = name[len(PREFIX):]
    meta = _model_meta()
    rules = [r for r in ruleset.rules if r.category == category]
    n_flag = sum(len(r.examples_flag) for r in rules)
    point = meta.get("operating_point", {})
    lines = [
        f"{name}  ({category}, info, the semantic second reader)",
        "",
        f"A sentence that no rule matched but that reads like the {category} rules' flagged "
        "examples.",
        "",
        "How it works",
        "  Each sentence of the copy that no rule matched (reported or quieted), that holds a word",
        "  of the rules' vocabulary, has no negator, and that the context stage says the page is",
        "  claiming, is embedded by a small static model and compared with every rule's `flag`",
        "  examples and with every `pass` example plus exolint's own compliant sentences. It is",
        "  reported when its nearest flag examples beat its nearest compliant ones by a margin and",
        "  its nearest flag example is similar enough. The message names that example, its rule",
        "  and the similarity; the suggestion and references are that rule's",
        f"  (`exolint explain RULE`). {len(rules)} rules with {n_flag} flagged examples feed this",
        "  category; examples added to a rule (or a --rules pack) count with no retraining.",
        "",
        "What it was trained on",
        f"  The embedder: {meta.get('method', '?')}, distilled offline from {meta.get('teacher', '?')}",
        "  (Apache-2.0) by scripts/build-semantic-model.py. Nothing is learnt from users' copy.",
        f"  Operating point: k={point.get('k', '?')}, margin {point.get('margin', '?')}, "
        f"similarity floor {point.get('floor', '?')}",
        f"  ({point.get('chosen_by', 'see docs/semantic.md')}).",
        "",
        "Its weakness: embeddings see the topic, not who is speaking, so stance and negation stay",
        "with the rules and the context stage. It points at sentences worth a look; it is not a",
        "judge. Turn it off with --no-semantic or `semantic = false`; set its margin with",
        "`semantic-threshold`; by default it reads only pages where the rules reported a claim",
        "(`semantic-pages = \"all\"` reads every page). See docs/semantic.md.",
    ]
    if not installed():
        lines += ["", f"Not active here: {HOW_TO_ENABLE}"]
    return "\n".join(lines)


def _model_meta() -> dict:
    from pathlib import Path
    path = Path(__file__).resolve().parent / "model" / "model.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
