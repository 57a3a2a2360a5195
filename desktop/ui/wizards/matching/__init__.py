"""The contact matching wizard: link Prolegis clients to Clio contacts."""

from desktop.ui.wizards.matching.dialog import ContactMatchingDialog
from desktop.ui.wizards.matching.panel import ContactMatchingPanel

__all__ = ["ContactMatchingDialog", "ContactMatchingPanel"]
