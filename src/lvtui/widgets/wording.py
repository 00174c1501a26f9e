"""How the panes word figures from a film: shared by every pane that shows them."""

from __future__ import annotations


def money(amount: int) -> str:
    """$49.8 million, $2 million, $950,000."""
    if amount >= 1_000_000:
        return f"${amount / 1_000_000:.1f} million".replace(".0 ", " ")
    return f"${amount:,}"
