"""The connection wizard: Clio region, browser sign-in, account, username, Prolegis folder,
contact matching."""

from desktop.ui.wizards.connection.signin import (
    ClioSignInService,
    SignedIn,
    SignInRequest,
    SignInService,
)
from desktop.ui.wizards.connection.wizard import ConnectionWizard

__all__ = ["ClioSignInService", "ConnectionWizard", "SignInRequest", "SignInService", "SignedIn"]
