"""Credits in money: CREDIT_PRICE per credit in CREDIT_CURRENCY, for the operator's bill.

Decimal, never float: 0.1 + 0.2 credits' worth must read 0.30, not 0.30000000000000004.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Price:
    """What one credit costs the operator (e.g. 0.04 USD)."""

    per_credit: Decimal
    currency: str

    def of(self, credits: int) -> Decimal:
        return self.per_credit * credits

    def format(self, credits: int) -> str:
        """The amount with at least cents, and as many places as the price has ('0.48 USD')."""
        places = max(2, -int(self.per_credit.normalize().as_tuple().exponent))
        return f"{self.of(credits):.{places}f} {self.currency}"
