"""The Vietnamese catalogue (locale/vi/LC_MESSAGES/django.po) is complete and well-formed.

The .po file is read with the standard library only. The completeness check runs Django's
`makemessages` (GNU gettext's xgettext and msgmerge) on a temporary copy of the sources, so
the repository's own catalogue is never touched.
"""

from __future__ import annotations

import ast
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command

REPO = Path(django_settings.BASE_DIR)
PO_FILE = REPO / "locale" / "vi" / "LC_MESSAGES" / "django.po"

# What Django's makemessages reads by default (templates, text templates, Python).
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
SKIPPED_DIRS = {"node_modules", "var", "locale", "__pycache__"}

PYTHON_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifrx%])")
KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.fields.get("msgctxt", ""), self.fields["msgid"])

    @property
    def msgstrs(self) -> list[str]:
        return [value for name, value in self.fields.items() if name.startswith("msgstr")]

    @property
    def is_header(self) -> bool:
        return self.fields["msgid"] == "" and "msgctxt" not in self.fields


def parse_po(text: str) -> list[Entry]:
    """Entries of a .po file, header included, obsolete (#~) entries left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    last_field: str | None = None

    def start(line_no: int) -> Entry:
        entry = Entry(line=line_no)
        entries.append(entry)
        return entry

    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            current, last_field = None, None
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            if current is None or current.fields:
                current = start(line_no)
            current.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
        elif line.startswith("#"):
            if current is None or current.fields:
                current = start(line_no)
        elif match := KEYWORD.match(line):
            name, literal = match.groups()
            if current is None or (name in ("msgctxt", "msgid") and "msgid" in current.fields):
                current = start(line_no)
            current.fields[name] = ast.literal_eval(literal)
            last_field = name
        elif line.startswith('"') and current is not None and last_field is not None:
            current.fields[last_field] += ast.literal_eval(line)
        else:
            raise ValueError(f"{PO_FILE.name}:{line_no}: cannot read {raw!r}")
    return entries


def catalogue() -> list[Entry]:
    return parse_po(PO_FILE.read_text(encoding="utf-8"))


def messages() -> list[Entry]:
    return [entry for entry in catalogue() if not entry.is_header]


def header() -> dict[str, str]:
    (head,) = [entry for entry in catalogue() if entry.is_header]
    pairs = (line.split(":", 1) for line in head.fields["msgstr"].splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def placeholders(text: str) -> list[str]:
    found = []
    for name, conversion in PYTHON_PLACEHOLDER.findall(text):
        if conversion != "%":
            found.append(f"%({name}){conversion}" if name else f"%{conversion}")
    return sorted(found)


def describe(entry: Entry) -> str:
    return f"line {entry.line}: {entry.fields['msgid']!r}"


def plural_fields(entry: Entry) -> list[str]:
    names = ["msgid", "msgid_plural", "msgstr[0]"]
    return sorted(names + (["msgctxt"] if "msgctxt" in entry.fields else []))


def copy_sources(destination: Path) -> None:
    """Copy what makemessages would read (Python, templates) into destination."""

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = set()
        for name in names:
            path = Path(directory) / name
            if name.startswith(".") or name in SKIPPED_DIRS or name.endswith(".egg-info"):
                skipped.add(name)
            elif path.is_file() and path.suffix not in SOURCE_SUFFIXES:
                skipped.add(name)
        return skipped

    shutil.copytree(REPO, destination, ignore=ignore, symlinks=True)


def test_the_catalogue_exists_and_has_entries():
    # given the Vietnamese catalogue
    # when it is read
    entries = messages()

    # then it holds the translatable strings
    assert PO_FILE.is_file()
    assert len(entries) > 100


def test_the_header_declares_vietnamese_utf8_and_one_plural_form():
    # given the catalogue header
    # when its fields are read
    fields = header()
    (head,) = [entry for entry in catalogue() if entry.is_header]

    # then it says Vietnamese, UTF-8 and a single plural form, and is not fuzzy
    assert fields["Language"] == "vi"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    assert "fuzzy" not in head.flags


def test_every_entry_is_translated():
    # given every message in the catalogue
    entries = messages()

    # when the empty translations are collected
    untranslated = [describe(e) for e in entries if not all(s.strip() for s in e.msgstrs)]

    # then there are none
    assert not untranslated, "Untranslated entries:\n" + "\n".join(untranslated)


def test_no_entry_is_fuzzy():
    # given every message in the catalogue
    entries = messages()

    # when the fuzzy ones are collected
    fuzzy = [describe(e) for e in entries if "fuzzy" in e.flags]

    # then there are none (gettext ignores fuzzy translations)
    assert not fuzzy, "Fuzzy entries:\n" + "\n".join(fuzzy)


def test_plural_entries_have_exactly_the_one_vietnamese_form():
    # given the entries with a plural
    plurals = [e for e in messages() if "msgid_plural" in e.fields]

    # when their translated forms are listed
    wrong = [describe(e) for e in plurals if sorted(e.fields) != plural_fields(e)]

    # then each has msgstr[0] only
    assert not wrong, "Plural entries must have only msgstr[0]:\n" + "\n".join(wrong)


def test_translations_keep_every_placeholder():
    # given the messages xgettext marked as Python format strings
    entries = [e for e in messages() if "python-format" in e.flags]

    # when the placeholders of source and translation are compared
    mismatched = [
        describe(e)
        for e in entries
        for translated in e.msgstrs
        if placeholders(translated) != placeholders(e.fields["msgid"])
    ]

    # then none was dropped, added or renamed
    assert not mismatched, "Placeholders differ:\n" + "\n".join(mismatched)


def test_translations_are_nfc_normalised():
    # given every message in the catalogue
    entries = messages()

    # when the translations that change under NFC are collected
    decomposed = [
        describe(e)
        for e in entries
        for translated in e.msgstrs
        if unicodedata.normalize("NFC", translated) != translated
    ]

    # then there are none
    assert not decomposed, "Translations not in NFC:\n" + "\n".join(decomposed)


def test_every_translatable_string_in_the_code_is_in_the_catalogue(tmp_path, monkeypatch, settings):
    # given a copy of the sources and an empty locale directory beside it
    for tool in ("xgettext", "msgmerge"):
        assert shutil.which(tool), (
            f"makemessages needs GNU gettext's {tool} (apt-get install gettext)"
        )
    sources = tmp_path / "src"
    copy_sources(sources)
    locale_dir = tmp_path / "locale"
    settings.LOCALE_PATHS = [str(locale_dir)]
    monkeypatch.chdir(sources)

    # when makemessages extracts the strings as `make messages` does
    call_command(
        "makemessages",
        locale=["vi"],
        ignore_patterns=[".venv", "node_modules"],
        no_obsolete=True,
        verbosity=0,
    )
    extracted = parse_po((locale_dir / "vi" / "LC_MESSAGES" / "django.po").read_text("utf-8"))

    # then the repository's catalogue already has every one of them
    known = {e.key for e in messages()}
    missing = sorted(e.key for e in extracted if not e.is_header and e.key not in known)
    assert not missing, "Run `make messages` and translate:\n" + "\n".join(map(repr, missing))
