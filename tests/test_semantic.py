"""The semantic second reader: model files, the stage's choices, and how findings flow through
the filters and reporters like any other finding."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from semantic_helpers import require_semantic

from exolint import semantic
from exolint.api import LintOptions, default_ruleset, lint_text
from exolint.config.settings import Config
from exolint.ruleset import RuleSet

MODEL = REPO / "exolint" / "semantic" / "model"
PACK = REPO / "tests" / "data" / "semantic_pack"
# our own sentences: the first is near the pack's flag examples but its pattern does not match
NOVEL = "Our night cream rouses dormant skin cells so they behave like young cells again."
PLAIN = "Book a consultation with our team on a Tuesday afternoon at the clinic."


# a sentence the pack's own rule matches: it makes a page one where the rules reported a claim
CLAIMED = "Our cream wakes up your cells and they act like young cells again."


def pack_rules() -> RuleSet:
    return RuleSet.load([PACK], include_bundled=False)


@pytest.fixture(autouse=True)
def every_page(monkeypatch):
    """The stage's mechanics on a one-sentence page: read every page (the recorded point reads only
    pages where the rules reported a claim; test_the_stage_reads_claimed_pages_only covers that)."""
    from dataclasses import replace

    from exolint.semantic import classify
    recorded = classify.recorded_point
    monkeypatch.setattr(classify, "recorded_point", lambda: replace(recorded(), claimed_pages_only=False))


def lint(text, rules=None, path="page.md", **options):
    options.setdefault("semantic", True)  # the stage is opt-in
    return lint_text(text, path, rules or pack_rules(), LintOptions(**options))


# -- the model ------------------------------------------------------------------------------------
def test_model_files_match_their_recorded_checksums_and_size():
    meta = json.loads((MODEL / "model.json").read_text())
    assert set(meta["files"]) == {"embeddings.safetensors", "tokenizer.json", "LICENSE"}
    for name, digest in meta["files"].items():
        assert hashlib.sha256((MODEL / name).read_bytes()).hexdigest() == digest, name
    size = sum((MODEL / name).stat().st_size for name in meta["files"])
    assert size <= 10_000_000, f"model files take {size} bytes > 10 MB"
    licence = (MODEL / "LICENSE").read_text()
    assert "all-MiniLM-L6-v2" in licence and "TERMS AND CONDITIONS" in licence  # Apache-2.0
    point = meta["operating_point"]
    assert {"k", "margin", "floor", "chosen_by"} <= set(point)


def test_embedder_is_float16_on_disk_and_gives_unit_vectors():
    require_semantic()
    from safetensors import safe_open

    from exolint.semantic.embedder import embedder

    with safe_open(str(MODEL / "embeddings.safetensors"), "np") as fh:
        assert str(fh.get_tensor("embeddings").dtype) == "float16"
    vectors = embedder().embed([NOVEL, PLAIN, ""])
    assert vectors.shape[0] == 3
    assert abs(float((vectors[0] ** 2).sum()) - 1) < 1e-4
    assert float((vectors[2] ** 2).sum()) == 0  # no token: a zero row, not NaN
    close = embedder().embed(["This serum wakes up skin cells that have gone to sleep."])[0]
    assert float(vectors[0] @ close) > float(vectors[1] @ close)


# -- the stage ------------------------------------------------------------------------------------
def test_a_new_wording_near_a_rules_flag_examples_is_an_info_finding():
    require_semantic()
    found = lint(f"{NOVEL}\n\n{PLAIN}\n")
    assert [(f.rule, f.severity, f.line) for f in found] == [("semantic-structure_function", "info", 1)]
    f = found[0]
    assert f.match == NOVEL and f.column == 1
    assert "[pack-wake-cells]" in f.message and "closest example" in f.message
    assert f.message.rstrip(")").rsplit("(", 1)[1].replace(".", "").isdigit()  # the similarity
    assert f.suggestion == pack_rules().by_id["pack-wake-cells"].suggestion


def test_no_semantic_option_and_config_turn_the_stage_off(tmp_path):
    require_semantic()
    assert lint(NOVEL, semantic=False) == []
    cfg = tmp_path / "exolint.toml"
    cfg.write_text("semantic = false\n")
    page = tmp_path / "page.md"
    assert lint(NOVEL, path=str(page), config=Config(cfg), semantic=None) == []
    cfg.write_text("semantic = true\nsemantic-threshold = 0.9\n")  # a margin no sentence reaches
    assert lint(NOVEL, path=str(page), config=Config(cfg), semantic=None) == []


def test_the_stage_is_off_unless_asked_for(tmp_path):
    """Opt-in even with the extra installed (docs/semantic.md): no option and no config, no
    semantic findings; ``semantic = true`` in the config turns it on."""
    require_semantic()
    page = tmp_path / "page.md"
    assert lint(NOVEL, path=str(page), semantic=None) == []
    cfg = tmp_path / "exolint.toml"
    cfg.write_text("semantic = true\n")
    found = lint(NOVEL, path=str(page), config=Config(cfg), semantic=None)
    assert [f.rule for f in found] == ["semantic-structure_function"]


def test_a_sentence_a_rule_matched_is_left_to_the_rule():
    require_semantic()
    found = lint("Our cream wakes up your cells and they act like young cells again.")
    assert [f.rule for f in found] == ["pack-wake-cells"]


def test_negated_and_reported_sentences_stay_quiet():
    require_semantic()
    assert lint("Our night cream does not rouse dormant skin cells or make them behave young.") == []
    regulator = ("Regulators have warned that creams claiming to rouse dormant skin cells so they "
                 "behave like young cells again are making medicinal claims.")
    assert lint(regulator) == []


def test_the_domain_screen_skips_sentences_without_the_rules_vocabulary():
    require_semantic()
    from exolint.semantic.examples import index_for
    from exolint.semantic.stage import candidates

    index = index_for(pack_rules())
    text = f"{NOVEL} {PLAIN}"
    assert [text[b:e] for b, e in candidates(text, [], index.domain_words)] == [NOVEL]


def test_a_users_pack_examples_are_embedded_when_it_is_loaded():
    require_semantic()
    bundled = default_ruleset()
    combined = RuleSet.load([PACK])
    from exolint.semantic.examples import index_for
    assert len(index_for(combined).flag_texts) == len(index_for(bundled).flag_texts) + 3
    assert index_for(RuleSet.load([PACK])) is index_for(combined)  # cached by its examples


def test_market_of_the_closest_rule_is_respected(tmp_path):
    require_semantic()
    pack = tmp_path / "uk.toml"
    pack.write_text((PACK / "pack.toml").read_text().replace('markets = ["all"]', 'markets = ["UK"]'))
    rules = RuleSet.load([tmp_path], include_bundled=False)
    assert [f.rule for f in lint(NOVEL, rules, markets=frozenset({"UK"}))] == ["semantic-structure_function"]
    assert lint(NOVEL, rules, markets=frozenset({"US"})) == []


def test_the_stage_reads_claimed_pages_only(monkeypatch, tmp_path):
    """At the recorded point the stage reads only pages where the rules reported a claim: a page
    the rules found clean gets no semantic finding; ``semantic-pages = "all"`` reads it too."""
    require_semantic()
    from dataclasses import replace

    from exolint.semantic import classify
    monkeypatch.setattr(classify, "recorded_point", lambda: replace(
        classify.OperatingPoint(k=3, margin=0.05, floor=0.6), claimed_pages_only=True))
    assert lint(f"{NOVEL}\n\n{PLAIN}\n") == []
    found = lint(f"{NOVEL}\n\n{PLAIN}\n\n{CLAIMED}\n")
    assert [(f.rule, f.line) for f in found] == [("semantic-structure_function", 1), ("pack-wake-cells", 5)]
    cfg = tmp_path / "exolint.toml"
    cfg.write_text(ALL_PAGES)
    page = tmp_path / "page.md"
    assert [f.rule for f in lint(NOVEL, path=str(page), config=Config(cfg))] == ["semantic-structure_function"]
    cfg.write_text('semantic-pages = "some"\n')
    with pytest.raises(Exception, match="claimed"):
        lint(NOVEL, path=str(page), config=Config(cfg))


def test_the_recorded_point_names_the_page_gate():
    meta = json.loads((MODEL / "model.json").read_text())
    assert isinstance(meta["operating_point"].get("claimed_pages_only"), bool)


@pytest.mark.parametrize("sentence", [
    "Our night cream does not rouse dormant skin cells at all.",  # a negator
    "Whether the cream rouses dormant skin cells is still experimental.",  # a cautious stance
    "More research is needed on creams that rouse dormant skin cells.",
    "The cream helps the look of tired skin and rouses its glow.",  # the cosmetic register
    "Skin can feel softer and look\nbrighter after the rousing cell facial.",  # (across a line break)
    "Does the cream rouse dormant skin cells overnight?",  # a question
])
def test_stance_screens_keep_sentences_from_the_embedder(sentence):
    require_semantic()
    from exolint.semantic.stage import worth_reading
    domain = frozenset({"rouse", "rouses", "rousing", "dormant", "cells"})
    assert not worth_reading(sentence, domain)
    assert worth_reading("Our night cream rouses dormant skin cells overnight.", domain)


def test_word_pieces_are_the_tokenizers_whole_sentence_pieces():
    """The embedder tokenises words once and joins their pieces: the same ids as tokenising the
    whole sentence, including accents, odd spaces, control characters and over-long sentences."""
    require_semantic()
    from exolint.semantic.embedder import MAX_TOKENS, embedder
    e = embedder()
    sentences = [NOVEL, "Crème brûlée — naïve café\u00a0serum, 3x stronger!", "a\x0bb\x0cc\x85d\u3000e",
                 "\x1cjoined\x1fwords", "word " * 200, "", "汉字 and dont’t"]
    whole = [enc.ids[:MAX_TOKENS] for enc in e.tokenizer.encode_batch(sentences, add_special_tokens=False)]
    assert e._ids(sentences) == whole
    assert e._ids(sentences) == whole  # (the second time from the remembered words)


# -- like any other finding -----------------------------------------------------------------------
ALL_PAGES = 'semantic-pages = "all"\n'  # (a one-sentence page: see every_page)


def _cli(run_cli, tmp_path, *args, text=NOVEL):
    page = tmp_path / "page.md"
    page.write_text(text + "\n")
    on = [] if "--no-semantic" in args else ["--semantic"]  # the stage is opt-in
    if "--config" not in args:
        cfg = tmp_path / "all-pages" / "exolint.toml"
        cfg.parent.mkdir(exist_ok=True)
        cfg.write_text(ALL_PAGES)
        args = (*args, "--config", cfg)
    return run_cli("check", "--no-bundled-rules", "--rules", PACK, *on, *args, page)


def test_cli_select_ignore_severity_and_formats(run_cli, tmp_path):
    require_semantic()
    code, out, _ = _cli(run_cli, tmp_path, "--format", "json")
    found = json.loads(out)["findings"]
    assert [f["rule"] for f in found] == ["semantic-structure_function"] and code == 0  # info
    code, out, _ = _cli(run_cli, tmp_path, "--format", "json", "--fail-on", "info")
    assert code == 1
    for args in (["--ignore", "semantic-structure_function"], ["--ignore", "structure_function"],
                 ["--select", "hype"], ["--no-semantic"]):
        _, out, err = _cli(run_cli, tmp_path, "--format", "json", *args)
        assert json.loads(out)["findings"] == [], (args, err)
    cfg = tmp_path / "conf" / "exolint.toml"  # (not beside the page: only --config finds it)
    cfg.parent.mkdir()
    cfg.write_text(ALL_PAGES + '[severity]\n"semantic-structure_function" = "error"\n')
    code, out, _ = _cli(run_cli, tmp_path, "--format", "json", "--config", cfg)
    assert [f["severity"] for f in json.loads(out)["findings"]] == ["error"] and code == 1
    code, out, _ = _cli(run_cli, tmp_path, "--format", "sarif")
    sarif = json.loads(out)["runs"][0]
    assert [r["ruleId"] for r in sarif["results"]] == ["semantic-structure_function"]
    assert "semantic-structure_function" in [d["id"] for d in sarif["tool"]["driver"]["rules"]]
    _, out, _ = _cli(run_cli, tmp_path, "--explain")
    assert "Regulation (EC) 1223/2009" in out  # the closest rule's references
    for fmt in ("junit", "gitlab", "github", "html", "text"):
        code, out, err = _cli(run_cli, tmp_path, "--format", fmt)
        assert code == 0 and "semantic-structure_function" in out, (fmt, err)


def test_suppression_and_baseline_treat_it_like_any_finding(run_cli, tmp_path):
    require_semantic()
    text = f"<!-- exolint-disable-next-line semantic-structure_function -- reviewed, LEG-9 -->\n{NOVEL}"
    _, out, err = _cli(run_cli, tmp_path, "--format", "json", text=text)
    assert json.loads(out)["findings"] == [], err
    base = tmp_path / "base.json"
    _cli(run_cli, tmp_path, "--write-baseline", base)
    _, out, _ = _cli(run_cli, tmp_path, "--format", "json", "--baseline", base)
    assert json.loads(out)["findings"] == []


def test_explain_a_semantic_id(run_cli):
    code, out, err = run_cli("explain", "semantic-structure_function")
    assert code == 0, err
    assert "k nearest" in out or "nearest flag examples" in out
    assert "all-MiniLM-L6-v2" in out and "Operating point" in out
    code, _out, err = run_cli("explain", "semantic-nonsense")
    assert code == 2 and "no rule" in err


# -- without the extra ----------------------------------------------------------------------------
_HIDE = """
import importlib.abc, sys
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('numpy', 'tokenizers', 'safetensors'):
            raise ModuleNotFoundError(name)
