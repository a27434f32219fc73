"""Vietnamese text toolkit: NFC, cleaning, folding, names, collation keys and legacy encodings.

Standard library only, no Django, no I/O, so every function here is pure and fast to test.
The rules are written up for readers in ``docs/text.md``; this module is the reference.

Legacy encodings
    Text from old Excel/Word files typed with TCVN3 (``.VnTime``) or VNI (``VNI-Times``) fonts
    reaches Python as ``str`` whose characters are the *bytes* of the legacy encoding read through
    Windows-1252 (what Excel/openpyxl and Word do for an ANSI font) or through Latin-1. The two
    readings differ only for bytes 0x80-0x9F, which neither TCVN3 nor VNI use for letters: the
    decoders first turn a Latin-1 reading of those bytes (U+0080-U+009F) into the Windows-1252
    character (U+0093 -> ``“``), so both readings decode alike. Tables are therefore written as
    byte values from the standards and used as ``str -> str`` maps over those characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final, Literal

__all__ = [
    "SORT_KEY_MAX_LENGTH",
    "LegacyEncoding",
    "clean_text",
    "decode_tcvn3",
    "decode_vni",
    "detect_legacy_encoding",
    "encode_tcvn3",
    "encode_vni",
    "fold",
    "name_sort_key",
    "nfc",
    "split_person_name",
    "to_unicode",
    "vietnamese_sort_key",
]

LegacyEncoding = Literal["unicode", "tcvn3", "vni", "ascii"]

# --------------------------------------------------------------------------------------------
# Normalisation and cleaning
# --------------------------------------------------------------------------------------------

_LINE_BREAKS: Final = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_SPACE_RUN: Final = re.compile(r" {2,}")


def nfc(s: str) -> str:
    """Return ``s`` in Unicode Normalization Form C, the form all stored text uses."""
    return unicodedata.normalize("NFC", s)


def clean_text(s: str, *, multiline: bool = False) -> str:
    """Return ``s`` as NFC with invisible junk removed and spaces collapsed.

    - Control (Cc), format (Cf: zero-width space, BOM, soft hyphen, bidi marks) and lone
      surrogate (Cs) characters are dropped.
    - Every kind of space (no-break, ideographic, ...) becomes an ordinary space; runs of spaces
      collapse to one and the ends are stripped.
    - Line breaks (``\\r\\n``, ``\\r``, U+2028, ...) and tabs are kept as ``\\n`` and ``\\t`` only
      when ``multiline`` is true; otherwise they become spaces, so words never run together.
      In multiline mode each line is also stripped of leading and trailing spaces.

    Legacy TCVN3 text uses U+00AD (soft hyphen) for the letter ``ư``: decode it first
    (``to_unicode`` does) and clean afterwards.
    """
    out: list[str] = []
    for ch in s.replace("\r\n", "\n"):
        if ch in _LINE_BREAKS:
            out.append("\n" if multiline else " ")
        elif ch == "\t":
            out.append("\t" if multiline else " ")
        elif ch.isspace():
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            continue
        else:
            out.append(ch)
    text = nfc("".join(out))
    if multiline:
        lines = (_SPACE_RUN.sub(" ", line).strip(" ") for line in text.split("\n"))
        return "\n".join(lines).strip()
    return _SPACE_RUN.sub(" ", text).strip(" ")


def fold(s: str) -> str:
    """Return an accent- and case-insensitive search key for ``s``.

    NFD, combining marks removed, ``đ``/``Đ`` -> ``d``, case-folded, whitespace collapsed:
    ``fold("  Nguyễn  Văn Đạt ") == "nguyen van dat"``. Use it to match what people type without
    diacritics against stored names; never show it to users.
    """
    decomposed = unicodedata.normalize("NFD", s)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("đ", "d").replace("Đ", "D")
    return " ".join(bare.casefold().split())


# --------------------------------------------------------------------------------------------
# Person names and collation
# --------------------------------------------------------------------------------------------

SORT_KEY_MAX_LENGTH: Final = 255

# Tone marks as combining characters, in collation order (ngang has no mark):
# huyền (grave) < hỏi (hook) < ngã (tilde) < sắc (acute) < nặng (dot below).
_TONE_RANK: Final = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different letter (ă â ê ô ơ ư), as opposed to a tone.
_LETTER_MARKS: Final = frozenset("\u0302\u0306\u031b")
_MODIFIED_LETTER: Final = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# The Vietnamese alphabet (29 letters) with f, j, w, z placed where Latin puts them.
_LETTER_ORDER: Final = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_BASE36: Final = "0123456789abcdefghijklmnopqrstuvwxyz"
# Collation key tokens. Every token is [0-9a-z] only, its first character fixes its length, and
# classes sort: field end < tone (ends a word) < number < letter < other character.
_FIELD_END: Final = "00"
_LETTER_TOKEN: Final = {letter: "5" + _BASE36[i] for i, letter in enumerate(_LETTER_ORDER)}
_COMBINING_RANGES: Final = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_COLLATION_WORD: Final = re.compile(rf"\d+|(?:[^\W\d_][{_COMBINING_RANGES}]*)+")


def split_person_name(full_name: str) -> tuple[str, str, str]:
    """Split a Vietnamese full name into ``(family, middle, given)``.

    Vietnamese names run family name first and given name last: "Nguyễn Thị Minh Khai" ->
    ``("Nguyễn", "Thị Minh", "Khai")``. A two-word name has no middle name and a one-word name is
    taken as a given name only. Spaces are collapsed and the parts are NFC. Compound family names
    ("Tôn Nữ", "Âu Dương") cannot be told apart from middle names and are split at the first word.
    """
    words = clean_text(full_name).split()
    if not words:
        return ("", "", "")
    if len(words) == 1:
        return ("", "", words[0])
    return (words[0], " ".join(words[1:-1]), words[-1])


def _word_tokens(word: str) -> Iterator[str]:
    """Yield the collation tokens of one lower-cased NFD word (letters or digits)."""
    if word[0].isdecimal():
        digits = str(int(word))[:35]
        yield "2" + _BASE36[len(digits)]
        for digit in digits:
            yield "3" + digit
        return
    letters: list[str] = []
    tone = 0
    for ch in word:
        if not unicodedata.combining(ch):
            letters.append(ch)
        elif ch in _TONE_RANK:
            tone = tone or _TONE_RANK[ch]
        elif ch in _LETTER_MARKS and letters:
            letters[-1] = _MODIFIED_LETTER.get((letters[-1], ch), letters[-1])
    for letter in letters:
        token = _LETTER_TOKEN.get(letter)
        if token is None:
            code = ord(letter)
            token = "z" + "".join(_BASE36[(code // 36**i) % 36] for i in (3, 2, 1, 0))
        yield token
    yield "1" + str(tone)


def _collation_tokens(text: str) -> Iterator[str]:
    """Yield the collation tokens of every word of ``text``; punctuation only separates."""
    decomposed = unicodedata.normalize("NFD", text).lower()
    for match in _COLLATION_WORD.finditer(decomposed):
        yield from _word_tokens(match.group())


def _join_key(tokens: Iterable[str], max_length: int) -> str:
    """Concatenate whole tokens while the key stays within ``max_length`` characters."""
    parts: list[str] = []
    length = 0
    for token in tokens:
        if length + len(token) > max_length:
            break
        parts.append(token)
        length += len(token)
    return "".join(parts)


def vietnamese_sort_key(text: str) -> str:
    """Return a key whose plain codepoint order is the Vietnamese collation of ``text``.

    - Letters compare in the Vietnamese alphabet order a ă â b c d đ e ê g h i k l m n o ô ơ p q
      r s t u ư v x y (f j w z where Latin puts them), case-insensitively.
    - Each word (syllable) compares by its letters first and then by its tone, in the dictionary
      order ngang < huyền < hỏi < ngã < sắc < nặng: ma < mà < mả < mã < má < mạ < mác. A shorter
      word sorts before its extensions (an < anh) and a space before letters (ba ba < bà).
    - Digit runs compare as numbers (Tổ 2 < Tổ 10) and before letters; other punctuation only
      separates words.

    The key uses only ``0-9`` and ``a-z``, which sort alike under SQLite BINARY, PostgreSQL "C"
    and ordinary locale collations. It is cut at a token boundary to ``SORT_KEY_MAX_LENGTH``.
    """
    return _join_key(_collation_tokens(text), SORT_KEY_MAX_LENGTH)


def name_sort_key(full_name: str) -> str:
    """Return the sort key for a person's name: given name, then middle name(s), then family.

    Uses the collation of ``vietnamese_sort_key`` for each part, so "Trần Văn An" < "Lê Thị Ánh" <
    "Đỗ Thị Ân" < "Nguyễn Văn Bình". A name without a middle name sorts before the same given
    name with one. The key is at most ``SORT_KEY_MAX_LENGTH`` characters of ``0-9a-z``.
    """
    family, middle, given = split_person_name(full_name)

    def tokens() -> Iterator[str]:
        yield from _collation_tokens(given)
        yield _FIELD_END
        yield from _collation_tokens(middle)
        yield _FIELD_END
        yield from _collation_tokens(family)

    return _join_key(tokens(), SORT_KEY_MAX_LENGTH)


# --------------------------------------------------------------------------------------------
# Legacy encodings: tables
# --------------------------------------------------------------------------------------------

# Vowels in table-row order; each row lists the six tones as ngang, huyền, hỏi, ngã, sắc, nặng.
_VOWELS: Final = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
_TONE_MARKS: Final = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# TCVN 5712:1993, VN3 subset ("TCVN3", "ABC", .VnTime fonts): one byte per lower-case letter.
# Written from the standard's code table. VN3 has no upper-case toned vowels (documents showed
# them with the all-capitals .VnTimeH font using the lower-case codes).
_TCVN3_ROWS: Final[dict[str, tuple[int, int, int, int, int, int]]] = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_OTHERS: Final = {
    "đ": 0xAE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
}

# VNI-Windows (VNI-Times fonts): a base letter followed by a mark byte, except i-tones, ỵ, ơ, ư
# and đ, which are single bytes. Written from the VNI code chart. Upper case is the same bytes in
# their Latin-1 upper-case form ("aá" ấ -> "AÁ" Ấ); the chart is built that way.
_VNI_ROWS: Final[dict[str, tuple[bytes, bytes, bytes, bytes, bytes, bytes]]] = {
    "a": (b"a", b"a\xf8", b"a\xfb", b"a\xf5", b"a\xf9", b"a\xef"),
    "ă": (b"a\xea", b"a\xe8", b"a\xfa", b"a\xfc", b"a\xe9", b"a\xeb"),
    "â": (b"a\xe2", b"a\xe0", b"a\xe5", b"a\xe3", b"a\xe1", b"a\xe4"),
    "e": (b"e", b"e\xf8", b"e\xfb", b"e\xf5", b"e\xf9", b"e\xef"),
    "ê": (b"e\xe2", b"e\xe0", b"e\xe5", b"e\xe3", b"e\xe1", b"e\xe4"),
    "i": (b"i", b"\xec", b"\xe6", b"\xf3", b"\xed", b"\xf2"),
    "o": (b"o", b"o\xf8", b"o\xfb", b"o\xf5", b"o\xf9", b"o\xef"),
    "ô": (b"o\xe2", b"o\xe0", b"o\xe5", b"o\xe3", b"o\xe1", b"o\xe4"),
    "ơ": (b"\xf4", b"\xf4\xf8", b"\xf4\xfb", b"\xf4\xf5", b"\xf4\xf9", b"\xf4\xef"),
    "u": (b"u", b"u\xf8", b"u\xfb", b"u\xf5", b"u\xf9", b"u\xef"),
    "ư": (b"\xf6", b"\xf6\xf8", b"\xf6\xfb", b"\xf6\xf5", b"\xf6\xf9", b"\xf6\xef"),
    "y": (b"y", b"y\xf8", b"y\xfb", b"y\xf5", b"y\xf9", b"\xee"),
}
_VNI_OTHERS: Final = {"đ": b"\xf1"}


def _latin1(raw: bytes | int) -> str:
    """Render legacy bytes as the str Excel/Word hand over (Latin-1 = cp1252 from 0xA0 up)."""
    return (bytes([raw]) if isinstance(raw, int) else raw).decode("latin-1")


def _vowel_forms() -> Iterator[tuple[str, int, str]]:
    """Yield ``(vowel, tone_index, NFC letter)`` for the 72 lower-case vowel forms."""
    for vowel in _VOWELS:
        for tone_index, mark in enumerate(_TONE_MARKS):
            yield vowel, tone_index, nfc(vowel + mark)


def _build_tcvn3() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {}
    for vowel, tone_index, letter in _vowel_forms():
        code = _TCVN3_ROWS[vowel][tone_index]
        if code >= 0x80:
            encode[letter] = _latin1(code)
    for letter, code in _TCVN3_OTHERS.items():
        encode[letter] = _latin1(code)
    decode = {legacy: letter for letter, legacy in encode.items()}
    return encode, decode


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {}
    for vowel, tone_index, letter in _vowel_forms():
        legacy = _latin1(_VNI_ROWS[vowel][tone_index])
        if not legacy.isascii():
            encode[letter] = legacy
            encode[letter.upper()] = legacy.upper()
    for letter, raw in _VNI_OTHERS.items():
        encode[letter] = _latin1(raw)
        encode[letter.upper()] = _latin1(raw).upper()
    decode = {legacy: letter for letter, legacy in encode.items()}
    # Lenient: a mark typed in the other case still belongs to its base letter ("Aù" -> "Á").
    for legacy, letter in list(decode.items()):
        if len(legacy) == 2:
            base, mark = legacy[0], legacy[1]
            for other_mark in {mark.lower(), mark.upper()} - {mark}:
                decode.setdefault(base + other_mark, letter)
    return encode, decode


_TCVN3_ENCODE, _TCVN3_DECODE = _build_tcvn3()
_VNI_ENCODE, _VNI_DECODE = _build_vni()

# Latin-1 reading of bytes 0x80-0x9F -> the Windows-1252 character those bytes stand for.
_C1_TO_CP1252: Final = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # undefined in cp1252
}
_CP1252_EXTRAS: Final = frozenset(_C1_TO_CP1252.values())

# --------------------------------------------------------------------------------------------
# Legacy encodings: decode and encode
# --------------------------------------------------------------------------------------------


def _decode_tcvn3_counting(s: str) -> tuple[str, int]:
    """Decode TCVN3 and count non-ASCII characters that are not TCVN3 letters."""
    out: list[str] = []
    foreign = 0
    for ch in s.translate(_C1_TO_CP1252):
        letter = _TCVN3_DECODE.get(ch)
        if letter is None:
            foreign += not ch.isascii()
            letter = ch
        out.append(letter)
    return "".join(out), foreign


def _decode_vni_counting(s: str) -> tuple[str, int]:
    """Decode VNI (longest match first) and count non-ASCII characters left undecoded."""
    text = s.translate(_C1_TO_CP1252)
    out: list[str] = []
    foreign = 0
    i = 0
    while i < len(text):
        pair = _VNI_DECODE.get(text[i : i + 2])
        if pair is not None:
            out.append(pair)
            i += 2
            continue
        ch = text[i]
        single = _VNI_DECODE.get(ch)
        if single is None:
            foreign += not ch.isascii()
            single = ch
        out.append(single)
        i += 1
    return "".join(out), foreign


def decode_tcvn3(s: str) -> str:
    """Decode TCVN3 (TCVN 5712:1993 VN3, .VnTime fonts) text read as cp1252/Latin-1 to Unicode.

    Characters outside the table pass through unchanged. TCVN3 has no codes for upper-case toned
    vowels, so those decode to lower case: "NGUYÔN" -> "NGUYễN" (``to_unicode`` restores the
    capitals inside an all-capitals word).
    """
    return _decode_tcvn3_counting(s)[0]


def decode_vni(s: str) -> str:
    """Decode VNI-Windows text read as cp1252/Latin-1 to Unicode ("Nguyeãn" -> "Nguyễn").

    Base letter + mark pairs are matched before single bytes; characters outside the table pass
    through unchanged.
    """
    return _decode_vni_counting(s)[0]


def encode_tcvn3(s: str) -> str:
    """Encode Unicode text as TCVN3, rendered as the cp1252 str a legacy file would hold.

    Upper-case toned vowels have no TCVN3 code and are written with the lower-case code (lossy:
    "Ánh" -> "¸nh", which decodes to "ánh"). Characters outside the table pass through.
    """
    out: list[str] = []
    for ch in nfc(s):
        legacy = _TCVN3_ENCODE.get(ch)
        if legacy is None:
            legacy = _TCVN3_ENCODE.get(ch.lower(), ch)
        out.append(legacy)
    return "".join(out)


def encode_vni(s: str) -> str:
    """Encode Unicode text as VNI-Windows, rendered as the cp1252 str a legacy file would hold.

    All 134 Vietnamese letters are representable; other characters pass through unchanged.
    """
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in nfc(s))


# --------------------------------------------------------------------------------------------
# Legacy encodings: detection
# --------------------------------------------------------------------------------------------

_ONSETS: Final = (
    "",
    *"b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split(),
)
_RHYMES: Final = frozenset(
    """
    a e ê i o ô ơ u ư y
    ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uy uơ ưa ưi ưu ya
    iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu
    ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât
    ec em en eng ep et êch êm ên ênh êp êt ich im in inh ip it
    oc om on ong op ot ôc ôm ôn ông ôp ôt ơm ơn ơp ơt
    uc um un ung up ut ưc ưm ưn ưng ưt
    iêc iêm iên iêng iêp iêt yêm yên yêt uôc uôm uôn uông uôt ươc ươm ươn ương ươp ươt
    oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oen oet
    uân uâng uât uêch uênh uych uynh uyt uyên uyêt
    """.split()
)
_STOP_CODAS: Final = ("p", "t", "c", "ch")
_ABBREVIATION_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
# Word separators for scoring: whitespace, ASCII punctuation and the cp1252 punctuation block.
# Latin-1 symbols (§ · « ¸ ...) are letters in TCVN3 or VNI, so they stay inside words.
_SCORING_SEPARATORS: Final = re.compile(r"[\s!-/:-@\[-`{-~\u2010-\u206f\u20ac\u2122]+")


def _tone_in_place(rhyme: str, tone: int, position: int) -> bool:
    """Tell whether a tone on letter ``position`` of ``rhyme`` is where Vietnamese puts it.

    Both the old and the new style are accepted for open oa, oe, uy (hoà/hòa, thuỷ/thủy).
    """
    vowels = rhyme.rstrip("bcdđghklmnpqrstvx")
    has_coda = len(vowels) < len(rhyme)
    if not 0 <= position < len(vowels):
        return False  # a tone on a consonant
    if rhyme.endswith(_STOP_CODAS) and tone < 4:
        return False  # -p -t -c -ch take only sắc or nặng
    modified = [i for i, ch in enumerate(vowels) if ch in "ăâêôơư"]
    if modified:
        return position == modified[-1]
    if len(vowels) == 1 or has_coda:
        return position == len(vowels) - 1
    if vowels in ("oa", "oe", "uy"):
        return True
    return position == (1 if len(vowels) == 3 else 0)


def _spelling_ok(onset: str, rhyme: str) -> bool:
    """Check a rhyme against its onset, including the c/k, g/gh and ng/ngh spelling rules."""
    if onset == "qu":
        in_table = rhyme in _RHYMES or "u" + rhyme in _RHYMES
        return in_table and not rhyme.startswith(("u", "o"))  # qu already holds the u/o glide
    if rhyme not in _RHYMES:
        return False
    front = rhyme[0] in "ieêy"
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "ng"):
        return not front
    if onset == "g":
        return rhyme[0] not in "eê"
    return True


def _is_syllable(word: str) -> bool:
    """Tell whether ``word`` is a well-formed Vietnamese syllable (any case, either tone style)."""
    letters: list[str] = []
    tone = 0
    tone_at = -1
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch in _TONE_RANK:
            if tone or not letters:
                return False
            tone = _TONE_RANK[ch]
            tone_at = len(letters) - 1
        elif ch in _LETTER_MARKS:
            if not letters or (letters[-1], ch) not in _MODIFIED_LETTER:
                return False
            letters[-1] = _MODIFIED_LETTER[(letters[-1], ch)]
        elif "a" <= ch <= "z" or ch == "đ":
            letters.append(ch)
        else:
            return False
    bare = "".join(letters)
    for onset in _ONSETS:
        rhyme = bare[len(onset) :]
        if not bare.startswith(onset) or not rhyme or not _spelling_ok(onset, rhyme):
            continue
        if not tone and rhyme.endswith(_STOP_CODAS):
            continue
        if tone and not _tone_in_place(rhyme, tone, tone_at - len(onset)):
            continue
        return True
    return False


def _is_vietnamese_word(word: str) -> bool:
    """A syllable in lower, UPPER or Title case, or an abbreviation with Đ such as "TĐKT"."""
    if len(word) >= 2 and all(ch in _ABBREVIATION_LETTERS for ch in word):
        return True
    if not (word.islower() or word.isupper() or word.istitle()):
        return False  # "ChÝ": a capital inside a word is how TCVN3 looks when read as Unicode
    return _is_syllable(word)


def _score(words: list[str], decoder: Literal["tcvn3", "vni"] | None) -> tuple[int, int]:
    """Return ``(score, valid words)`` for reading ``words`` as Unicode or a legacy encoding."""
    score = valid = 0
    for word in words:
        if decoder == "tcvn3":
            text, foreign = _decode_tcvn3_counting(word)
            text = _restore_tcvn3_capitals(text)
        elif decoder == "vni":
            text, foreign = _decode_vni_counting(word)
        else:
            text, foreign = word, 0
        if not foreign and _is_vietnamese_word(text):
            score += 1
            valid += 1
        else:
            score -= 1
    return score, valid


def detect_legacy_encoding(s: str, *, prefer: LegacyEncoding | None = None) -> LegacyEncoding:
    """Tell how one cell's text is encoded: ``"ascii"``, ``"unicode"``, ``"tcvn3"`` or ``"vni"``.

    Sheets mix encodings, so decide per cell:

    1. Only ASCII -> ``"ascii"`` (every reading is the same).
    2. Any character that a legacy font cannot produce (above U+00FF and not a cp1252
       punctuation character, e.g. ``ễ``, ``ă``, a combining mark) -> ``"unicode"``. Genuine
       Vietnamese Unicode almost always has one, so "Nguyễn Văn Ánh" is never touched.
    3. Otherwise read every word with non-ASCII characters three ways (as is, TCVN3, VNI) and
       score +1 for a well-formed Vietnamese syllable in regular case (or an abbreviation like
       "TĐKT") and -1 for anything else. A legacy reading wins only with a strictly higher score
       than the text as is and at least one good word; ties keep the text as Unicode, so text
       whose every word is valid Vietnamese as it stands is never decoded.

    Some legacy words are also valid Unicode ("Vò" is TCVN3 for "Vũ", "Hoàng" is VNI for
    "Hồng"). An importer that knows the rest of a column is TCVN3 or VNI passes it as ``prefer``:
    a tie between the Unicode reading and that encoding then goes to the encoding.
    """
    if s.isascii():
        return "ascii"
    text = s.translate(_C1_TO_CP1252)
    if any(ord(ch) > 0xFF and ch not in _CP1252_EXTRAS for ch in text):
        return "unicode"
    words = [w for w in _SCORING_SEPARATORS.split(text) if w and not w.isascii()]
    if not words:
        return "unicode"
    as_is, _ = _score(words, None)
    scores: dict[LegacyEncoding, tuple[int, int]] = {
        "tcvn3": _score(words, "tcvn3"),
        "vni": _score(words, "vni"),
    }
    if prefer in scores:
        score, valid = scores[prefer]
        if score >= as_is and valid >= 1 and score >= max(scores.values())[0]:
            return prefer
    if scores["tcvn3"] == scores["vni"]:
        return "unicode"  # both legacy readings equally good: leave the text as it is
    best: LegacyEncoding = "tcvn3" if scores["tcvn3"] > scores["vni"] else "vni"
    score, valid = scores[best]
    if score > as_is and valid >= 1:
        return best
    return "unicode"


# --------------------------------------------------------------------------------------------
# Everything to Unicode
# --------------------------------------------------------------------------------------------

_LETTER_RUN: Final = re.compile(rf"(?:[^\W\d_][{_COMBINING_RANGES}]*)+")
_TCVN3_LOWER_ONLY: Final = frozenset(
    letter for letter in _TCVN3_ENCODE if letter.islower() and letter not in "ăâêôơưđ"
)


def _restore_tcvn3_capitals(text: str) -> str:
    """Upper-case toned vowels inside words whose other letters are all capitals ("NGUYễN")."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        others = [ch for ch in word if ch not in _TCVN3_LOWER_ONLY and ch.isalpha()]
        if len(others) >= 2 and all(ch.isupper() for ch in others):
            return word.upper()
        return word

    return _LETTER_RUN.sub(fix, text)


