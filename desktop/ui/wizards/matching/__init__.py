"""The contact matching wizard: link Prolegis clients to Clio contacts."""

from desktop.ui.wizards.matching.panel import ContactMatchingDialog, ContactMatchingPanel

__all__ = ["ContactMatchingDialog", "ContactMatchingPanel"]
