"""Format letter text: escape everything, put footnote markers where they stood."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def marked_text(text, refs):
    """Escaped text with <sup> footnote links at the recorded offsets."""
    pieces, last = [], 0
    for offset, number in sorted(refs or [], key=lambda ref: ref[0]):
        offset = max(last, min(int(offset), len(text)))
        pieces.append(_lines(text[last:offset]))
        pieces.append(
            format_html(
                '<sup class="fn-ref"><a href="#voetnoot-{0}" id="verwijzing-{0}" '
                'aria-label="voetnoot {0}">{0}</a></sup>',
                number,
            )
        )
        last = offset
    pieces.append(_lines(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


@register.filter
def passage_url(version, section) -> str:
    """{{ version|passage_url:section }}: the link to a passage (LetterVersion.passage_url)."""
    return version.passage_url(section)


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


@register.filter
def highlighted(snippet: str) -> str:
    """A search snippet, escaped, with the matched words (between \\x01 and \\x02) in <mark>."""
    return mark_safe(  # noqa: S308 - the snippet is escaped before the marks are added
        escape(snippet or "").replace("\x01", "<mark>").replace("\x02", "</mark>")
    )
