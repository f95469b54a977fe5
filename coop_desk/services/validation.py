"""Parsing and checking Dutch (and Belgian) postcodes, phone numbers, e-mail addresses, IBAN and KvK numbers.

Each `parse_*` returns the normalised value or raises ValueError with a Dutch message; the library
doing the real work is named per function.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import postcode as nl_postcode

_HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[-/]?\s*(.*?)\s*$")


def parse_postcode(text: str, country: str = "NL") -> str:
    """'1234ab' → '1234 AB' (python-stdnum); Belgian postcodes are four digits, 1000–9999."""
    value = " ".join(text.split())
    if not value:
        raise ValueError("Vul een postcode in.")
    if country == "BE":
        if re.fullmatch(r"[1-9]\d{3}", value):
            return value
        raise ValueError("Een Belgische postcode heeft vier cijfers, bijvoorbeeld 1120.")
    try:
        return nl_postcode.validate(value)
    except StdnumError:
        digits = re.sub(r"\D", "", value)
        if len(digits) > 4:
            raise ValueError("Een postcode heeft vier cijfers en twee letters; hier staan te veel cijfers.") from None
        raise ValueError("Geen geldige postcode: gebruik vier cijfers en twee letters, zoals 3712 AB.") from None


def parse_phone(text: str, country: str = "NL") -> str:
    """Any common way of writing a phone number → E.164 ('+31612345678'), using phonenumbers."""
    value = text.strip()
    if not value:
        raise ValueError("Vul een telefoonnummer in.")
    try:
        number = phonenumbers.parse(value, country)
    except phonenumbers.NumberParseException:
        raise ValueError("Dit is geen telefoonnummer.") from None
    if not phonenumbers.is_valid_number(number):
        # A number of the right length in a range the library does not know yet is kept: refusing what
        # the person on the phone gave would lose it. Only impossible numbers are refused.
        types = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE)
        reasons = {phonenumbers.is_possible_number_for_type_with_reason(number, t) for t in types}
        if phonenumbers.ValidationResult.IS_POSSIBLE not in reasons:
            if reasons & {phonenumbers.ValidationResult.TOO_SHORT, phonenumbers.ValidationResult.INVALID_LENGTH}:
                raise ValueError("Dit telefoonnummer heeft te weinig cijfers.")
            if phonenumbers.ValidationResult.TOO_LONG in reasons:
                raise ValueError("Dit telefoonnummer heeft te veel cijfers.")
            raise ValueError("Dit telefoonnummer bestaat niet; controleer de cijfers.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=4096)
def format_phone(e164: str) -> str:
    """E.164 → national format for Dutch numbers ('06 12345678'), international for others."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 31:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def parse_email(text: str) -> str:
    """Check the syntax of an e-mail address (email-validator, no network look-up); '' stays ''."""
    value = text.strip()
    if not value:
        return ""
    from email_validator import EmailNotValidError, validate_email  # imported late: it pulls in asyncio

    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        if "@" not in value:
            raise ValueError("Een e-mailadres bevat een @, bijvoorbeeld naam@voorbeeld.nl.") from None
        if "." not in value.rsplit("@", 1)[1]:
            raise ValueError("Het e-mailadres mist een domein na de @, bijvoorbeeld @voorbeeld.nl.") from None
        raise ValueError("Dit is geen geldig e-mailadres.") from None


def parse_house_number(text: str) -> tuple[int, str]:
    """'12a' → (12, 'a'); '12-2' → (12, '2'); '7 bis' → (7, 'bis')."""
    match = _HOUSE_NUMBER.match(text or "")
    if not match or not text.strip():
        raise ValueError("Vul een huisnummer in.")
    number = int(match.group(1))
    if number == 0:
        raise ValueError("Een huisnummer begint bij 1.")
    return number, match.group(2)


def format_house_number(number: int, addition: str) -> str:
    """(12, 'a') → '12a'; (12, '2') → '12-2'; (7, 'bis') → '7 bis'."""
    if not addition:
        return str(number)
    if addition.isdigit():
        return f"{number}-{addition}"
    if len(addition) == 1:
        return f"{number}{addition}"
    return f"{number} {addition}"


def parse_iban(text: str) -> str:
    """Check an IBAN (python-stdnum) and return it compact ('NL91ABNA0417164300'); '' stays ''."""
    if not text.strip():
        return ""
    try:
        return stdnum_iban.validate(text)
    except StdnumError:
        raise ValueError("Dit IBAN klopt niet; controleer de letters en cijfers.") from None


def format_iban(compact: str) -> str:
    return stdnum_iban.format(compact) if compact else ""


def parse_kvk(text: str) -> str:
    """A KvK number has eight digits (there is no check digit since 2016); '' stays ''."""
    value = re.sub(r"\s", "", text)
    if not value:
        return ""
    if not re.fullmatch(r"\d{8}", value):
        raise ValueError("Een KvK-nummer heeft acht cijfers.")
    return value


def check_birth_date(birth: date | None, today: date) -> None:
    if birth is None:
        return
    if birth > today:
        raise ValueError("De geboortedatum ligt in de toekomst.")
    if birth.year < today.year - 120:
        raise ValueError("Deze geboortedatum ligt meer dan 120 jaar terug.")
