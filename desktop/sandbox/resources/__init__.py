"""One module per Clio resource family; each declares its field schema and registers its
routes with :func:`desktop.sandbox.router.route`."""
