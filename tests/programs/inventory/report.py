from .items import Item
from .pricing import with_tax, cheapest as cheapest_item

HEADER = "name       qty    value"


def render(stock):
    lines = [HEADER]
    for it in stock:
        lines.append(f"{it.name:<10}{it.qty:>4}{it.value():>9.2f}")
    total = 0
    for it in stock:
        total += it.value()
    lines.append(f"{'total':<10}{'':>4}{total:>9.2f}")
    return "\n".join(lines)
