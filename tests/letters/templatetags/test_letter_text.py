"""letters.templatetags.letter_text: the web addresses in letter text become links, without the
punctuation of the sentence around them."""

import pytest

from letters.templatetags.letter_text import linked_text


def _link(url: str) -> str:
    return f'<a href="{url}" rel="noopener noreferrer">{url}</a>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Zie https://x.nl/a.", f"Zie {_link('https://x.nl/a')}."),
        ("(zie https://x.nl/a).", f"(zie {_link('https://x.nl/a')})."),
        ("(https://example.org/a_(b))", f"({_link('https://example.org/a_(b)')})"),
        ("https://x.nl/a?b=1&c=2;", f"{_link('https://x.nl/a?b=1&amp;c=2')};"),
        ("'https://x.nl/'!?", f"&#x27;{_link('https://x.nl/')}&#x27;!?"),
        ("http://a(b)c).", f"{_link('http://a(b)c')})."),
        ("http://a((b)).),", f"{_link('http://a((b))')}.),"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("eerst\nhttps://x.nl/b,", f"eerst<br>{_link('https://x.nl/b')},"),
    ],
)
def test_linked_text_leaves_the_sentences_punctuation_out_of_the_link(text, html):
    assert linked_text(text) == html


def test_linked_text_of_an_address_followed_by_100000_closing_parentheses():
    # Each ")" is stripped in constant time: this text took seconds when the parentheses were recounted.
    assert linked_text("zie http://a" + ")" * 100_000) == "zie " + _link("http://a") + ")" * 100_000


def test_linked_text_keeps_100000_balanced_parentheses_in_the_link():
    url = "http://a/" + "(" * 100_000 + ")" * 100_000

    assert linked_text(url + ").") == _link(url) + ")."
