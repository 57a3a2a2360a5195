"""The state store: one SQLite database (WAL) per Clio account and workspace.

The rest of the engine reaches it only through :class:`~desktop.sync.store.store.Store` and its
repositories; there is no SQL anywhere else.
"""

from desktop.sync.store.db import Database, StoreError, StoreWriteFault
from desktop.sync.store.store import Store, state_db_path

__all__ = ["Database", "Store", "StoreError", "StoreWriteFault", "state_db_path"]
