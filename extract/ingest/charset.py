"""Bytes of a page to text, whatever its server says about the charset.

Regional sites often declare UTF-8 and send windows-1252 (or declare nothing).
Valid UTF-8 is taken as UTF-8 (a strict decode of non-ASCII bytes rarely
succeeds by accident); otherwise the declared charset, then windows-1252,
which is what browsers assume for Latin-script pages with no usable
declaration.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels that browsers decode as windows-1252 (WHATWG Encoding Standard).
_WINDOWS_1252_LABELS = {
    "ascii",
    "us-ascii",
    "latin1",
    "latin-1",
    "iso-8859-1",
    "iso8859-1",
    "iso_8859-1",
    "l1",
    "cp819",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def charset_from_content_type(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def declared_in_page(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding used) for a page's bytes; `declared` is the HTTP header's charset."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace"), encoding
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for label in (declared, declared_in_page(body), "windows-1252"):
        encoding = _python_codec(label)
        if encoding and encoding != "utf-8":
            try:
                return body.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    guess = from_bytes(body).best()
    if guess is not None:
        return str(guess), guess.encoding
    return body.decode("utf-8", errors="replace"), "utf-8"


def _python_codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
