"""HTML: visible text and copy attributes, exact positions, entities, lang market."""
from exolint.sources import document_for

from sources_helpers import lint, spots

NSE = "sample-no-side-effects"


def test_entities_inside_a_match_and_positions_after_them():
    src = "<p>Caf&eacute; &amp; spa: no side&nbsp;effects.</p>\n<p>Zero side&#45;effects</p>\n"
    assert spots(lint("p.html", src)) == [
        (NSE, 1, 27, 1, 47, "no side&nbsp;effects"),
        (NSE, 2, 4, 2, 25, "Zero side&#45;effects"),
    ]


def test_title_meta_description_open_graph_twitter_and_alt():
    src = ('<html lang="en-GB"><head>\n<title>Zero side effects</title>\n'
           '<meta name="description" content="No side effects!">\n'
           '<meta property="og:description" content="zero side effects">\n'
           '<meta name="twitter:title" content="No side-effects">\n'
           '<meta property="og:image" content="https://x.test/no-side-effects.png">\n'
           '</head><body><img src="no-side-effects.jpg" alt="zero side effects" '
           'title="No side effects"></body></html>\n')
    found = lint("p.html", src)
    assert [(f.line, f.column, f.match) for f in found] == [
        (2, 8, "Zero side effects"),
        (3, 35, "No side effects"),
        (4, 42, "zero side effects"),
        (5, 37, "No side-effects"),
        (7, 50, "zero side effects"),
        (7, 76, "No side effects"),
    ]
    assert {f.market for f in found} == {"UK"}


def test_script_style_template_code_pre_comments_and_other_attributes_are_not_copy():
    src = ("<style>/* no side effects */</style><script>x='no side effects'</script>"
           "<template><p>No side effects</p></template><code>no side effects</code>"
           "<pre>no side effects</pre><!-- no side effects -->"
           '<p data-note="no side effects" class="no-side-effects">Fine copy.</p>')
    doc = document_for("p.html", src)
    assert "side" not in doc.text
    assert "Fine copy." in doc.text


def test_unclosed_skip_element_does_not_swallow_the_rest_and_blocks_do_not_join():
    src = "<div>Zero side</div><div>effects</div><p>Zero <em>side</em>\neffects</p>"
    assert [(f.line, f.column) for f in lint("p.html", src)] == [(1, 42)]


def test_crlf_html_positions():
    src = "<p>\r\nHello.\r\nZero side\r\neffects here.</p>\r\n"
    assert spots(lint("p.html", src)) == [(NSE, 3, 1, 4, 8, "Zero side\r\neffects")]


def test_lang_sets_market():
    assert document_for("p.html", '<html lang="de-DE"><p>x</p>').markets == frozenset({"EU"})
    assert document_for("p.html", '<html lang="en"><p>x</p>').markets is None
