"""Functions to convert between Python values and C structs.
Python bytes objects are used to hold the data representing the C struct
and also as format strings (explained below) to describe the layout of data
in the C struct.

The optional first format char indicates byte order, size and alignment:
  @: native order, size & alignment (default)
  =: native order, std. size & alignment
  <: little-endian, std. size & alignment
  >: big-endian, std. size & alignment
  !: same as >

The remaining chars indicate types of args and must match exactly;
these can be preceded by a decimal repeat count:
  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;
  ?: _Bool (requires C99; if not available, char is used instead)
  h:short; H:unsigned short; i:int; I:unsigned int;
  l:long; L:unsigned long; f:float; d:double; e:half-float.
Special cases (preceding decimal count indicates length):
  s:string (array of char); p: pascal string (with count byte).
Special cases (only available in native format):
  n:ssize_t; N:size_t;
  P:an integer type that is wide enough to hold a pointer.
Special case (not in native mode unless 'long long' in platform C):
  q:long long; Q:unsigned long long
Whitespace between formats is ignored.

The variable struct.error is an exception raised on errors.
"""

import math as _math


class error(Exception):
    pass


error.__module__ = "struct"

# refvm's _struct: CPython implements this module in C (Modules/_struct.c); this is the
# same layout, range checks and messages for the x86-64 Linux ABI, in Python.

_NATIVE_SIZE = {
    "x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
    "l": 8, "L": 8, "q": 8, "Q": 8, "n": 8, "N": 8, "e": 2, "f": 4, "d": 8,
    "s": 1, "p": 1, "P": 8,
}
_STD_SIZE = {
    "x": 1, "c": 1, "b": 1, "B": 1, "?": 1, "h": 2, "H": 2, "i": 4, "I": 4,
    "l": 4, "L": 4, "q": 8, "Q": 8, "e": 2, "f": 4, "d": 8, "s": 1, "p": 1,
}
_SIGNED = "bhilqn"
_SMALL_NAMES = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}


def _parse(fmt):
    if isinstance(fmt, str):
        pass
    elif isinstance(fmt, (bytes, bytearray)):
        fmt = bytes(fmt).decode("latin-1")
    else:
        raise TypeError(
            "Struct() argument 1 must be a str or bytes object, not %s" % type(fmt).__name__
        )
    order = "@"
    s = fmt
    if s and s[0] in "@=<>!":
        order = s[0]
        s = s[1:]
    native = order == "@"
    sizes = _NATIVE_SIZE if native else _STD_SIZE
    big = order in ">!"
    codes = []
    size = 0
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c.isspace():
            i += 1
            continue
        num = None
        if "0" <= c <= "9":
            num = 0
            while i < n and "0" <= s[i] <= "9":
                num = num * 10 + (ord(s[i]) - 48)
                i += 1
            if i >= n:
                raise error("repeat count given without format specifier")
            c = s[i]
        if c not in sizes:
            raise error("bad char in struct format")
        i += 1
        count = 1 if num is None else num
        sz = sizes[c]
        if native and c not in "xcbB?sp":
            size = (size + sz - 1) // sz * sz
        if c in "sp":
            codes.append((c, size, count))
            size += count
        else:
            for _ in range(count):
                codes.append((c, size, sz))
                size += sz
    return codes, size, big, native


