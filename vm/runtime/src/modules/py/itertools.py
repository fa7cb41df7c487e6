"""Functional tools for creating and using iterators.

refvm's itertools: CPython implements this module in C (Modules/itertoolsmodule.c);
refvm runs these classes, which follow that C code's behaviour, reprs and messages.
"""

import sys as _sys


def _as_int(v):
    # PyNumber_AsSsize_t's TypeError for objects without __index__.
    try:
        index = type(v).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__) from None
    return index(v)


_NO_TIMES = object()


def _index(v, msg):
    if v is None:
        return None
    try:
        v = v.__index__()
    except AttributeError:
        raise ValueError(msg) from None
    if v < 0 or v > _sys.maxsize:
        raise ValueError(msg)
    return v


class count:
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(type(v), '__add__') or isinstance(v, (str, bytes)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return '%s(%r)' % (type(self).__name__, self._n)
        return '%s(%r, %r)' % (type(self).__name__, self._n, self._step)


class cycle:
    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._i = 0
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._first:
            for v in self._it:
                self._saved.append(v)
                return v
            self._first = False
        if not self._saved:
            raise StopIteration
        v = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return v


class repeat:
    def __init__(self, object, times=_NO_TIMES):
        self._obj = object
        if times is _NO_TIMES:
            times = None
        else:
            times = _as_int(times)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._times)


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._initial = initial is not None
        self._started = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial:
            self._initial = False
            self._started = True
            return self._total
        v = next(self._it)
        if not self._started:
            self._started = True
            self._total = v
        elif self._func is None:
            self._total = self._total + v
        else:
            self._total = self._func(self._total, v)
        return self._total


class chain:
    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                try:
                    self._active = iter(iterable)
                except BaseException:
                    # chain_next: an input that is not iterable ends the chain.
                    self._source = None
                    raise
            for v in self._active:
                return v
            self._active = None
        raise StopIteration


class compress:
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            d = next(self._data)
            if next(self._sel):
                return d


class dropwhile:
    def __init__(self, predicate, iterable, /):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        for v in self._it:
            if self._done or not self._pred(v):
                self._done = True
                return v
        raise StopIteration


class takewhile:
    def __init__(self, predicate, iterable, /):
        self._pred = predicate
        self._it = iter(iterable)
        self._stop = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stop:
            raise StopIteration
        v = next(self._it)
        if self._pred(v):
            return v
        self._stop = True
        raise StopIteration


class filterfalse:
    def __init__(self, function, iterable, /):
        self._pred = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        for v in self._it:
            if not (bool(v) if self._pred is None else self._pred(v)):
                return v
        raise StopIteration


_marker = object()


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._grouper = None

    def __iter__(self):
        return self

    def _step(self):
        v = next(self._it)
        self._currvalue = v
        self._currkey = v if self._keyfunc is None else self._keyfunc(v)

    def __next__(self):
        self._grouper = None
        while self._currkey is _marker or (
                self._tgtkey is not _marker and self._currkey == self._tgtkey):
            self._step()
        self._tgtkey = self._currkey
        g = _grouper(self, self._tgtkey)
        self._grouper = g
        return (self._currkey, g)


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._grouper is not self:
            raise StopIteration
        if p._currvalue is _marker:
            p._step()
        if not (p._currkey == self._tgtkey):
            raise StopIteration
        v = p._currvalue
        p._currvalue = _marker
        try:
            p._step()
        except StopIteration:
            p._currkey = _marker
            p._tgtkey = _marker
            p._it = iter(())
            p._grouper = None
            self._last = True
        return v


class islice:
    def __init__(self, iterable, *args):
        n = len(args)
        if n == 0 or n > 3:
            if n == 0:
                raise TypeError('islice expected at least 2 arguments, got 1')
            raise TypeError('islice expected at most 4 arguments, got %d' % (n + 1))
        if n == 1:
            start, stop, step = None, args[0], None
            stop = _index(stop, 'Stop argument for islice() must be None or an '
                                'integer: 0 <= x <= sys.maxsize.')
        else:
            start, stop = args[0], args[1]
            step = args[2] if n == 3 else None
            start = _index(start, 'Indices for islice() must be None or an '
                                  'integer: 0 <= x <= sys.maxsize.')
            stop = _index(stop, 'Stop argument for islice() must be None or an '
                                'integer: 0 <= x <= sys.maxsize.')
            try:
                step = _index(step, '')
            except ValueError:
                step = -1
            if step is not None and step < 1:
                raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = 0 if start is None else start
        self._stop = stop
        self._step = 1 if step is None else step
        self._cnt = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        while self._cnt < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._cnt += 1
        if self._stop is not None and self._cnt >= self._stop:
            self._it = None
            raise StopIteration
        try:
            v = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        old = self._next
        self._next += self._step
        if self._stop is not None and self._next > self._stop:
            self._next = self._stop
        if self._next < old:
            self._next = self._stop
        return v


