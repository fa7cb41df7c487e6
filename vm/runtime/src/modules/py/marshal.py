"""refvm's `marshal` module: only the format version. importlib's path machinery
imports marshal at start-up; refvm does not read or write `.pyc` files from Python
code yet, so the conversions raise NotImplementedError rather than pretend."""

version = 4


def _unsupported(*args, **kwargs):
    raise NotImplementedError("refvm: marshal.dumps/loads are not implemented")


dump = dumps = load = loads = _unsupported
