"""This module defines an object type which can efficiently represent
an array of basic values: characters, integers, floating point
numbers.  Arrays are sequence types and behave very much like lists,
except that the type of objects stored in them is constrained.
"""

# refvm's array: CPython implements this module in C (Modules/arraymodule.c). Here the
# items live, packed in machine format, in the bytearray the array object extends, so
# bytes(), bytearray(), concatenation with bytes and other buffer consumers see the
# array's memory as CPython's buffer protocol shows it. The messages are CPython's.

import _struct

typecodes = "bBuhHiIlLqQfd"

_ITEMSIZE = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8,
             "q": 8, "Q": 8, "f": 4, "d": 8}
_ba = bytearray


def _overflow(msg):
    return OverflowError(msg)


def _as_int(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return index(v)


_LONG = 1 << 63


def _check_int(tc, v):
    v = _as_int(v)
    if tc in "bBhHil":
        if not -_LONG <= v < _LONG:
            raise _overflow("Python int too large to convert to C long")
        if tc == "b":
            if v < -32768:
                raise _overflow("signed short integer is less than minimum")
            if v > 32767:
                raise _overflow("signed short integer is greater than maximum")
            if v < -128:
                raise _overflow("signed char is less than minimum")
            if v > 127:
                raise _overflow("signed char is greater than maximum")
        elif tc == "B":
            if v < 0:
                raise _overflow("unsigned byte integer is less than minimum")
            if v > 255:
                raise _overflow("unsigned byte integer is greater than maximum")
        elif tc == "h":
            if v < -32768:
                raise _overflow("signed short integer is less than minimum")
            if v > 32767:
                raise _overflow("signed short integer is greater than maximum")
        elif tc in "Hi":
            if v < -(1 << 31):
                raise _overflow("signed integer is less than minimum")
            if v >= 1 << 31:
                raise _overflow("signed integer is greater than maximum")
            if tc == "H":
                if v < 0:
                    raise _overflow("unsigned short is less than minimum")
                if v > 65535:
                    raise _overflow("unsigned short is greater than maximum")
    elif tc in "IL":
        if v < 0:
            raise _overflow("can't convert negative value to unsigned int")
        if v >= 1 << 64:
            raise _overflow("Python int too large to convert to C unsigned long")
        if tc == "I" and v >= 1 << 32:
            raise _overflow("unsigned int is greater than maximum")
    elif tc == "q":
        if not -_LONG <= v < _LONG:
            raise _overflow("int too big to convert")
    elif tc == "Q":
        if v < 0:
            raise _overflow("can't convert negative int to unsigned")
        if v >= 1 << 64:
            raise _overflow("int too big to convert")
    return v


def _pack(tc, v):
    if tc == "u":
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return ord(v).to_bytes(4, "little")
    if tc in "fd":
        if not isinstance(v, float):
            if not hasattr(type(v), "__float__") and not hasattr(type(v), "__index__"):
                raise TypeError("must be real number, not %s" % type(v).__name__)
            v = float(v)
        return _struct.pack(tc, v)
    v = _check_int(tc, v)
    return v.to_bytes(_ITEMSIZE[tc], "little", signed=tc in "bhilq")


def _unpack(tc, data):
    if tc == "u":
        return chr(int.from_bytes(data, "little"))
    if tc in "fd":
        return _struct.unpack(tc, data)[0]
    return int.from_bytes(data, "little", signed=tc in "bhilq")


class array(bytearray):
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
a bytes-like object, or iterable over elements of the appropriate type.
"""

    __hash__ = None

    def __new__(cls, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError(
                "array() argument 1 must be a unicode character, not %s"
                % type(typecode).__name__
            )
        if typecode not in _ITEMSIZE:
            raise ValueError(
                "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"
            )
        self = bytearray.__new__(cls)
        self.__dict__["_tc"] = typecode
        if initializer is None:
            return self
        if isinstance(initializer, str):
            if typecode != "u":
                raise TypeError(
                    "cannot use a str to initialize an array with typecode '%s'" % typecode
                )
            self.fromunicode(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == "u" and typecode != "u":
                raise TypeError(
                    "cannot use a unicode array to initialize an array with typecode '%s'"
                    % typecode
                )
            self.fromlist(initializer.tolist())
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self.extend(initializer)
        return self

    def __init__(self, *args):
        pass

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _ITEMSIZE[self._tc]

    def _n(self):
        return _ba.__len__(self) // _ITEMSIZE[self._tc]

    def _get(self, i):
        k = _ITEMSIZE[self._tc]
        return _unpack(self._tc, bytes(_ba.__getitem__(self, slice(i * k, i * k + k))))

    def _index(self, i, msg="array index out of range"):
        n = self._n()
        i = _as_int(i)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(msg)
        return i

    def __len__(self):
        return self._n()

    def __repr__(self):
        tc = self._tc
        if self._n() == 0:
            return "array('%s')" % tc
        if tc == "u":
            return "array('u', %r)" % self.tounicode()
        return "array('%s', %r)" % (tc, self.tolist())

    __str__ = __repr__

    def __iter__(self):
        return iter(self.tolist())

    def __reversed__(self):
        return reversed(self.tolist())

    def __contains__(self, v):
        return v in self.tolist()

    def __getitem__(self, i):
        if isinstance(i, slice):
            k = _ITEMSIZE[self._tc]
            out = array(self._tc)
            items = self.tolist()[i]
            data = b"".join(_pack(self._tc, v) for v in items)
            _ba.extend(out, data)
            return out
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        return self._get(self._index(i))

    def __setitem__(self, i, v):
        k = _ITEMSIZE[self._tc]
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError(
                    "can only assign array (not \"%s\") to array slice" % type(v).__name__
                )
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            items = self.tolist()
            items[i] = v.tolist()
            self._replace(items)
            return
        if not isinstance(i, int) and not hasattr(type(i), "__index__"):
            raise TypeError("array indices must be integers")
        i = self._index(i, "array assignment index out of range")
        _ba.__setitem__(self, slice(i * k, i * k + k), _pack(self._tc, v))

    def __delitem__(self, i):
        items = self.tolist()
        if isinstance(i, slice):
            del items[i]
        else:
            del items[self._index(i, "array assignment index out of range")]
        self._replace(items)

    def _replace(self, items):
        data = b"".join(_pack(self._tc, v) for v in items)
        _ba.__delitem__(self, slice(None))
        _ba.extend(self, data)

    def _same(self, other, what):
        if not isinstance(other, array):
            raise TypeError(
                "can only %s array (not \"%s\") to array" % (what, type(other).__name__)
            )
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError(
                "can only append array (not \"%s\") to array" % type(other).__name__
            )
        self._same(other, "append")
        out = array(self._tc)
        _ba.extend(out, bytes(self))
        _ba.extend(out, bytes(other))
        return out

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError(
                "can only extend array with array (not \"%s\")" % type(other).__name__
            )
        self._same(other, "extend")
        _ba.extend(self, bytes(other))
        return self

    def __mul__(self, n):
        n = _as_int(n)
        out = array(self._tc)
        _ba.extend(out, bytes(self) * max(n, 0))
        return out

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _as_int(n)
        data = bytes(self) * max(n, 0)
        _ba.__delitem__(self, slice(None))
        _ba.extend(self, data)
        return self

    def _cmp(self, other, op, eqne=None):
        # array_richcompare: items are fresh objects, so no identity shortcut (nan != nan).
        if not isinstance(other, array):
            return NotImplemented
        a, b = self.tolist(), other.tolist()
        if eqne is not None and len(a) != len(b):
            return not eqne
        for x, y in zip(a, b):
            if not (x == y):
                if eqne is not None:
                    return not eqne
                return op(x, y)
        return op(len(a), len(b))

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b, True)

    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b, False)

    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    def __copy__(self):
        return self[:]

    def __deepcopy__(self, memo):
        return self[:]

    def append(self, v):
        _ba.extend(self, _pack(self._tc, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            self._same(iterable, "extend")
            _ba.extend(self, bytes(iterable))
            return
        data = b"".join([_pack(self._tc, v) for v in iterable])
        _ba.extend(self, data)

    def insert(self, i, v):
        _pack(self._tc, v)
        items = self.tolist()
        items.insert(_as_int(i), v)
        self._replace(items)

    def pop(self, i=-1):
        n = self._n()
        if n == 0:
            raise IndexError("pop from empty array")
        i = self._index(i, "pop index out of range")
        v = self._get(i)
        k = _ITEMSIZE[self._tc]
        _ba.__delitem__(self, slice(i * k, i * k + k))
        return v

    def remove(self, v):
        items = self.tolist()
        for i, x in enumerate(items):
            if x == v:
                k = _ITEMSIZE[self._tc]
                _ba.__delitem__(self, slice(i * k, i * k + k))
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=None):
        items = self.tolist()
        n = len(items)
        start = _as_int(start)
        stop = n if stop is None else _as_int(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v):
        return sum(1 for x in self.tolist() if x == v)

    def reverse(self):
        self._replace(self.tolist()[::-1])

    def byteswap(self):
        k = _ITEMSIZE[self._tc]
        data = bytes(self)
        out = b"".join(data[i:i + k][::-1] for i in range(0, len(data), k))
        _ba.__delitem__(self, slice(None))
        _ba.extend(self, out)

    def buffer_info(self):
        return (0, self._n())

    def tobytes(self):
        return bytes(self)

    def frombytes(self, buffer):
        data = memoryview(buffer).tobytes()
        if len(data) % _ITEMSIZE[self._tc]:
            raise ValueError("bytes length not a multiple of item size")
        _ba.extend(self, data)

    def tolist(self):
        k = _ITEMSIZE[self._tc]
        data = bytes(self)
        tc = self._tc
        return [_unpack(tc, data[i:i + k]) for i in range(0, len(data), k)]

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        data = b"".join([_pack(self._tc, v) for v in items])
        _ba.extend(self, data)

    def tounicode(self):
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self.tolist())

    def fromunicode(self, s):
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        _ba.extend(self, b"".join(ord(c).to_bytes(4, "little") for c in s))

    def __reduce_ex__(self, protocol):
        return (array, (self._tc, self.tolist()), None)


array.__module__ = "array"
ArrayType = array
