"""The CI snippets in docs/ci.md and README.md, action.yml and .pre-commit-hooks.yaml stay valid.

YAML must parse and have the shape its tool expects; every `exolint ...` command in them must name
an existing subcommand with options `exolint` accepts (parsed by the real click command).
"""
import re
import shlex

import click
import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from exolint.cli.commands import main

from conftest import REPO

DOCS = [p for p in (REPO / "docs" / "ci.md", REPO / "README.md") if p.exists()]
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.S | re.M)


def blocks(lang_names):
    out = []
    for doc in DOCS:
        for m in FENCE.finditer(doc.read_text(encoding="utf-8")):
            if m.group(1).lower() in lang_names:
                out.append((f"{doc.name}: block at offset {m.start()}", m.group(2)))
    return out


YAML_BLOCKS = blocks({"yaml", "yml"})
SHELL_BLOCKS = blocks({"sh", "bash", "shell", "console"})


def exolint_commands(text: str) -> list[list[str]]:
    """Every `exolint ...` invocation in shell text, cut at shell operators."""
    text = re.sub(r"\$\{\{[^}]*\}\}", "EXPR", text)  # GitHub expressions
    commands = []
    lines = [ln.strip() for ln in text.splitlines()]
    if any(ln.startswith("$ ") for ln in lines):  # a console transcript: only prompt lines are commands
        lines = [ln for ln in lines if ln.startswith("$ ")]
    for line in lines:
        line = line.removeprefix("$ ").removeprefix("- ")
        for part in re.split(r"\|\||&&|[;|]", line):
            words = shlex.split(part, comments=True) if part.strip() else []
            if words and words[0] == "exolint":
                commands.append(words[1:])
    return commands


def assert_valid_command(args: list[str]) -> None:
    assert args, "bare `exolint`"
    sub = main.commands.get(args[0])
    assert sub is not None, f"no subcommand {args[0]!r}"
    try:
        sub.make_context(args[0], list(args[1:]))
    except click.UsageError as exc:
        raise AssertionError(f"`exolint {' '.join(args)}`: {exc.format_message()}") from None


def run_strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in (
            [v] if k in ("run", "script") and isinstance(v, str) else
            [x for x in v if isinstance(x, str)] if k == "script" and isinstance(v, list) else
            run_strings(v))]
    if isinstance(node, list):
        return [s for v in node for s in run_strings(v)]
    return []


def test_docs_have_a_snippet_for_each_integration():
    assert DOCS and DOCS[0].name == "ci.md"
    kinds = {kind_of(yaml.safe_load(text)) for _, text in YAML_BLOCKS}
    assert {"pre-commit", "github", "gitlab"} <= kinds


def kind_of(data) -> str:
    if isinstance(data, dict) and "repos" in data:
        return "pre-commit"
    if isinstance(data, dict) and "jobs" in data:
        return "github"
    if isinstance(data, dict) and any(isinstance(v, dict) and "script" in v for v in data.values()):
        return "gitlab"
    return "other"


@pytest.mark.parametrize("where,text", YAML_BLOCKS, ids=[w for w, _ in YAML_BLOCKS])
def test_yaml_snippet_is_valid_for_its_tool(where, text, tmp_path):
    data = yaml.safe_load(text)
    kind = kind_of(data)
    if kind == "pre-commit":
        cfg = tmp_path / ".pre-commit-config.yaml"
        cfg.write_text(text, encoding="utf-8")
        loaded = load_config(str(cfg))  # pre-commit's own schema check
        assert any(h["id"] == "exolint" for r in loaded["repos"] for h in r["hooks"])
    elif kind == "github":
        assert True in data or "on" in data  # YAML 1.1 reads `on:` as True
        for job in data["jobs"].values():
            assert job["runs-on"] and job["steps"]
            for step in job["steps"]:
                assert ("uses" in step) != ("run" in step), step
    elif kind == "gitlab":
        for name, job in data.items():
            assert isinstance(job["script"], list) and job["script"], name
            reports = job.get("artifacts", {}).get("reports", {})
            for key in reports:
                assert key in {"codequality", "junit"}
    # other YAML (e.g. configuration examples): parsing it is the check
    for run in run_strings(data):
        for args in exolint_commands(run):
            assert_valid_command(args)


@pytest.mark.parametrize("where,text", SHELL_BLOCKS, ids=[w for w, _ in SHELL_BLOCKS])
def test_shell_snippet_commands_exist(where, text):
    for args in exolint_commands(text):
        assert_valid_command(args)


def test_gitlab_snippet_publishes_code_quality_and_junit():
    reports = [job.get("artifacts", {}).get("reports", {})
               for _, text in YAML_BLOCKS if kind_of(data := yaml.safe_load(text)) == "gitlab"
               for job in data.values()]
    assert any({"codequality", "junit"} <= set(r) for r in reports)


def test_github_snippet_uploads_sarif():
    uses = [step.get("uses", "") for _, text in YAML_BLOCKS if kind_of(data := yaml.safe_load(text)) == "github"
            for job in data["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


def test_action_yml_is_a_valid_composite_action():
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "sarif", "sarif-file"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    for step in steps:
        assert ("uses" in step) != ("run" in step)
        if "run" in step:
            assert step["shell"] == "bash"  # composite run steps must name their shell
    commands = [args for s in steps if "run" in s for args in exolint_commands(s["run"])]
    assert len(commands) == 1  # one run writes the annotations and the SARIF file
    assert commands[0][commands[0].index("--format") + 1] == "github"
    for args in commands:
        assert_valid_command(args)
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)


def test_pre_commit_hooks_manifest():
    hook, data = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))  # pre-commit's own schema check
    assert hook["id"] == "exolint" and hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "mdx", "html", "plain-text"}
    assert hook["pass_filenames"] is True
    assert_valid_command(shlex.split(hook["entry"])[1:] + ["page.md"])
    # the structured-copy variant: JSON, YAML, CSV, .po and WordPress XML, never Markdown
    assert data["id"] == "exolint-data" and data["pass_filenames"] is True
    assert set(data["types_or"]) == {"json", "yaml", "csv", "pofile", "xml"}
    assert_valid_command(shlex.split(data["entry"])[1:] + ["products.csv"])


def test_pre_commit_file_types_cover_the_copy_formats():
    from identify.identify import tags_from_filename

    types = set(yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())[0]["types_or"])
    for name in ("a.md", "a.markdown", "a.mdx", "a.html", "a.htm", "a.txt"):
        assert tags_from_filename(name) & types, name
    for name in ("a.py", "a.json", "a.yaml"):
        assert not tags_from_filename(name) & types, name
