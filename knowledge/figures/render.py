"""Render a normalized figure in English."""

from __future__ import annotations

# Currency signs as an English reader expects them; CNY has no sign that is not also yen.
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "JPY": "¥", "CNY": "CNY ", "TWD": "NT$", "HKD": "HK$"}
_SCALES = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))


def format_figure(value: float, unit: str) -> str:
    """Render a normalized figure in English: $1.5 trillion, €20 billion, NT$128.4 billion, 250 GW, 15x."""
    if unit in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[unit] + _scaled(value)
    if unit == "%":
        return f"{_trim(value)}%"
    if unit == "x":
        return f"{_trim(value)}x"
    if unit == "GW" and 0 < abs(value) < 1:
        return f"{_trim(value * 1000)} MW"
    if unit == "tokens":
        return f"{_scaled(value)} tokens"
    return f"{_trim(value)} {unit}"


def _scaled(value: float) -> str:
    for word, scale in _SCALES:
        if abs(value) >= scale:
            return f"{_trim(value / scale)} {word}"
    if abs(value) < 1000 and round(value, 2) != round(value):
        return f"{value:,.2f}"  # a price in cents keeps them: "$42.70", not "$42.7"
    return _trim(value)


def _trim(number: float) -> str:
    return f"{number:,.2f}".rstrip("0").rstrip(".")
