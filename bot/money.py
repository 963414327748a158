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

    @property
    def places(self) -> int:
        """Decimal places an amount shows: at least cents, and as many as the price has."""
        return max(2, -int(self.per_credit.normalize().as_tuple().exponent))

    def format(self, credits: int) -> str:
        """The amount for logs and the command line ('0.48 USD'); members read `cogs.i18n.money`."""
        return f"{self.of(credits):.{self.places}f} {self.currency}"
