"""Units of measure in news figures ("15 miles", "24km", "a half-liter"): what each measures and its size.

Two reports give one distance, weight or volume in different units ("about 15 miles" / "about 24km")
as often as they disagree on it, so a quantity is compared in its dimension's base unit, and two
quantities of different dimensions or of units not listed here are never compared. The sizes are
the units' definitions, not fitted.
"""

from __future__ import annotations

import re

# unit word -> (dimension, size in the dimension's base unit: metre, kilogram, litre, square metre, km/h).
# A "ton" is read as a tonne: news uses both, and the 10% between a short ton and a tonne would make
# one load written two ways a conflict. Single letters ("m", "g", "l") are left out: "m" is also a million.
MEASURES = {
    "mile": ("length", 1609.344), "mi": ("length", 1609.344), "km": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "kilometre": ("length", 1000.0), "meter": ("length", 1.0),
    "metre": ("length", 1.0), "cm": ("length", 0.01), "centimeter": ("length", 0.01), "centimetre": ("length", 0.01),
    "mm": ("length", 0.001), "millimeter": ("length", 0.001), "millimetre": ("length", 0.001),
    "ft": ("length", 0.3048), "foot": ("length", 0.3048), "feet": ("length", 0.3048), "yard": ("length", 0.9144),
    "yd": ("length", 0.9144), "inch": ("length", 0.0254), "inches": ("length", 0.0254),
    "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilo": ("mass", 1.0), "gram": ("mass", 0.001),
    "lb": ("mass", 0.45359237), "lbs": ("mass", 0.45359237), "ounce": ("mass", 0.028349523), "oz": ("mass", 0.028349523),
    "ton": ("mass", 1000.0), "tonne": ("mass", 1000.0),
    "liter": ("volume", 1.0), "litre": ("volume", 1.0), "ml": ("volume", 0.001), "milliliter": ("volume", 0.001),
    "millilitre": ("volume", 0.001), "gallon": ("volume", 3.785411784), "barrel": ("volume", 158.987295),
    "acre": ("area", 4046.8564224), "hectare": ("area", 10000.0),
    "mph": ("speed", 1.609344), "kph": ("speed", 1.0), "km/h": ("speed", 1.0),
}
# The unit word of a quantity: letters after its digits or number words ("24km", "15 miles", "half-liter").
_UNIT_WORD = re.compile(r"[A-Za-z]+(?:/[A-Za-z]+)?")


def measure(written: str, after: str = "") -> tuple[str, float]:
    """(dimension, size of one unit) of a quantity written ``written`` and followed by ``after``:
    ("length", 1609.344) for "about 15 miles"; for a unit not listed, (its singular, 1.0), which
    meets only the same unit; ("", 1.0) when no unit word follows the number."""
    for text in (written, after):
        digits = re.search(r"\d", text)
        for m in _UNIT_WORD.finditer(text, digits.end() if digits else 0):
            found = unit(m.group(0))
            if found is not None:
                return found
            if text is written and not digits:
                continue  # number words before the unit ("two and a half miles")
            return _singular(m.group(0).lower()), 1.0
    return "", 1.0


def unit(word: str) -> tuple[str, float] | None:
    """(dimension, size) of a listed unit word, singular or plural ("miles", "km"), else None."""
    low = word.lower()
    return MEASURES.get(low) or MEASURES.get(_singular(low))


def _singular(word: str) -> str:
    if word.endswith("es") and word[:-2] in MEASURES:
        return word[:-2]
    return word[:-1] if word.endswith("s") and len(word) > 2 else word
