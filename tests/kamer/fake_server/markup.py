"""The tkData XML building blocks shared by every entity renderer (see entities.py).

An entity is `<tag xmlns=tkData xmlns:tk=tkData xmlns:xsi=... id="GUID" tk:bijgewerkt=... tk:verwijderd=...>`
with its children in schema order: plain elements, references as `<name ref="GUID"/>`, and nil values
either left out or written as `xsi:nil="true"`, as the schema of that element requires.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from kamer.tk import fields as f


def entity_open(tag: str, guid: str, stamp: str, deleted: bool, extra: str = "") -> str:
    """The unclosed opening tag of an entity; `extra` holds further attributes (with a leading space)."""
    return (
        f'<{tag} xmlns="{f.TK_NS}" xmlns:tk="{f.TK_NS}" xmlns:xsi="{f.XSI_NS}" {f.ATTR_ID}="{guid}" '
        f'tk:{f.ATTR_BIJGEWERKT}="{stamp}" tk:{f.ATTR_VERWIJDERD}="{"true" if deleted else "false"}"{extra}'
    )


def entity(tag: str, opening: str, children: list[str]) -> str:
    """Close `opening` (from entity_open) around the non-empty children, indented for the Atom entry."""
    inner = "".join(f"\n        {child}" for child in children if child)
    return f"{opening}>{inner}\n      </{tag}>"


def element(name: str, value: str | None, *, nil: bool = False) -> str:
    """`<name>value</name>`; for None `<name xsi:nil="true"/>` when `nil`, else nothing."""
    if value is None:
        return f'<{name} xsi:{f.XSI_NIL}="true"/>' if nil else ""
    return f"<{name}>{escape(value)}</{name}>"


def ref(name: str, guid: str) -> str:
    """A reference to another entity: `<name ref="GUID"/>`."""
    return f'<{name} {f.ATTR_REF}="{guid}"/>'


def attr(value: str) -> str:
    """`value` escaped for a double-quoted attribute."""
    return escape(value, {'"': "&quot;"})