def _to_int(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise error("required argument is not an integer")
    return index(v)


def _to_float(v):
    if isinstance(v, float):
        return v
    if not hasattr(type(v), "__float__") and not hasattr(type(v), "__index__"):
        raise error("required argument is not a float")
    return float(v)


def _pack_int(c, v, sz, big, native):
    v = _to_int(v)
    signed = c in _SIGNED
    if signed:
        lo, hi = -(1 << (sz * 8 - 1)), (1 << (sz * 8 - 1)) - 1
    else:
        lo, hi = 0, (1 << (sz * 8)) - 1
    if not lo <= v <= hi:
        fits_long = -(1 << 63) <= v < (1 << 63)
        if c in "hH" and big:
            if signed and fits_long or not signed and 0 <= v < (1 << 64):
                raise error("'%s' format requires %d <= number <= %d" % (c, lo, hi))
            raise error("argument out of range")
        if c in _SMALL_NAMES and fits_long:
            raise error("%s format requires %d <= number <= %d" % (_SMALL_NAMES[c], lo, hi))
        if sz == 4 and (fits_long if signed else 0 <= v < (1 << 64)):
            raise error("'%s' format requires %d <= number <= %d" % (c, lo, hi))
        if sz == 8 and big:
            raise error("int too large to convert")
        raise error("argument out of range")
    return v.to_bytes(sz, "big" if big else "little", signed=signed)


_FLOAT_SHAPE = {2: (5, 10), 4: (8, 23), 8: (11, 52)}


def _float_bits(x, sz, native):
    ebits, mbits = _FLOAT_SHAPE[sz]
    bias = (1 << (ebits - 1)) - 1
    sign = 1 if _math.copysign(1.0, x) < 0 else 0
    top = sign << (ebits + mbits)
    emax = (1 << ebits) - 1
    if x != x:
        return top | (emax << mbits) | (1 << (mbits - 1))
    ax = abs(x)
    if ax == _math.inf:
        return top | (emax << mbits)
    if ax == 0.0:
        return top
    m, e = _math.frexp(ax)
    big_m = int(_math.ldexp(m, 53))
    unit = max(e - 1, 1 - bias) - mbits
    shift = unit - (e - 53)
    if shift > 0:
        q = big_m >> shift
        rem = big_m - (q << shift)
        half = 1 << (shift - 1)
        if rem > half or (rem == half and q & 1):
            q += 1
    else:
        q = big_m << -shift
    if q >> (mbits + 1):
        q >>= 1
        unit += 1
    if q >> mbits:
        field_e = unit + mbits + bias
        if field_e >= emax:
            if native and sz == 4:
                return top | (emax << mbits)
            raise OverflowError(
                "float too large to pack with %s format" % {2: "e", 4: "f", 8: "d"}[sz]
            )
        return top | (field_e << mbits) | (q - (1 << mbits))
    return top | q


def _bits_float(bits, sz):
    ebits, mbits = _FLOAT_SHAPE[sz]
    bias = (1 << (ebits - 1)) - 1
    sign = bits >> (ebits + mbits)
    fe = (bits >> mbits) & ((1 << ebits) - 1)
    fm = bits & ((1 << mbits) - 1)
    if fe == (1 << ebits) - 1:
        v = _math.inf if fm == 0 else _math.nan
    elif fe == 0:
        v = _math.ldexp(fm, 1 - bias - mbits)
    else:
        v = _math.ldexp(fm + (1 << mbits), fe - bias - mbits)
    return -v if sign else v


def _pack_one(c, v, sz, big, native):
    if c in "efd":
        bits = _float_bits(_to_float(v), sz, native)
        return bits.to_bytes(sz, "big" if big else "little")
    if c == "?":
        return b"\x01" if v else b"\x00"
    if c == "c":
        if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
            raise error("char format requires a bytes object of length 1")
        return bytes(v)
    if c == "P":
        v = _to_int(v)
        if not -(1 << 63) <= v < (1 << 64):
            raise error("int too large to convert")
        return (v & ((1 << 64) - 1)).to_bytes(8, "little")
    return _pack_int(c, v, sz, big, native)


def _unpack_one(c, data, big):
    if c in "efd":
        return _bits_float(int.from_bytes(data, "big" if big else "little"), len(data))
    if c == "?":
        return data != b"\x00" * len(data)
    if c == "c":
        return data
    return int.from_bytes(data, "big" if big else "little", signed=c in _SIGNED)


def _buffer(b):
    try:
        return memoryview(b).tobytes()
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__) from None


