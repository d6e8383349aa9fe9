"""Remove personal identifiers from free text before it is stored.

Covers Finnish personal identity codes (henkilötunnus: ``DDMMYY``, a
century sign ``+ - A-F U-Y``, three digits and a check character, as
defined by the Digital and Population Data Services Agency), phone numbers
(Finnish ``040 123 4567``, ``09-1234 567`` and international ``+358 ...``
forms; 7-15 digits) and e-mail addresses.
"""

from __future__ import annotations

import re

HETU_RE = re.compile(r"(?<![\w])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![\w])")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s().-]{5,}\d(?![\w])")

HETU_MARK = "[id code removed]"
PHONE_MARK = "[phone removed]"
EMAIL_MARK = "[email removed]"


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    digits = re.sub(r"\D", "", text)
    international = text.startswith(("+", "00"))
    if 7 <= len(digits) <= 15 and (international or digits.startswith("0")):
        return PHONE_MARK
    return text


def redact(text: str) -> str:
    """``text`` with identity codes, e-mail addresses and phone numbers replaced by markers.

    Years and other short numbers ("2015-2020", "5 years") are kept: a phone
    number must start with 0, + or 00 and have 7-15 digits.
    """
    text = HETU_RE.sub(HETU_MARK, text)
    text = EMAIL_RE.sub(EMAIL_MARK, text)
    return PHONE_RE.sub(_phone, text)
