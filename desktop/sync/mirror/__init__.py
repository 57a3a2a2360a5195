"""The two-way document mirror between a matter's local folder and its Clio documents — the
pure core and the local file-system plumbing (no Clio, no database, no Qt).

Pure:
    ``model``      Base / LocalState / RemoteState / Context / Decision / Action
    ``reconcile``  ``decide(base, local, remote, ctx) -> Decision`` — every rule in one place
    ``pairing``    ``pair(bases, locals, remotes) -> [Triple]``
    ``folders``    ``plan_folders(...) -> FolderPlan`` (folder ops + adjusted decisions)
    ``guards``     input checks and the deletion guard
    ``names``      safe local names, Clio names, duplicates, conflicted copies, ignore rules
Plumbing:
    ``scanner``    ``scan(folder, index_rows) -> ScanResult`` (unchanged files never hashed)
    ``localfs``    hashing, stability, Office locks, atomic writes
    ``trash``      ``move_to_trash`` (OS trash, else the recovery folder)
    ``watcher``    debounced watchdog batches with self-echo suppression

The engine around them (Clio, the store, events):
    ``part``       ``MirrorPart`` — the document half of the engine (``SyncPart`` + read models)
    ``remote``     the account-wide feed into the store's Clio cache; ``matter_remote``
    ``planner``    one matter's plan (scan, cache, checks, pair, decide, folders)
    ``executor``   carries a plan out, writing the index after each action
    ``doer``       shared steps: transfers with progress, local moves and trash, index rows
    ``clioops``    journaled, tagged Clio mutations and crash recovery
    ``localops``   announced, no-clobber local writes
    ``conflicts``  keep both; the three resolutions; the default policy
    ``deletions``  the deletion guard wired: hold, allow, restore
    ``push``       pushing historical or outside files
    ``localfeed``  the watcher, rescans and re-looks
    ``views``      counts and document lists for the GUI and ``status``

A pass for one matter: ``guards.check_inputs`` → ``scanner.scan`` → ``pairing.pair`` →
``reconcile.decide`` per triple → ``folders.plan_folders`` → ``guards.deletion_guard`` /
``guards.hold`` → the executor. ``docs/sync-rules.md`` states the rules in words.
"""
