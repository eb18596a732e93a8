"""The text a crawler keeps of an HTML page: one line per block, nothing hidden or scripted."""

from __future__ import annotations

from tests.eval.render import page_headline, render_text


def test_blocks_become_lines_and_inline_elements_run_together() -> None:
    html = (
        "<html><head><title>Title</title></head><body><div>Menu <a href='/'>Home</a></div>"
        "<p>One <b>bold</b> line.<br>Next</p><ul><li>First</li><li>Second</li></ul>tail"
        "</body></html>"
    )
    assert render_text(html) == "Menu Home\nOne bold line.\nNext\nFirst\nSecond\ntail"


def test_scripts_forms_and_hidden_elements_are_left_out() -> None:
    html = (
        "<body><script>var x = 1;</script><style>p {}</style><p>Shown</p>"
        "<p style='display: none'>Hidden</p><div hidden>Also hidden</div>"
        "<form><button>Send</button></form><p aria-hidden='true'>Decor</p></body>"
    )
    assert render_text(html) == "Shown"


def test_deep_nesting_and_empty_pages() -> None:
    assert render_text("<div>" * 200 + "deep" + "</div>" * 200) == "deep"
    assert isinstance(render_text("<div>" * 20000 + "deeper" + "</div>" * 20000), str)
    assert render_text("") == ""


def test_page_headline_is_the_one_long_h1() -> None:
    assert page_headline("<h1>Logo</h1><h1>Landslide buries six houses</h1>") == (
        "Landslide buries six houses"
    )
    assert page_headline("<h1>Landslide buries houses</h1><h1>Floods close the road</h1>") is None
    assert page_headline("<p>No heading at all here</p>") is None
