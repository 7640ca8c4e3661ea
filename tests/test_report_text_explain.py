"""`exolint check --explain`: why, what to write instead and references under each finding."""
from conftest import SAMPLE_RULES

from exolint.report.text import EXPLAIN_WIDTH

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]


def _block(out: str, rule: str) -> list[str]:
    """The lines printed for the first finding of ``rule``."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if f"[{rule}]" in line)
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    return lines[start:end]


def test_explain_prints_why_rewrite_and_references(run_cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Our serum has no known side effects.\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES, "--explain", page)
    assert code == 1
    block = _block(out, "sample-no-side-effects")
    assert block[1] == "    1 | Our serum has no known side effects."
    assert block[3:] == [
        "      = why: No treatment is free of side effects.",
        "      = write instead: Most clients notice only mild redness for a day.",
        "      = see: TGA, Rules about safety claims in advertising",
        "               <https://www.tga.gov.au/advertising-health-products-rules-about-safety-claims-advertising>",
        "      = more: exolint explain sample-no-side-effects",
    ]
    assert "= suggestion:" not in out  # "write instead" replaces it, not repeats it


def test_without_explain_only_the_suggestion(run_cli, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("A miracle serum.\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES, page)
    block = _block(out, "sample-miracle")
    assert block[-1] == "      = suggestion: Describe what the treatment does."
    assert "= why:" not in out


def test_long_rationale_wraps_under_its_label(run_cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    pack = (SAMPLE_RULES / "sample.toml").read_text(encoding="utf-8")
    long_why = " ".join(["Absolute safety claims cannot be substantiated for any treatment."] * 4)
    pack = pack.replace('rationale = "No treatment is free of side effects."',
                        f'rationale = "{long_why}"')
    (rules / "sample.toml").write_text(pack, encoding="utf-8")
    (rules / "_contexts.toml").write_text(
        (SAMPLE_RULES / "_contexts.toml").read_text(encoding="utf-8"), encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text("No known side effects.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--no-bundled-rules", "--rules", rules, "--explain", page)
    assert code == 1, err
    block = _block(out, "sample-no-side-effects")
    why = [line for line in block if line.startswith("      = why: ")]
    i = block.index(why[0])
    continuation = []
    for line in block[i + 1:]:
        if line.startswith("      = "):
            break
        continuation.append(line)
    assert continuation and all(line.startswith(" " * len("      = why: ")) for line in continuation)
    assert all(len(line) <= EXPLAIN_WIDTH for line in [why[0], *continuation])
    assert " ".join(x.strip() for x in [why[0][len("      = why: "):], *continuation]) == long_why


def test_explain_for_a_word_draft_names_the_paragraph(run_cli, tmp_path):
    from docx_builder import build_draft

    draft = tmp_path / "draft.docx"
    build_draft(draft)
    code, out, _ = run_cli("check", *RULES, "--explain", draft)
    block = _block(out, "sample-breakthrough")
    assert block[0].startswith(f"{draft}: paragraph 6 (table 1, row 2, cell 2), column 3: info")
    assert "      = write instead: Say what is new, plainly." in block
