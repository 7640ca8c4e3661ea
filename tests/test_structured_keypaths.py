"""Key paths: globs over shapes, the metadata heuristics and profile detection."""
import pytest

from exolint.sources.structured.keypaths import (CopySettings, Selector, detect_profile, glob_regex,
                                                 non_copy_key, non_copy_value, pointer_of, shape_of)


@pytest.mark.parametrize("pattern,shape,hit", [
    ("**.description", "description", True),
    ("**.description", "entries[].fields.description", True),
    ("**.description", "entries[].fields.description.en-US", False),
    ("products[].body_html", "products[].body_html", True),
    ("products[*].body_html", "products[].body_html", True),
    ("products[].body_html", "products.body_html", False),
    ("fields.*.en-GB", "fields.title.en-GB", True),
    ("fields.*.en-GB", "fields.seo.title.en-GB", False),
    ("fields.**", "fields.seo.title.en-GB", True),
    ("settings.**", "settings", True),  # the key itself and everything under it
    ("settings.**", "settings_page", False),
    ("**.Title", "[].title", True),  # case-insensitive, like CSV headers
])
def test_globs(pattern, shape, hit):
    assert bool(glob_regex(pattern).match(shape)) is hit


def test_shape_and_pointer():
    path = ["entries", 3, "fields", "a/b", "en~US"]
    assert shape_of(path) == "entries[].fields.a/b.en~US"
    assert pointer_of(path) == "/entries/3/fields/a~1b/en~0US"


@pytest.mark.parametrize("value,why", [
    ("https://clinic.example/miracle", "a URL or path"), ("/treatments/prp", "a URL or path"),
    ("hello@clinic.example", "an e-mail address"), ("#ff00aa", "a colour"),
    ("rgb(10,20,30)", "a colour"), ("2025-03-02T10:15:00.000Z", "a date"),
    ("LUM-MIRACLE-30", "an id, slug or SKU"), ("miracle-renewal-serum", "an id, slug or SKU"),
    ("5KsDBWseXY6Q", "an id, slug or SKU"), ("", "empty"),
    ("Miracle", None), ("A miracle serum", None), ("Visit https://x.example today", None),
])
def test_non_copy_values(value, why):
    assert non_copy_value(value) == why


def test_non_copy_keys():
    assert all(map(non_copy_key, ["id", "slug", "SKU", "createdAt", "product_id", "heroUrl",
                                  "ctaHref", "colour", "_type"[1:]]))
    assert not any(map(non_copy_key, ["title", "description", "body_html", "alt", "heading",
                                      "seoTitle", "excerpt"]))


def test_profiles():
    s = CopySettings()
    assert detect_profile({"entries": [{"sys": {}, "fields": {}}]}, s).name == "contentful"
    assert detect_profile({"sys": {}, "fields": {"title": {}}}, s).name == "contentful"
    assert detect_profile({"_type": "post", "title": "x"}, s).name == "sanity"
    assert detect_profile([{"_type": "post"}], s).name == "sanity"
    assert detect_profile({"nav": {"home": "Home"}, "cta": "Book"}, s).name == "i18n"
    assert detect_profile({"count": 3, "title": "x"}, s).name == "generic"
    assert detect_profile({"nav": {"home": "Home"}}, CopySettings(profile="generic")).name == "generic"


def test_config_beats_profile_and_heuristics():
    sel = Selector(CopySettings(include=("**.slug",), exclude=("**.title",)),
                   detect_profile({"title": "x"}, CopySettings()))
    assert sel.decide(["slug"], "slug", "miracle-serum") == (True, "included by config (**.slug)")
    assert sel.decide(["title"], "title", "A miracle")[0] is False
    generic = Selector(CopySettings(), detect_profile({"a": 1}, CopySettings()))
    assert generic.decide(["page", "slug"], "page.slug", "A miracle")[0] is False
    assert generic.decide(["page", "body"], "page.body", "A miracle")[0] is True
    assert generic.decide(["page", "body"], "page.body", "LUM-30")[0] is False