class Struct:
    """Struct(fmt) --> compiled struct object

"""

    def __init__(self, format):
        codes, size, big, native = _parse(format)
        if isinstance(format, (bytes, bytearray)):
            format = bytes(format).decode("latin-1")
        self._format = format
        self._codes = codes
        self._size = size
        self._big = big
        self._native = native
        self._nargs = sum(1 for c, _, _ in codes if c != "x")

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def _pack(self, name, args):
        if len(args) != self._nargs:
            raise error(
                "%s expected %d items for packing (got %d)" % (name, self._nargs, len(args))
            )
        out = bytearray(self._size)
        it = iter(args)
        for c, off, sz in self._codes:
            if c == "x":
                continue
            v = next(it)
            if c in "sp":
                if not isinstance(v, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % c)
                if c == "s":
                    d = bytes(v[:sz])
                    out[off:off + len(d)] = d
                elif sz > 0:
                    d = bytes(v[:sz - 1])
                    out[off] = min(len(d), 255)
                    out[off + 1:off + 1 + len(d)] = d
                continue
            d = _pack_one(c, v, sz, self._big, self._native)
            out[off:off + sz] = d
        return bytes(out)

    def pack(self, *args):
        return self._pack("pack", args)

    def pack_into(self, buffer, offset, *args):
        data = self._pack("pack_into", args)
        m = memoryview(buffer)
        n = len(m)
        offset = _to_index(offset)
        if offset < 0:
            if offset + self._size > 0:
                raise error("no space to pack %d bytes at offset %d" % (self._size, offset))
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self._size:
            raise error(
                "pack_into requires a buffer of at least %d bytes for packing %d bytes at "
                "offset %d (actual buffer size is %d)" % (self._size + offset, self._size, offset, n)
            )
        m[offset:offset + self._size] = data

    def _unpack(self, data):
        out = []
        for c, off, sz in self._codes:
            if c == "x":
                continue
            if c == "s":
                out.append(data[off:off + sz])
            elif c == "p":
                if sz == 0:
                    out.append(b"")
                else:
                    k = min(data[off], sz - 1)
                    out.append(data[off + 1:off + 1 + k])
            else:
                out.append(_unpack_one(c, data[off:off + sz], self._big))
        return tuple(out)

    def unpack(self, buffer):
        data = _buffer(buffer)
        if len(data) != self._size:
            raise error("unpack requires a buffer of %d bytes" % self._size)
        return self._unpack(data)

    def unpack_from(self, buffer, offset=0):
        data = _buffer(buffer)
        n = len(data)
        offset = _to_index(offset)
        if offset < 0:
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self._size:
            raise error(
                "unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at "
                "offset %d (actual buffer size is %d)" % (self._size + offset, self._size, offset, n)
            )
        return self._unpack(data[offset:offset + self._size])

    def iter_unpack(self, buffer):
        data = _buffer(buffer)
        if self._size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self._size:
            raise error(
                "iterative unpacking requires a buffer of a multiple of %d bytes" % self._size
            )
        return (self._unpack(data[i:i + self._size]) for i in range(0, len(data), self._size))


def _to_index(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return index(v)


_cache = {}


def _clearcache():
    _cache.clear()


def _get(fmt):
    s = _cache.get(fmt) if isinstance(fmt, (str, bytes)) else None
    if s is None:
        s = Struct(fmt)
        if isinstance(fmt, (str, bytes)):
            if len(_cache) > 100:
                _cache.clear()
            _cache[fmt] = s
    return s


def calcsize(format):
    return _get(format).size


def pack(format, *args):
    return _get(format).pack(*args)


def pack_into(format, buffer, offset, *args):
    return _get(format).pack_into(buffer, offset, *args)


def unpack(format, buffer):
    return _get(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _get(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _get(format).iter_unpack(buffer)
