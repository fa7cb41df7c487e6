# The weak containers are collections.abc mutable mappings / sets, whichever module is
# imported first.
import weakref
from collections.abc import Mapping, MutableMapping, MutableSet, Set, Sized

wvd = weakref.WeakValueDictionary()
wkd = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
print(isinstance(wvd, MutableMapping), isinstance(wkd, MutableMapping), isinstance(ws, MutableSet))
print(isinstance(wvd, Mapping), isinstance(ws, Set), isinstance(ws, Sized))
print(issubclass(weakref.WeakValueDictionary, MutableMapping),
      issubclass(weakref.WeakKeyDictionary, Mapping),
      issubclass(weakref.WeakSet, MutableSet))
print(isinstance(wvd, MutableSet), isinstance(ws, MutableMapping))


class Sub(weakref.WeakValueDictionary):
    pass


print(isinstance(Sub(), MutableMapping), issubclass(Sub, Mapping))
