"""High performance data structures.

refvm's _collections: CPython implements this module in C
(Modules/_collectionsmodule.c). refvm runs these classes, which follow that C code's
behaviour, reprs and messages. OrderedDict, _count_elements and _tuplegetter are left
to the pure-Python versions in collections/__init__.py, as CPython's stdlib allows.
"""

import sys as _sys


def _index(i):
    try:
        return i.__index__()
    except AttributeError:
        raise TypeError("sequence index must be integer, not '%s'"
                        % type(i).__name__) from None


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __slots__ = ('_items', '_maxlen', '_state', '__weakref__')

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._items = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _index(maxlen)
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        if self._items:
            self.clear()
        if iterable is not None:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def _trim_left(self):
        m = self._maxlen
        if m is not None and len(self._items) > m:
            del self._items[:len(self._items) - m]

    def _trim_right(self):
        m = self._maxlen
        if m is not None and len(self._items) > m:
            del self._items[m:]

    def append(self, x):
        self._state += 1
        if self._maxlen == 0:
            return
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._state += 1
        if self._maxlen == 0:
            return
        self._items.insert(0, x)
        self._trim_right()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._items.clear()

    def copy(self):
        """Return a shallow copy of a deque."""
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        state = self._state
        n = 0
        for x in list(self._items):
            if x is value or x == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=_sys.maxsize):
        n = len(self._items)
        start = _index(start)
        stop = _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        stop = min(stop, n)
        state = self._state
        for i in range(start, stop):
            x = self._items[i]
            if x is value or x == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError("%r is not in deque" % (value,))

    def insert(self, index, value):
        index = _index(index)
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._state += 1
        self._items.insert(index, value)

    def remove(self, value):
        for i, x in enumerate(self._items):
            if x is value or x == value:
                self._state += 1
                del self._items[i]
                return
        raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        self._state += 1
        self._items.reverse()

    def rotate(self, n=1):
        n = _index(n)
        items = self._items
        if len(items) <= 1:
            return
        self._state += 1
        n %= len(items)
        if n:
            items[:] = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __contains__(self, value):
        state = self._state
        for x in list(self._items):
            if x is value or x == value:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def _check_index(self, i):
        i = _index(i)
        n = len(self._items)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        return self._items[self._check_index(i)]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        self._items[self._check_index(i)] = v

    def __delitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        i = self._check_index(i)
        self._state += 1
        del self._items[i]

    def __iter__(self):
        return _deque_iter(_deque_iterator, self, False)

    def __reversed__(self):
        return _deque_iter(_deque_reverse_iterator, self, True)

    def __repr__(self):
        if _repr_running(self):
            return '[...]'
        try:
            body = repr(list(self._items))
        finally:
            _repr_done(self)
        name = type(self).__name__
        if self._maxlen is not None:
            return '%s(%s, maxlen=%d)' % (name, body, self._maxlen)
        return '%s(%s)' % (name, body)

    def _cmp(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(list(self._items), list(other._items))

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new.__imul__(n)
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index(n)
        if n <= 0:
            self.clear()
        elif n > 1:
            self.extend(list(self._items) * (n - 1))
        return self

    def __reduce__(self):
        state = getattr(self, '__dict__', None)
        return (type(self), ((), self._maxlen), state, iter(self))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


_running = []


def _repr_running(o):
    for x in _running:
        if x is o:
            return True
    _running.append(o)
    return False


def _repr_done(o):
    for i, x in enumerate(_running):
        if x is o:
            del _running[i]
            return


def _deque_iter(cls, d, rev):
    it = object.__new__(cls)
    it._deque = d
    it._state = d._state
    it._left = len(d._items)
    it._pos = len(d._items) - 1 if rev else 0
    it._rev = rev
    return it


def _deque_iter_new(cls, rev, args):
    # dequeiter_new: "O!|n" (keyword arguments are ignored); the iterator is advanced
    # `index` times.
    if not 1 <= len(args) <= 2:
        if len(args) < 1:
            raise TypeError("function takes at least 1 argument (0 given)")
        raise TypeError("function takes at most 2 arguments (%d given)" % len(args))
    d = args[0]
    if not isinstance(d, deque):
        raise TypeError("argument 1 must be collections.deque, not %s" % type(d).__name__)
    index = _index(args[1]) if len(args) > 1 else 0
    it = _deque_iter(cls, d, rev)
    for _ in range(index):
        if it._left <= 0:
            break
        next(it)
    return it


def _index(v):
    try:
        return v.__index__()
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__) from None


class _deque_iterator:
    __slots__ = ('_deque', '_state', '_pos', '_left', '_rev')

    def __new__(cls, *args, **kwargs):
        return _deque_iter_new(cls, False, args)

    def __iter__(self):
        return self

    def __next__(self):
        d = self._deque
        if d._state != self._state:
            self._left = 0
            raise RuntimeError("deque mutated during iteration")
        if self._left <= 0:
            raise StopIteration
        x = d._items[self._pos]
        self._pos += -1 if self._rev else 1
        self._left -= 1
        return x

    def __length_hint__(self):
        return self._left


class _deque_reverse_iterator:
    __slots__ = ('_deque', '_state', '_pos', '_left', '_rev')

    def __new__(cls, *args, **kwargs):
        return _deque_iter_new(cls, True, args)

    __iter__ = _deque_iterator.__iter__
    __next__ = _deque_iterator.__next__
    __length_hint__ = _deque_iterator.__length_hint__


_deque_iterator.__name__ = '_deque_iterator'
_deque_reverse_iterator.__name__ = '_deque_reverse_iterator'


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory"""

    __slots__ = ('default_factory',)

    def __init__(self, *args, **kwargs):
        if args:
            factory = args[0]
            if factory is not None and not callable(factory):
                raise TypeError("first argument must be callable or None")
            args = args[1:]
        else:
            factory = None
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        self[key] = value = self.default_factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = 'None'
        elif _repr_running(factory):
            frepr = '...'
        else:
            try:
                frepr = repr(factory)
            finally:
                _repr_done(factory)
        return '%s(%s, %s)' % (type(self).__name__, frepr, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = (self.default_factory,) if self.default_factory is not None else ()
        return (type(self), args, None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


defaultdict.__module__ = 'collections'
deque.__module__ = 'collections'
