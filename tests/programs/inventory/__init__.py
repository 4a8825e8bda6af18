"""A package: its submodules import each other relatively."""
from .items import Item, make_stock
from . import report

print("inventory package ready:", __name__, __package__)
