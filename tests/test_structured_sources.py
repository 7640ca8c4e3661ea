"""Structured copy (JSON, YAML, CSV, .po, WXR): every finding's exact place and key path on
realistic fixtures, and none on ids, slugs, URLs, SKUs or metadata."""
from pathlib import Path

import pytest

from exolint.api import LintOptions, lint_paths
from sources_helpers import sample_ruleset

DATA = Path(__file__).resolve().parent / "data" / "structured"


def findings(name: str):
    report = lint_paths([str(DATA / name)], sample_ruleset(), LintOptions(jobs=1))
    assert not report.errors, report.errors
    assert report.files_checked == 1
    return report.findings


def places(found):
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.pointer, f.market)
            for f in found]


def source_at(name: str, f) -> str:
    """The file's own text from (line, column) to (end_line, end_column)."""
    lines = (DATA / name).read_bytes().decode("utf-8").splitlines(keepends=True)
    if f.line == f.end_line:
        return lines[f.line - 1][f.column - 1:f.end_column - 1]
    return (lines[f.line - 1][f.column - 1:] + "".join(lines[f.line:f.end_line - 1])
            + lines[f.end_line - 1][:f.end_column - 1])


def check_matches(name, found):
    for f in found:  # the reported span is exactly the match, in the file as it is
        assert source_at(name, f).replace("\r\n", "\n") == f.match.replace("\r\n", "\n")


def test_contentful_export_locales_markets_and_rich_text():
    name = "contentful-export.json"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-miracle", 27, 53, 27, 60, "/entries/0/fields/description/en-GB", "UK"),
        ("sample-human-origin", 27, 75, 27, 97, "/entries/0/fields/description/en-GB", "UK"),
        ("sample-breakthrough", 46, 81, 46, 93,
         "/entries/1/fields/body/en-GB/content/0/content/0/value", "UK"),
        ("sample-no-side-effects", 28, 75, 28, 90, "/entries/0/fields/description/en-US", "US"),
    ]
    assert found[0].place == 'entry 5KsDBWseXY6QegucYAoacS (product), field "description" (en-GB)'
    assert found[2].place == 'entry 2PqTz9, field "body" (en-GB)'
    # the UK/EU-only rule does not judge the en-US copy: same phrase, no finding
    assert "umbilical-cord derived" in (DATA / name).read_text().splitlines()[27]


def test_json_escapes_map_to_their_own_characters():
    line = (DATA / "contentful-export.json").read_text().splitlines()[26]
    found = findings("contentful-export.json")[0]
    # \u00e9 (6 characters) and \" come before the match: columns are the file's
    assert line[found.column - 2] == '"' and line[found.column - 3] == "\\"
    assert "\\u00e9" in line[:found.column]


def test_sanity_portable_text():
    name = "sanity-post.json"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-miracle", 5, 41, 5, 48, "/title", None),
        ("sample-breakthrough", 7, 45, 7, 57, "/mainImage/alt", None),
        ("sample-no-side-effects", 16, 71, 16, 86, "/body/0/children/1/text", None),
    ]
    assert found[2].place == 'document drafts.3b1c9e2a-miracle (post), field "body"'


def test_i18n_file_every_leaf_and_market_from_file_name():
    name = "locales/en-GB.json"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-miracle", 8, 42, 8, 57, "/hero/subtitle", "UK"),
        ("sample-no-side-effects", 8, 73, 8, 90, "/hero/subtitle", "UK"),
        ("sample-breakthrough", 11, 22, 11, 34, "/footer/link", "UK"),  # 'link' is copy here
    ]


def test_hugo_data_file_folded_literal_and_quoted_scalars():
    name = "data/treatments.yaml"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-miracle", 6, 46, 6, 53, "/treatments/0/title", "UK"),  # after \" and \u2014
        ("sample-no-side-effects", 10, 7, 10, 28, "/treatments/0/summary", "UK"),  # folded >
        ("sample-breakthrough", 14, 19, 14, 31, "/treatments/0/details", "UK"),  # literal |
        ("sample-miracle", 17, 43, 17, 50, "/treatments/1/title", "UK"),  # after ''
        ("sample-human-origin", 18, 35, 18, 57, "/treatments/1/summary", "UK"),
    ]


def test_shopify_csv_multiline_html_cells():
    name = "shopify-products.csv"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-miracle", 2, 63, 2, 70, "/2/Body (HTML)", None),
        ("sample-no-side-effects", 4, 7, 4, 22, "/2/Body (HTML)", None),
        ("sample-breakthrough", 5, 77, 5, 89, "/2/SEO Title", None),
        ("sample-human-origin", 7, 37, 7, 59, "/4/Body (HTML)", None),
    ]
    assert found[0].place == 'row 2 (Handle lumen-serum), column "Body (HTML)"'
    assert found[3].place == 'row 4 (Handle calm-cream), column "Body (HTML)"'


def test_woocommerce_csv_columns():
    found = findings("woocommerce-products.csv")
    assert places(found) == [("sample-breakthrough", 2, 42, 2, 54, "/2/Short description", None)]
    assert found[0].place == 'row 2 (ID 101), column "Short description"'


