# The weak containers are collections.abc mutable mappings / sets, whichever module is
# imported first.
import weakref
import collections.abc as cabc

wvd = weakref.WeakValueDictionary()
wkd = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
print(isinstance(wvd, cabc.MutableMapping), isinstance(wkd, cabc.MutableMapping), isinstance(ws, cabc.MutableSet))
print(isinstance(wvd, cabc.Mapping), isinstance(ws, cabc.Set), isinstance(ws, cabc.Sized))
print(issubclass(weakref.WeakValueDictionary, cabc.MutableMapping),
      issubclass(weakref.WeakKeyDictionary, cabc.Mapping),
      issubclass(weakref.WeakSet, cabc.MutableSet))
print(isinstance(wvd, cabc.MutableSet), isinstance(ws, cabc.MutableMapping))


class Sub(weakref.WeakValueDictionary):
    pass


print(isinstance(Sub(), cabc.MutableMapping), issubclass(Sub, cabc.Mapping))