class starmap:
    def __init__(self, function, iterable, /):
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        return self._func(*next(self._it))


class zip_longest:
    def __init__(self, *args, fillvalue=None):
        self._its = [iter(a) for a in args]
        self._active = len(self._its)
        self._fill = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if not self._its or not self._active:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


class _tee_dataobject:
    def __init__(self, it):
        self.it = it
        self.values = []
        self.next = None


class _tee:
    def __init__(self, iterable):
        if isinstance(iterable, _tee):
            self._data = iterable._data
            self._index = iterable._index
        else:
            self._data = _tee_dataobject(iter(iterable))
            self._index = 0

    def __iter__(self):
        return self

    def __copy__(self):
        return _tee(self)

    def __next__(self):
        d = self._data
        if self._index >= 57:
            if d.next is None:
                d.next = _tee_dataobject(d.it)
            self._data = d = d.next
            self._index = 0
        if self._index < len(d.values):
            v = d.values[self._index]
        else:
            v = next(d.it)
            d.values.append(v)
        self._index += 1
        return v


_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(iterable, n=2, /):
    n = _as_int(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copy = getattr(type(it), '__copy__', None)
    first = it if copy is not None else _tee(it)
    out = [first]
    for _ in range(1, n):
        out.append(type(first).__copy__(first) if copy is not None else _tee(first))
    return tuple(out)


class pairwise:
    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._old = _marker

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if self._old is _marker:
            try:
                self._old = next(self._it)
            except StopIteration:
                self._it = None
                raise
        try:
            new = next(self._it)
        except StopIteration:
            self._it = None
            raise
        r = (self._old, new)
        self._old = new
        return r


class product:
    def __init__(self, *args, repeat=1):
        repeat = _as_int(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in args] * repeat
        self._pools = pools
        self._indices = None
        self._done = any(len(p) == 0 for p in pools)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pools = self._pools
        if self._indices is None:
            self._indices = [0] * len(pools)
            return tuple(p[0] for p in pools)
        ind = self._indices
        i = len(pools) - 1
        while i >= 0:
            ind[i] += 1
            if ind[i] < len(pools[i]):
                return tuple(pools[k][ind[k]] for k in range(len(pools)))
            ind[i] = 0
            i -= 1
        self._done = True
        raise StopIteration


class combinations:
    def __init__(self, iterable, r):
        self._pool = tuple(iterable)
        r = _as_int(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._r = r
        self._indices = None
        self._done = r > len(self._pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._indices is None:
            self._indices = list(range(r))
            return tuple(pool[i] for i in self._indices)
        ind = self._indices
        for i in reversed(range(r)):
            if ind[i] != i + n - r:
                break
        else:
            self._done = True
            raise StopIteration
        ind[i] += 1
        for j in range(i + 1, r):
            ind[j] = ind[j - 1] + 1
        return tuple(pool[i] for i in ind)


class combinations_with_replacement:
    def __init__(self, iterable, r):
        self._pool = tuple(iterable)
        r = _as_int(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._r = r
        self._indices = None
        self._done = not self._pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        if self._indices is None:
            self._indices = [0] * r
            return tuple(pool[i] for i in self._indices)
        ind = self._indices
        for i in reversed(range(r)):
            if ind[i] != n - 1:
                break
        else:
            self._done = True
            raise StopIteration
        ind[i:] = [ind[i] + 1] * (r - i)
        return tuple(pool[i] for i in ind)


class permutations:
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            if not isinstance(r, int):
                raise TypeError("Expected int as r")
            r = int(r)
            if r < 0:
                raise ValueError('r must be non-negative')
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r = self._pool, self._r
        n = len(pool)
        ind, cycles = self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple(pool[i] for i in ind[:r])
        if n == 0:
            self._done = True
            raise StopIteration
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                ind[i:] = ind[i + 1:] + ind[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                ind[i], ind[-j] = ind[-j], ind[i]
                return tuple(pool[i] for i in ind[:r])
        self._done = True
        raise StopIteration


for _c in (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
           filterfalse, groupby, _grouper, islice, starmap, zip_longest, _tee,
           pairwise, product, combinations, combinations_with_replacement,
           permutations):
    _c.__module__ = 'itertools'
del _c