def _repair_mark_order(text: str) -> str:
    """Put letter marks (breve, circumflex, horn) before tone marks, then compose to NFC.

    Composite text (Windows-1258 style, some input methods) writes a base letter followed by
    separate marks; a tone typed before the circumflex ("e" + acute + circumflex) would otherwise
    compose to "é" + a stray circumflex instead of "ế".
    """
    decomposed = unicodedata.normalize("NFD", text)
    if not any(ch in _LETTER_MARKS for ch in decomposed):
        return nfc(text)
    out: list[str] = []
    marks: list[str] = []

    def flush() -> None:
        if any(m in _LETTER_MARKS for m in marks) and any(m in _TONE_RANK for m in marks):
            marks.sort(key=lambda m: m in _TONE_RANK)
        out.extend(marks)
        marks.clear()

    for ch in decomposed:
        if unicodedata.combining(ch):
            marks.append(ch)
        else:
            flush()
            out.append(ch)
    flush()
    return nfc("".join(out))


def to_unicode(s: str, *, multiline: bool = False, prefer: LegacyEncoding | None = None) -> str:
    """Return clean NFC Unicode for one cell of imported text, whatever its encoding.

    Detects the encoding (``detect_legacy_encoding``, with its ``prefer`` hint), decodes TCVN3
    or VNI (restoring capitals in all-capitals TCVN3 words), normalises decomposed and composite
    (Windows-1258 style) Unicode, then applies ``clean_text``. Unicode input stays as it is
    apart from that cleaning, and ``to_unicode(to_unicode(s)) == to_unicode(s)``.
    """
    text = s.translate(_C1_TO_CP1252)
    encoding = detect_legacy_encoding(text, prefer=prefer)
    if encoding == "tcvn3":
        text = _restore_tcvn3_capitals(decode_tcvn3(text))
    elif encoding == "vni":
        text = decode_vni(text)
    return clean_text(_repair_mark_order(text), multiline=multiline)


def group_digits(value: int) -> str:
    """1234567 → "1.234.567": the Vietnamese grouping, independent of the active locale."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")
