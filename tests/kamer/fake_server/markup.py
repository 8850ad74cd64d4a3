"""The tkData XML building blocks shared by every entity renderer (see entities/).

An entity is `<tag xmlns=tkData xmlns:tk=tkData xmlns:xsi=... id="GUID" tk:bijgewerkt=... tk:verwijderd=...>`
with its children in schema order: plain elements, references as `<name ref="GUID"/>`, and nil values
either left out or written as `xsi:nil="true"`, as the schema of that element requires.

With a `prefix` (the live feed sends Toezegging that way) there is no default namespace: the entity is
`<ns1:toezegging xmlns:ns1=tkData ... ns1:bijgewerkt=...>` and every child is `<ns1:name>`, which is the
same XML to a parser that reads by namespace and a different one to a parser that reads by prefix.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from kamer.tk import fields as f

Value = str | int | bool | None


def entity_open(tag: str, guid: str, stamp: str, deleted: bool, extra: str = "", *, prefix: str | None = None) -> str:
    """The unclosed opening tag of an entity; `extra` holds further attributes (with a leading space)."""
    if prefix:
        declarations, attr_prefix = f'xmlns:{prefix}="{f.TK_NS}" xmlns:xsi="{f.XSI_NS}"', prefix
    else:
        declarations, attr_prefix = f'xmlns="{f.TK_NS}" xmlns:tk="{f.TK_NS}" xmlns:xsi="{f.XSI_NS}"', "tk"
    return (
        f'<{qualified(tag, prefix)} {declarations} {f.ATTR_ID}="{guid}" '
        f'{attr_prefix}:{f.ATTR_BIJGEWERKT}="{stamp}" '
        f'{attr_prefix}:{f.ATTR_VERWIJDERD}="{"true" if deleted else "false"}"{extra}'
    )


def entity(tag: str, opening: str, children: list[str]) -> str:
    """Close `opening` (from entity_open) around the non-empty children, indented for the Atom entry.
    `tag` is the element's name as written (with its prefix, if any)."""
    inner = "".join(f"\n        {child}" for child in children if child)
    return f"{opening}>{inner}\n      </{tag}>"


def element(name: str, value: Value, *, nil: bool = False) -> str:
    """`<name>value</name>`; for None `<name xsi:nil="true"/>` when `nil`, else nothing.
    Booleans are written as the schema's xs:boolean (true/false), numbers as digits."""
    if value is None:
        return f'<{name} xsi:{f.XSI_NIL}="true"/>' if nil else ""
    if isinstance(value, bool):
        value = "true" if value else "false"
    return f"<{name}>{escape(str(value))}</{name}>"


def ref(name: str, guid: str | None) -> str:
    """A reference to another entity: `<name ref="GUID"/>`; nothing for None."""
    return f'<{name} {f.ATTR_REF}="{guid}"/>' if guid else ""


def qualified(name: str, prefix: str | None) -> str:
    return f"{prefix}:{name}" if prefix else name


def attr(value: str) -> str:
    """`value` escaped for a double-quoted attribute."""
    return escape(value, {'"': "&quot;"})
