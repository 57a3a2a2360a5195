"""Compare two versions of the manifest and describe what changed as typed record events.

:func:`diff_manifests` returns events in a fixed order that is safe to apply one by one:
clients added/changed, matters added/changed, activities added/changed (each in the new file's
order), then activities removed, matters removed, clients removed (each in the old file's order),
so that nothing refers to a record that does not exist yet or any more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Generic, TypeVar

from desktop.prolegis.records import Activity, Client, Manifest, Matter

_R = TypeVar("_R", Client, Matter, Activity)


def changed_fields(old: _R, new: _R) -> tuple[str, ...]:
    """Names of the fields (other than ``id``) whose values differ, in declaration order."""
    return tuple(
        f.name
        for f in fields(old)
        if f.name != "id" and getattr(old, f.name) != getattr(new, f.name)
    )


@dataclass(frozen=True)
class _Added(Generic[_R]):
    record: _R

    @property
    def record_id(self) -> str:
        return self.record.id


@dataclass(frozen=True)
class _Changed(Generic[_R]):
    old: _R
    new: _R
    fields: tuple[str, ...]

    @property
    def record_id(self) -> str:
        return self.new.id

    @property
    def record(self) -> _R:
        return self.new


@dataclass(frozen=True)
class _Removed(Generic[_R]):
    record: _R

    @property
    def record_id(self) -> str:
        return self.record.id


class ClientAdded(_Added[Client]):
    """A client appeared in the manifest."""


class ClientChanged(_Changed[Client]):
    """A client's fields changed (``fields`` names them)."""


class ClientRemoved(_Removed[Client]):
    """A client disappeared from the manifest."""


class MatterAdded(_Added[Matter]):
    """A matter appeared: a new matter opened in Prolegis (or pre-existing, at the baseline)."""


class MatterChanged(_Changed[Matter]):
    """A matter changed; ``"folder"`` in ``fields`` means its folder was moved."""

    @property
    def folder_moved(self) -> bool:
        """The matter's folder moved from ``old.folder`` to ``new.folder``."""
        return "folder" in self.fields

    @property
    def status_changed(self) -> bool:
        return "status" in self.fields


class MatterRemoved(_Removed[Matter]):
    """A matter disappeared from the manifest."""


class ActivityAdded(_Added[Activity]):
    """An activity was recorded in Prolegis."""


class ActivityChanged(_Changed[Activity]):
    """An activity was edited in Prolegis."""


class ActivityRemoved(_Removed[Activity]):
    """An activity disappeared: it was deleted in Prolegis."""


RecordEvent = (
    ClientAdded
    | ClientChanged
    | ClientRemoved
    | MatterAdded
    | MatterChanged
    | MatterRemoved
    | ActivityAdded
    | ActivityChanged
    | ActivityRemoved
)


def diff_manifests(old: Manifest | None, new: Manifest) -> list[RecordEvent]:
    """The events that turn ``old`` (None: nothing known yet) into ``new``."""
    if old is None:
        old = Manifest.empty()
    if old is new:
        return []
    events: list[RecordEvent] = []
    _upserts(old.clients_by_id, new.clients, ClientAdded, ClientChanged, events)
    _upserts(old.matters_by_id, new.matters, MatterAdded, MatterChanged, events)
    _upserts(old.activities_by_id, new.activities, ActivityAdded, ActivityChanged, events)
    events.extend(ActivityRemoved(a) for a in old.activities if a.id not in new.activities_by_id)
    events.extend(MatterRemoved(m) for m in old.matters if m.id not in new.matters_by_id)
    events.extend(ClientRemoved(c) for c in old.clients if c.id not in new.clients_by_id)
    return events


def _upserts(
    before: Mapping[str, _R],
    after: tuple[_R, ...],
    added: Callable[[_R], RecordEvent],
    changed: Callable[[_R, _R, tuple[str, ...]], RecordEvent],
    out: list[RecordEvent],
) -> None:
    lookup = before.get
    for rec in after:
        prev = lookup(rec.id)
        if prev is None:
            out.append(added(rec))
        elif prev != rec:
            out.append(changed(prev, rec, changed_fields(prev, rec)))