def test_po_catalog_msgstr_then_untranslated_msgid():
    name = "messages.po"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-miracle", 11, 11, 11, 18, "/hero/Skin renewal", "UK"),
        # "no side\n" "effects": the escape and the continuation line are part of the span
        ("sample-no-side-effects", 16, 47, 17, 9, "/Our peel has no side effects.", "UK"),
        ("sample-breakthrough", 20, 10, 20, 22, "/A breakthrough serum./msgid", "UK"),
    ]
    assert found[0].place == 'msgctxt "hero" msgid "Skin renewal"'


def test_wordpress_export_posts_with_title_and_link():
    pytest.importorskip("defusedxml", reason="WXR needs defusedxml (pip install 'exolint[data]')")
    name = "wordpress-export.xml"
    found = findings(name)
    check_matches(name, found)
    assert places(found) == [
        ("sample-breakthrough", 14, 38, 14, 50, "/channel/item/1/title", "UK"),
        ("sample-miracle", 18, 43, 18, 50, "/channel/item/1/content:encoded", "UK"),
        ("sample-no-side-effects", 22, 61, 22, 76, "/channel/item/1/content:encoded", "UK"),
        ("sample-human-origin", 24, 29, 24, 51, "/channel/item/1/excerpt:encoded", "UK"),
        ("sample-miracle", 38, 21, 38, 28, "/channel/item/3/title", "UK"),  # after &amp;
    ]
    post = 'post "Exosome facials: a breakthrough?" <https://lumen.example/blog/exosome-facials/>'
    assert {f.place for f in found[:4]} == {post}
    assert found[4].place == 'page "Glow & miracle week" <https://lumen.example/glow-week/>'


@pytest.mark.parametrize("name", [
    "contentful-export.json", "sanity-post.json", "data/treatments.yaml",
    "shopify-products.csv", "woocommerce-products.csv"])
def test_no_findings_on_ids_slugs_urls_skus(name):
    """Each fixture puts 'miracle' in ids, slugs, SKUs, URLs, e-mails and tags: none is read."""
    text = (DATA / name).read_text()
    assert text.count("miracle") > sum(1 for f in findings(name) if f.rule == "sample-miracle")
    for f in findings(name):
        assert f.pointer is not None
        last = f.pointer.rsplit("/", 1)[-1].lower()
        assert not any(k in last for k in ("slug", "sku", "id", "url", "contact", "tags", "_"))


def _decisions(name: str) -> dict[str, bool]:
    from exolint.sources.structured.keypaths import CopySettings
    from exolint.sources.structured.listing import all_strings

    text = (DATA / name).read_text()
    return {s.pointer: s.read for s in all_strings(name, text, CopySettings())}


def test_metadata_strings_are_listed_but_not_read():
    read = _decisions("contentful-export.json")
    for pointer in ("/entries/0/sys/id", "/entries/0/sys/createdAt",
                    "/entries/0/fields/slug/en-GB", "/entries/0/fields/sku/en-GB",
                    "/entries/0/fields/heroImage/en-GB", "/entries/0/fields/contact/en-GB",
                    "/entries/1/fields/body/en-GB/nodeType", "/contentTypes/0/description"):
        assert read[pointer] is False, pointer
    assert read["/entries/0/fields/title/en-GB"] is True
    read = _decisions("sanity-post.json")
    assert read["/_id"] is False and read["/slug/current"] is False
    assert read["/body/0/markDefs/0/href"] is False and read["/body/0/style"] is False
    assert read["/body/0/children/0/text"] is True
    read = _decisions("shopify-products.csv")
    assert read["/2/Handle"] is False and read["/2/Variant SKU"] is False
    assert read["/2/Tags"] is False and read["/2/Title"] is True
    read = _decisions("data/treatments.yaml")
    assert read["/treatments/0/slug"] is False and read["/treatments/0/booking_url"] is False
    assert read["/treatments/0/id"] is False


def test_inline_spans_of_a_block_read_as_one_sentence(tmp_path):
    """Portable Text splits a sentence at bold: the negation in one span governs the next."""
    post = tmp_path / "post.json"
    post.write_text(
        '{"_type": "post", "body": [{"_type": "block", "children": [\n'
        '  {"_type": "span", "text": "We do "}, {"_type": "span", "text": "not"},\n'
        '  {"_type": "span", "text": " promise no side effects."}]},\n'
        ' {"_type": "block", "children": [{"_type": "span", "text": "Zero side effects!"}]}]}\n')
    report = lint_paths([str(post)], sample_ruleset(), LintOptions(jobs=1))
    assert places(report.findings) == [
        ("sample-no-side-effects", 4, 61, 4, 78, "/body/1/children/0/text", None)]


def test_strapi_entries_market_from_their_locale_field():
    """Each entry names its locale beside its fields: the UK/EU-only rule judges the en-GB and
    de-DE entries, not the en-US one with the same words."""
    found = findings("strapi-entries.json")
    assert places(found) == [
        ("sample-miracle", 2, 40, 2, 47, "/data/0/attributes/title", "UK"),
        ("sample-miracle", 3, 40, 3, 47, "/data/1/attributes/title", "US"),
        ("sample-human-origin", 5, 38, 5, 60, "/data/3/attributes/title", "EU"),
    ]
