"""Format letter text: escape everything, then put in the markup (footnote markers, links, marks).

Also the small formats the pages share: Dutch short dates and shortened headings.
"""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

register = template.Library()

# Web addresses with their scheme, as letters and footnotes print them; no other scheme becomes a link.
URL = re.compile(r"https?://\w[^\s<>\"\u201c\u201d\u2018\u2019]*", re.IGNORECASE)
URL_TRAILING = ".,;:!?'"
# Dutch month abbreviations take a full stop, except "mei", which is whole (Django's "M" gives "Okt").
MONTHS = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")


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
def linked_text(text: str) -> str:
    """{{ footnote.text|linked_text }}: escaped, its lines kept, its web addresses links."""
    return mark_safe(_lines(text or ""))  # noqa: S308 - _lines escapes before it adds markup


@register.filter
def passage_url(version, section) -> str:
    """{{ version|passage_url:section }}: the link to a passage (LetterVersion.passage_url)."""
    return version.passage_url(section)


def _lines(text: str) -> str:
    return "<br>".join(_linked(line) for line in text.split("\n"))


def _linked(text: str) -> str:
    """The text escaped, each http(s) address in it a link that leaves this site."""
    pieces, last = [], 0
    for match in URL.finditer(text):
        url = _without_trailing(match.group(0))
        pieces.append(escape(text[last : match.start()]))
        pieces.append(format_html('<a href="{0}" rel="noopener noreferrer">{0}</a>', url))
        last = match.start() + len(url)
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def _without_trailing(url: str) -> str:
    """The address without the punctuation of the sentence it ends: "(zie https://x.nl/a)." -> https://x.nl/a.

    A ")" goes while the address closes more than it opens. The counts are taken once and the end
    walks back: recounting per character made a letter of 200,000 ")" cost seconds per page view.
    """
    opened, closed = url.count("("), url.count(")")
    end = len(url)
    while True:
        last = url[end - 1]
        if last == ")" and closed > opened:
            closed -= 1
        elif last not in URL_TRAILING:
            return url[:end]
        end -= 1


@register.filter
def highlighted(snippet: str) -> str:
    """A search snippet, escaped, with the matched words (between \\x01 and \\x02) in <mark>."""
    return mark_safe(  # noqa: S308 - the snippet is escaped before the marks are added
        escape(snippet or "").replace("\x01", "<mark>").replace("\x02", "</mark>")
    )


@register.filter
def shortened(text: str, length: int = 90) -> str:
    """At most `length` characters, cut after a whole word, with "…" when anything was cut."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if not text[length - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"


@register.filter
def short_date(value) -> str:
    """3 okt. 2025 (a moment: its day in the site's time zone); empty for no date."""
    if not value:
        return ""
    value = template_localtime(value, use_tz=True)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


@register.filter
def short_datetime(value) -> str:
    """1 dec. 2026 07:23, in the site's time zone; empty for no moment."""
    if not value:
        return ""
    value = template_localtime(value, use_tz=True)
    return f"{short_date(value)} {value:%H:%M}"


@register.filter
def active_filters(form) -> list[str]:
    """["Status: afgedaan", "Dossier: 29517"]: the fields of a filter form that hold a value, for
    the summary of the folded form. A choice is named by its label, as the form shows it."""
    if not form.is_bound:
        return []
    shown = []
    for field in form:
        value = field.value()
        if value in (None, ""):
            continue
        labels = {str(key): label for key, label in getattr(field.field.widget, "choices", ())}
        shown.append(f"{field.label}: {labels.get(str(value), value)}")
    return shown
