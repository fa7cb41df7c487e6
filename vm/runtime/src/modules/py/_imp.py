"""refvm's `_imp` (CPython's `Python/import.c`): the hooks importlib's bootstrap calls
for builtin and frozen modules. refvm freezes nothing; its builtin modules are the
native modules and the ones it carries as Python source."""

import sys

check_hash_based_pycs = "default"


def lock_held():
    return False


def acquire_lock():
    pass


def release_lock():
    pass


def is_builtin(name):
    return 1 if name in sys.builtin_module_names else 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    raise ImportError("No such frozen object named %r" % name, name=name)


def find_frozen(name, *, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise ImportError("No such frozen object named %r" % name, name=name)


def init_frozen(name):
    return None


def create_builtin(spec):
    name = spec.name
    if name in sys.modules:
        return sys.modules[name]
    return __import__(name)


def exec_builtin(mod):
    return 0


def extension_suffixes():
    return []


def _fix_co_filename(code, path):
    pass


def source_hash(key, source):
    raise NotImplementedError("refvm does not write hash-based .pyc files")


def _override_multi_interp_extensions_check(override):
    return -1