sys.meta_path.insert(0, Hide())
from exolint.cli.commands import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    print('EXIT', exc.code)
print('NUMPY', 'numpy' in sys.modules)
"""


def _hidden(*args, cwd=None):
    proc = subprocess.run([sys.executable, "-c", _HIDE, *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)
    return proc.stdout, proc.stderr


def test_without_the_extra_nothing_imports_numpy_and_help_says_how(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"{NOVEL}\n\nThere are no known side effects.\n")
    out, err = _hidden("check", "--format", "json", page)
    assert "NUMPY False" in out, out + err
    assert [f["rule"] for f in json.loads(out.split("\nNUMPY")[0].rsplit("EXIT", 1)[0])["findings"]] == ["no-side-effects"]
    out, _ = _hidden("check", "--help")
    assert "pip install 'exolint[semantic]'" in " ".join(out.split())
    out, err = _hidden("check", "--semantic", page)
    assert "EXIT 2" in out and "needs the optional extra" in err


def test_with_the_stage_no_torch_is_imported(tmp_path):
    require_semantic()
    page = tmp_path / "page.md"
    page.write_text(NOVEL + "\n")
    (tmp_path / "exolint.toml").write_text(ALL_PAGES)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "exolint", "check", "-j", "1",
                           "--semantic", "--no-bundled-rules", "--rules", PACK, page], capture_output=True,
                          text=True, cwd=tmp_path)
    assert "semantic-structure_function" in proc.stdout
    imported = proc.stderr
    assert "numpy" in imported and "torch" not in imported and "transformers" not in imported
