"""Small security helpers shared by the apps (issue 10; docs/security.md)."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot carry (C0 controls other than tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF). A .docx is XML: one such character in a name would make python-docx or
# docxtpl refuse to build the whole document.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters an XML document cannot contain (everything else kept)."""
    return _NOT_XML.sub("", text)
