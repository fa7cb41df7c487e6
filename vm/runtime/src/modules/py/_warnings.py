"""refvm's `_warnings`: only `warn`, which defers to the pure-Python `warnings`
module (CPython's C accelerator also exports the filter state; without those names
`warnings` uses its own Python implementation, as it would without `_warnings`)."""


def warn(message, category=None, stacklevel=1, source=None):
    import warnings
    warnings.warn(message, category, stacklevel + 1, source)
