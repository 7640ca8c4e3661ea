"""The text report shows a window around each match on long lines, and underlines a match that
spans lines on each of its lines (issue 18)."""
import pytest

from conftest import SAMPLE_RULES

from exolint.report.window import ELLIPSIS, WIDTH, ClippedLine, clip_line, window

RULES = ["--no-bundled-rules", "--rules", str(SAMPLE_RULES)]


def shown_and_caret(out: str, rule: str) -> list[tuple[str, str]]:
    """(source line as shown, caret line) pairs printed under the finding of ``rule``."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if f"[{rule}]" in line)
    pairs = []
    i = at + 1
    while i + 1 < len(lines) and " | " in lines[i][:9]:
        pairs.append((lines[i], lines[i + 1]))
        i += 2
    return pairs


def underlined(shown: str, caret: str) -> str:
    start = caret.index("^")
    return shown[start:start + caret.count("^")]


def test_twenty_megabyte_line_prints_a_short_window(tmp_path, run_cli):
    page = tmp_path / "huge.txt"
    page.write_text("plain words " * 1_700_000 + "a miracle here " + "more words " * 100_000,
                    encoding="utf-8")
    code, out, err = run_cli("check", *RULES, "--jobs", "1", page)
    assert code == 1 and "Traceback" not in err
    assert len(out) < 2_000, len(out)
    (shown, caret), = shown_and_caret(out, "sample-miracle")
    assert underlined(shown, caret) == "miracle"
    body = shown.split(" | ", 1)[1]
    assert body.startswith(ELLIPSIS) and body.endswith(ELLIPSIS)
    assert WIDTH <= len(body) <= WIDTH + 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_window_at_the_start_and_end_of_long_lines(tmp_path, run_cli, jobs):
    (tmp_path / "a.txt").write_text("A miracle " + "filler " * 400 + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("filler " * 400 + "the last miracle\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES, "--jobs", jobs, tmp_path / "a.txt", tmp_path / "b.txt")
    assert code == 1
    blocks = out.split("\n\n")
    a = next(b for b in blocks if "a.txt" in b)
    b = next(b for b in blocks if "b.txt" in b)
    (shown_a, caret_a), = shown_and_caret(a, "sample-miracle")
    assert shown_a.split(" | ", 1)[1].startswith("A miracle") and shown_a.endswith(ELLIPSIS)
    assert underlined(shown_a, caret_a) == "miracle"
    (shown_b, caret_b), = shown_and_caret(b, "sample-miracle")
    assert shown_b.split(" | ", 1)[1].startswith(ELLIPSIS) and shown_b.endswith("last miracle")
    assert underlined(shown_b, caret_b) == "miracle"


def test_short_lines_are_shown_whole(tmp_path, run_cli):
    page = tmp_path / "short.md"
    page.write_text("Our serum is a miracle.\n", encoding="utf-8")
    _, out, _ = run_cli("check", *RULES, page)
    (shown, caret), = shown_and_caret(out, "sample-miracle")
    assert shown == "    1 | Our serum is a miracle." and underlined(shown, caret) == "miracle"


def test_a_match_across_lines_is_underlined_on_each_line(tmp_path, run_cli):
    page = tmp_path / "wrapped.md"
    page.write_text("Intro.\n\nOur serum has no\n   side effects at all.\n", encoding="utf-8")
    code, out, _ = run_cli("check", *RULES, page)
    assert code == 1
    pairs = shown_and_caret(out, "sample-no-side-effects")
    assert [p[0].split(" | ")[0].strip() for p in pairs] == ["3", "4"]
    assert [underlined(*p) for p in pairs] == ["no", "side effects"]


def test_a_match_across_three_lines(tmp_path, run_cli):
    page = tmp_path / "three.md"
    page.write_text("Our serum has no\nknown\nside effects.\n", encoding="utf-8")
    _, out, _ = run_cli("check", *RULES, page)
    pairs = shown_and_caret(out, "sample-no-side-effects")
    assert [underlined(*p) for p in pairs] == ["no", "known", "side effects"]


def test_a_match_across_long_lines_is_windowed_on_each(tmp_path, run_cli):
    page = tmp_path / "long.txt"
    page.write_text("word " * 2_000 + "no\nside effects " + "word " * 2_000 + "\n", encoding="utf-8")
    _, out, _ = run_cli("check", *RULES, page)
    pairs = shown_and_caret(out, "sample-no-side-effects")
    assert [underlined(*p) for p in pairs] == ["no", "side effects"]
    assert all(len(p[0]) < WIDTH + 20 for p in pairs)


def test_window_of_a_match_longer_than_the_window():
    line = "x" * 300 + "y" * 250 + "z" * 300
    shown, start, stop = window(line, 300, 550)
    assert shown == ELLIPSIS + "y" * WIDTH + ELLIPSIS
    assert (start, stop) == (1, 1 + WIDTH)


def test_clipped_line_keeps_the_match_and_its_columns():
    line = "a" * 10_000 + "MATCH" + "b" * 10_000
    stored = clip_line(line, [(10_000, 10_005)])
    assert isinstance(stored, ClippedLine) and len(stored.text) < 1_000
    assert stored.length == len(line)
    shown, start, stop = window(stored, 10_000, 10_005)
    assert shown[start:stop] == "MATCH" and len(shown) == WIDTH + 2
    assert clip_line("short", [(0, 1)]) == "short"
