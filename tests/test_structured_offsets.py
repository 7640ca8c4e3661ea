"""Property tests of the structured readers' offset maps: every character of a string read maps
to the source characters that encode it (escapes, doubled quotes, folded YAML)."""
import json

import yaml
from hypothesis import given, settings, strategies as st

from exolint.document import normalise_chars as norm
from exolint.sources.structured.csv_reader import read_csv
from exolint.sources.structured.json_reader import read_json
from exolint.sources.structured.yaml_reader import read_yaml

# words with the characters escapes are made of; no markup (that goes through the HTML reader)
WORDS = st.lists(st.text(alphabet=st.sampled_from(list('abcxyz é"\\\n\t’\u2014/\'')),
                         min_size=1, max_size=12), min_size=1, max_size=6)


def prose(words) -> str:
    return "Copy " + " ".join(words) + " end"  # a space: never taken for an id or a URL


def assert_each_char_maps(doc, value: str, decode) -> None:
    start = doc.text.index("Copy")
    for i in range(start, start + len(doc.text[start:].split("\n\n")[0])):
        s = doc.source_offset(i)
        e = doc.source_offset(i + 1, end=True)
        assert norm(decode(doc.source[s:e])) == doc.text[i], (i, doc.text[i], doc.source[s:e])


@settings(max_examples=60, deadline=None)
@given(WORDS, st.booleans())
def test_json_string_escapes(words, ascii_only):
    value = prose(words)
    source = json.dumps({"page": {"body": value}}, ensure_ascii=ascii_only, indent=2)
    doc = read_json("x.json", source)
    assert_each_char_maps(doc, value.replace("\t", " "), lambda raw: json.loads(f'"{raw}"')
                          if raw not in ('"', "\\") else raw)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.sampled_from(['"', "'", "|", ">", None]))
def test_yaml_scalar_styles(words, style):
    value = prose(words).replace("\t", " ")
    source = yaml.dump({"page": {"body": value}}, default_style=style, allow_unicode=True,
                       width=30)
    doc = read_yaml("x.yaml", source)
    text = doc.text.strip()
    # each character of the text read is the character its mapped source span starts with,
    # or an escape / a folded line break standing for it
    for i, ch in enumerate(doc.text):
        if ch in "\n" or not ch.strip():
            continue
        s = doc.source_offset(i)
        e = doc.source_offset(i + 1, end=True)
        raw = doc.source[s:e]
        assert norm(raw) == ch or raw.startswith("\\"), (ch, raw, source)
    assert text.split() == norm(value).split()


@settings(max_examples=60, deadline=None)
@given(WORDS)
def test_csv_doubled_quotes_and_line_breaks(words):
    value = prose(words).replace("\t", " ")
    cell = '"' + value.replace('"', '""') + '"'
    source = f"Handle,Title\r\nh1,{cell}\r\n"
    doc = read_csv("x.csv", source)
    for i, ch in enumerate(doc.text):
        if not ch.strip():
            continue
        s = doc.source_offset(i)
        assert norm(doc.source[s]) == ch, (ch, doc.source[s:s + 3])
    assert doc.text.strip() == norm(value).strip()
