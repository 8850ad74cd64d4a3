"""Reading a letter's .docx into plain data and splitting it into sections.

Pure Python: no Django (the import-linter contract "Pure modules import no Django" checks it).
`package` guards the zip and XML limits, `wordml` knows styles and numbering, `reader` and
`metadata` turn the package into a ParsedDocument, `sections` into a section tree, `references`
finds the kamerstuk citations in it.
"""
