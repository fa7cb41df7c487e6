"""codecs registry and the builtin codecs.

refvm's _codecs: CPython implements this module in C (Modules/_codecsmodule.c,
Python/codecs.c, and the codecs of Objects/unicodeobject.c). The registry follows
Python/codecs.c (search functions, the normalized-name cache, the lazy import of the
encodings package, the error-handler registry); the UTF-8/16/32, ASCII and Latin-1
codecs call refvm's native `str.encode`/`bytes.decode`; the escape and charmap codecs
follow unicodeobject.c and bytesobject.c: the same output and the same error messages.
"""

_search_path = []
_search_cache = {}
_registry_ready = False


def _normalize(encoding):
    # _Py_normalize_encoding: alphanumerics and '.' are kept (lower-cased), every run of
    # other characters becomes one '_' (none at the start).
    out = []
    punct = False
    for c in encoding:
        if (c.isalnum() and c.isascii()) or c == '.':
            if punct and out:
                out.append('_')
            punct = False
            out.append(c.lower())
        else:
            punct = True
    return ''.join(out)


def _init_registry():
    global _registry_ready
    if not _registry_ready:
        _registry_ready = True
        import encodings


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_path.append(search_function)


def unregister(search_function):
    for i, f in enumerate(_search_path):
        if f is search_function:
            _search_cache.clear()
            del _search_path[i]
            return


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    if '\0' in encoding:
        raise ValueError("embedded null character")
    _init_registry()
    v = _normalize(encoding)
    r = _search_cache.get(v)
    if r is not None:
        return r
    if not _search_path:
        raise LookupError("no codec search functions registered: can't find encoding")
    for func in _search_path:
        r = func(v)
        if r is None:
            continue
        if not isinstance(r, tuple) or len(r) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        break
    else:
        raise LookupError("unknown encoding: %s" % encoding)
    _search_cache[v] = r
    return r


def encode(obj, encoding='utf-8', errors='strict'):
    encoder = lookup(encoding)[0]
    r = encoder(obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    return r[0]


def decode(obj, encoding='utf-8', errors='strict'):
    decoder = lookup(encoding)[1]
    r = decoder(obj, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError("decoder must return a tuple (object, integer)")
    return r[0]


def _text_codec(encoding, alternate):
    codec = lookup(encoding)
    if not type(codec) is tuple:
        is_text = getattr(codec, '_is_text_encoding', None)
        if is_text is not None and not is_text:
            raise LookupError("'%.400s' is not a text encoding; use %s to handle "
                              "arbitrary codecs" % (encoding, alternate))
    return codec


def _encode_text(s, encoding, errors):
    # str.encode() for an encoding refvm has no native codec for.
    encoder = _text_codec(encoding, 'codecs.encode()')[0]
    r = encoder(s, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError("encoder must return a tuple (object, integer)")
    v = r[0]
    if isinstance(v, bytearray):
        return bytes(v)
    if not isinstance(v, bytes):
        raise TypeError("'%.400s' encoder returned '%.400s' instead of 'bytes'; use "
                        "codecs.encode() to encode to arbitrary types"
                        % (encoding, type(v).__name__))
    return v


def _decode_text(b, encoding, errors):
    # bytes.decode() for an encoding refvm has no native codec for.
    decoder = _text_codec(encoding, 'codecs.decode()')[1]
    r = decoder(b, errors)
    if not isinstance(r, tuple) or len(r) != 2:
        raise TypeError("decoder must return a tuple (object, integer)")
    v = r[0]
    if not isinstance(v, str):
        raise TypeError("'%.400s' decoder returned '%.400s' instead of 'str'; use "
                        "codecs.decode() to decode to arbitrary types"
                        % (encoding, type(v).__name__))
    return v


# --- error handlers (Python/codecs.c) ---

def _wrong_exc(exc):
    return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise _wrong_exc(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    raise _wrong_exc(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return (''.join('&#%d;' % ord(c) for c in exc.object[exc.start:exc.end]), exc.end)
    raise _wrong_exc(exc)


def _hexesc(cp):
    if cp < 0x100:
        return '\\x%02x' % cp
    if cp < 0x10000:
        return '\\u%04x' % cp
    return '\\U%08x' % cp


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        return (''.join('\\x%02x' % b for b in exc.object[exc.start:exc.end]), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return (''.join(_hexesc(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end)
    raise _wrong_exc(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = []
        for c in exc.object[exc.start:exc.end]:
            try:
                import unicodedata
                out.append('\\N{%s}' % unicodedata.name(c))
            except (ImportError, ValueError):
                out.append(_hexesc(ord(c)))
        return (''.join(out), exc.end)
    raise _wrong_exc(exc)


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end][:4]:
            if b < 128:
                raise exc
            out.append(chr(0xDC00 + b))
        return (''.join(out), exc.start + len(out))
    if isinstance(exc, UnicodeEncodeError):
        out = []
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xDC80 <= cp <= 0xDCFF:
                raise exc
            out.append(cp - 0xDC00)
        return (bytes(out), exc.end)
    raise _wrong_exc(exc)


def surrogatepass_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            cp = ord(c)
            if not 0xD800 <= cp <= 0xDFFF:
                raise exc
            out += c.encode('utf-8', 'surrogatepass')
        return (bytes(out), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        b = exc.object[exc.start:exc.start + 3]
        if len(b) == 3 and b[0] & 0xF0 == 0xE0 and b[1] & 0xC0 == 0x80 and b[2] & 0xC0 == 0x80:
            cp = ((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F)
            if 0xD800 <= cp <= 0xDFFF:
                return (chr(cp), exc.start + 3)
        raise exc
    raise _wrong_exc(exc)


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'backslashreplace': backslashreplace_errors,
    'namereplace': namereplace_errors,
    'surrogateescape': surrogateescape_errors,
    'surrogatepass': surrogatepass_errors,
}
_NATIVE_HANDLERS = frozenset(_error_handlers)


def register_error(errors, handler):
    if not isinstance(errors, str):
        raise TypeError("register_error() argument 1 must be str, not %s" % type(errors).__name__)
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[errors] = handler


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s" % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%.400s'" % name) from None


def _call_handler(errors, exc):
    # Calls the error handler; returns (replacement, new position).
    handler = lookup_error('strict' if errors is None else errors)
    r = handler(exc)
    if not isinstance(r, tuple) or len(r) != 2 or not isinstance(r[1], int):
        if isinstance(exc, UnicodeDecodeError):
            raise TypeError("decoding error handler must return (str, int) tuple")
        raise TypeError("encoding error handler must return (str/bytes, int) tuple")
    rep, pos = r
    n = len(exc.object)
    if pos < 0:
        pos += n
    if not 0 <= pos <= n:
        raise IndexError("position %d from error handler out of bounds" % r[1])
    return rep, pos


def _buffer(data):
    # The "s*"/"y*" argument conversion: str is encoded as UTF-8.
    if isinstance(data, str):
        return data.encode('utf-8', 'surrogatepass')
    if isinstance(data, bytes):
        return data
    return bytes(memoryview(data))


def _str_arg(fname, s):
    if not isinstance(s, str):
        raise TypeError("%s() argument 1 must be str, not %s" % (fname, type(s).__name__))
    return s


def _errs(errors):
    return 'strict' if errors is None else errors


# --- native codecs ---

def _native_encode(fname, enc, s, errors):
    _str_arg(fname, s)
    errors = _errs(errors)
    if errors in _NATIVE_HANDLERS:
        return (s.encode(enc, errors), len(s))
    # A handler registered from Python: encode piecewise around the failures.
    out = bytearray()
    i = 0
    n = len(s)
    while i < n:
        try:
            out += s[i:].encode(enc, 'strict')
            break
        except UnicodeEncodeError as e:
            out += s[i:i + e.start].encode(enc, 'strict')
            exc = UnicodeEncodeError(e.encoding, s, i + e.start, i + e.end, e.reason)
            rep, i = _call_handler(errors, exc)
            out += rep.encode(enc, 'strict') if isinstance(rep, str) else rep
    return (bytes(out), n)


def _native_decode(enc, data, errors):
    errors = _errs(errors)
    if errors in _NATIVE_HANDLERS:
        return data.decode(enc, errors)
    out = []
    i = 0
    n = len(data)
    while i < n:
        try:
            out.append(data[i:].decode(enc, 'strict'))
            break
        except UnicodeDecodeError as e:
            out.append(data[i:i + e.start].decode(enc, 'strict'))
            exc = UnicodeDecodeError(e.encoding, data, i + e.start, i + e.end, e.reason)
            rep, i = _call_handler(errors, exc)
            out.append(rep)
    return ''.join(out)


def utf_8_encode(str, errors=None):
    return _native_encode('utf_8_encode', 'utf-8', str, errors)


def _utf8_complete(b):
    # Length of the prefix of b that holds no incomplete trailing UTF-8 sequence.
    n = len(b)
    for k in range(1, 4):
        if k > n:
            break
        c = b[n - k]
        if c & 0xC0 == 0x80:
            continue
        if c >= 0xC2:
            need = 2 if c < 0xE0 else 3 if c < 0xF0 else 4 if c < 0xF5 else 0
            if need > k:
                return n - k
        break
    return n


def utf_8_decode(data, errors=None, final=False):
    b = _buffer(data)
    n = len(b) if final else _utf8_complete(b)
    return (_native_decode('utf-8', b[:n], errors), n)


def ascii_encode(str, errors=None):
    return _native_encode('ascii_encode', 'ascii', str, errors)


def ascii_decode(data, errors=None):
    b = _buffer(data)
    return (_native_decode('ascii', b, errors), len(b))


def latin_1_encode(str, errors=None):
    return _native_encode('latin_1_encode', 'latin-1', str, errors)


def latin_1_decode(data, errors=None):
    b = _buffer(data)
    return (_native_decode('latin-1', b, errors), len(b))


def _utf16_complete(b, le, final):
    n = len(b)
    if final:
        return n
    n -= n % 2
    if n >= 2:
        hi = b[n - 1] if le else b[n - 2]
        if 0xD8 <= hi <= 0xDB:
            n -= 2
    return n


def _utf32_complete(b, final):
    n = len(b)
    return n if final else n - n % 4


def utf_16_encode(str, errors=None, byteorder=0):
    enc = 'utf-16' if byteorder == 0 else 'utf-16-le' if byteorder < 0 else 'utf-16-be'
    return _native_encode('utf_16_encode', enc, str, errors)


def utf_16_le_encode(str, errors=None):
    return _native_encode('utf_16_le_encode', 'utf-16-le', str, errors)


def utf_16_be_encode(str, errors=None):
    return _native_encode('utf_16_be_encode', 'utf-16-be', str, errors)


def utf_16_le_decode(data, errors=None, final=False):
    b = _buffer(data)
    n = _utf16_complete(b, True, final)
    return (_native_decode('utf-16-le', b[:n], errors), n)


def utf_16_be_decode(data, errors=None, final=False):
    b = _buffer(data)
    n = _utf16_complete(b, False, final)
    return (_native_decode('utf-16-be', b[:n], errors), n)


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
    b = _buffer(data)
    enc = 'utf-16-le' if byteorder < 0 else 'utf-16-be' if byteorder > 0 else 'utf-16'
    if byteorder == 0:
        if b[:2] == b'\xff\xfe':
            byteorder = -1
        elif b[:2] == b'\xfe\xff':
            byteorder = 1
    n = _utf16_complete(b, byteorder <= 0, final)
    return (_native_decode(enc, b[:n], errors), n, byteorder)


def utf_16_decode(data, errors=None, final=False):
    s, n, _ = utf_16_ex_decode(data, errors, 0, final)
    return (s, n)


def utf_32_encode(str, errors=None, byteorder=0):
    enc = 'utf-32' if byteorder == 0 else 'utf-32-le' if byteorder < 0 else 'utf-32-be'
    return _native_encode('utf_32_encode', enc, str, errors)


def utf_32_le_encode(str, errors=None):
    return _native_encode('utf_32_le_encode', 'utf-32-le', str, errors)


def utf_32_be_encode(str, errors=None):
    return _native_encode('utf_32_be_encode', 'utf-32-be', str, errors)


def utf_32_le_decode(data, errors=None, final=False):
    b = _buffer(data)
    n = _utf32_complete(b, final)
    return (_native_decode('utf-32-le', b[:n], errors), n)


def utf_32_be_decode(data, errors=None, final=False):
    b = _buffer(data)
    n = _utf32_complete(b, final)
    return (_native_decode('utf-32-be', b[:n], errors), n)


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False):
    b = _buffer(data)
    enc = 'utf-32-le' if byteorder < 0 else 'utf-32-be' if byteorder > 0 else 'utf-32'
    if byteorder == 0:
        if b[:4] == b'\xff\xfe\x00\x00':
            byteorder = -1
        elif b[:4] == b'\x00\x00\xfe\xff':
            byteorder = 1
    n = _utf32_complete(b, final)
    return (_native_decode(enc, b[:n], errors), n, byteorder)


def utf_32_decode(data, errors=None, final=False):
    s, n, _ = utf_32_ex_decode(data, errors, 0, final)
    return (s, n)


def readbuffer_encode(data, errors=None):
    b = _buffer(data)
    return (b, len(b))


# --- escape codecs ---

def _encode_with_handler(fname, codec, s, errors, encode_char):
    # encode_char(cp) -> bytes or None (unencodable).
    out = bytearray()
    i = 0
    n = len(s)
    while i < n:
        r = encode_char(ord(s[i]))
        if r is not None:
            out += r
            i += 1
            continue
        j = i + 1
        while j < n and encode_char(ord(s[j])) is None:
            j += 1
        exc = UnicodeEncodeError(codec, s, i, j, "character maps to <undefined>")
        rep, i = _call_handler(errors, exc)
        if isinstance(rep, str):
            for c in rep:
                r = encode_char(ord(c))
                if r is None:
                    raise exc
                out += r
        else:
            out += rep
    return (bytes(out), n)


def unicode_escape_encode(str, errors=None):
    _str_arg('unicode_escape_encode', str)
    out = []
    for c in str:
        cp = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif c == '\t':
            out.append('\\t')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif cp < 0x20 or cp >= 0x7F:
            out.append(_hexesc(cp))
        else:
            out.append(c)
    return (''.join(out).encode('ascii'), len(str))


def raw_unicode_escape_encode(str, errors=None):
    _str_arg('raw_unicode_escape_encode', str)
    out = bytearray()
    for c in str:
        cp = ord(c)
        if cp >= 0x10000:
            out += b'\\U%08x' % cp
        elif cp >= 0x100:
            out += b'\\u%04x' % cp
        else:
            out.append(cp)
    return (bytes(out), len(str))


_SIMPLE_ESCAPES = {
    0x5C: '\\', 0x27: "'", 0x22: '"', 0x62: '\b', 0x66: '\f', 0x74: '\t',
    0x6E: '\n', 0x72: '\r', 0x76: '\v', 0x61: '\a', 0x0A: '',
}
_HEX = b'0123456789abcdefABCDEF'


def _decode_escapes(b, errors, final, raw):
    # unicode_escape (raw=False) and raw_unicode_escape (raw=True) decoding.
    codec = 'rawunicodeescape' if raw else 'unicodeescape'
    out = []
    n = len(b)
    i = 0
    while i < n:
        c = b[i]
        if c != 0x5C:
            out.append(chr(c))
            i += 1
            continue
        start = i
        if raw:
            # An odd run of backslashes before u/U starts an escape.
            j = i
            while j < n and b[j] == 0x5C:
                j += 1
            if (j - i) % 2 == 0 or j >= n or b[j] not in (0x75, 0x55):
                if j >= n and (j - i) % 2 == 1 and not final:
                    out.append('\\' * (j - i - 1))
                    return ''.join(out), j - 1
                out.append('\\' * (j - i))
                i = j
                continue
            out.append('\\' * (j - i - 1))
            start = j - 1
            i = j
        else:
            i += 1
            if i >= n:
                if not final:
                    return ''.join(out), start
                msg, end = "\\ at end of string", n
                exc = UnicodeDecodeError(codec, b, start, end, msg)
                rep, i = _call_handler(errors, exc)
                out.append(rep)
                continue
        c = b[i]
        i += 1
        if not raw and c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
            continue
        if not raw and 0x30 <= c <= 0x37:
            v = c - 0x30
            for _ in range(2):
                if i < n and 0x30 <= b[i] <= 0x37:
                    v = v * 8 + b[i] - 0x30
                    i += 1
                else:
                    break
            out.append(chr(v))
            continue
        count = {0x78: 2, 0x75: 4, 0x55: 8}.get(c)
        if (raw and c == 0x78) or count is None:
            if not raw and c == 0x4E:
                # \N{name}
                msg = "malformed \\N character escape"
                if i < n and b[i] == 0x7B:
                    j = b.find(b'}', i + 1)
                    if j > i + 1:
                        name = b[i + 1:j].decode('latin-1')
                        try:
                            import unicodedata
                            out.append(unicodedata.lookup(name))
                            i = j + 1
                            continue
                        except (ImportError, KeyError):
                            msg = "unknown Unicode character name"
                            i = j + 1
                    elif j < 0:
                        if not final:
                            return ''.join(out), start
                        i = n
                    else:
                        i = j
                elif i >= n and not final:
                    return ''.join(out), start
                exc = UnicodeDecodeError(codec, b, start, i, msg)
                rep, i = _call_handler(errors, exc)
                out.append(rep)
                continue
            out.append('\\' + chr(c))
            continue
        v = 0
        k = 0
        while k < count and i < n and b[i] in _HEX:
            v = v * 16 + int(chr(b[i]), 16)
            i += 1
            k += 1
        if k < count:
            if i >= n and not final:
                return ''.join(out), start
            name = {2: 'xXX', 4: 'uXXXX', 8: 'UXXXXXXXX'}[count]
            exc = UnicodeDecodeError(codec, b, start, i, "truncated \\%s escape" % name)
            rep, i = _call_handler(errors, exc)
            out.append(rep)
            continue
        if v > 0x10FFFF:
            msg = "\\Uxxxxxxxx out of range" if raw else "illegal Unicode character"
            exc = UnicodeDecodeError(codec, b, start, i, msg)
            rep, i = _call_handler(errors, exc)
            out.append(rep)
            continue
        out.append(chr(v))
    return ''.join(out), n


def unicode_escape_decode(data, errors=None, final=True):
    b = _buffer(data)
    return _decode_escapes(b, errors, final, False)


def raw_unicode_escape_decode(data, errors=None, final=True):
    b = _buffer(data)
    return _decode_escapes(b, errors, final, True)


def escape_encode(data, errors=None):
    if not isinstance(data, bytes):
        raise TypeError("escape_encode() argument 1 must be bytes, not %s"
                        % type(data).__name__)
    r = repr(data)
    # repr(bytes) picks its quotes; escape_encode always escapes "'" and never '"'.
    body = r[2:-1]
    if r[1] == '"':
        body = body.replace("'", "\\'")
    return (body.encode('ascii'), len(data))


def escape_decode(data, errors=None):
    b = _buffer(data)
    out = bytearray()
    n = len(b)
    i = 0
    while i < n:
        c = b[i]
        if c != 0x5C:
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise ValueError("Trailing \\ in string")
        c = b[i]
        i += 1
        if c in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[c].encode('latin-1')
        elif 0x30 <= c <= 0x37:
            v = c - 0x30
            for _ in range(2):
                if i < n and 0x30 <= b[i] <= 0x37:
                    v = v * 8 + b[i] - 0x30
                    i += 1
                else:
                    break
            out.append(v & 0xFF)
        elif c == 0x78:
            if i + 1 < n and b[i] in _HEX and b[i + 1] in _HEX:
                out.append(int(b[i:i + 2].decode('ascii'), 16))
                i += 2
            else:
                e = _errs(errors)
                if e == 'strict':
                    raise ValueError("invalid \\x escape at position %d" % (i - 2))
                if e == 'replace':
                    out.append(0x3F)
                elif e != 'ignore':
                    raise ValueError("decoding error; unknown error handling code: %s" % e)
                while i < n and b[i] in _HEX and i < n:
                    i += 1
                    break
        else:
            out.append(0x5C)
            out.append(c)
    return (bytes(out), n)


# --- charmap ---

def charmap_build(map):
    if not isinstance(map, str):
        raise TypeError("charmap_build() argument must be str, not %s" % type(map).__name__)
    return {ord(c): i for i, c in enumerate(map)}


def charmap_decode(data, errors=None, mapping=None):
    b = _buffer(data)
    if mapping is None:
        return latin_1_decode(b, errors)
    out = []
    n = len(b)
    i = 0
    while i < n:
        c = b[i]
        try:
            if isinstance(mapping, str):
                if c >= len(mapping):
                    raise LookupError
                r = mapping[c]
                if r == '\ufffe':
                    r = None
            else:
                r = mapping[c]
        except LookupError:
            r = None
        if r is None:
            exc = UnicodeDecodeError('charmap', b, i, i + 1, "character maps to <undefined>")
            rep, i = _call_handler(errors, exc)
            out.append(rep)
            continue
        if isinstance(r, int):
            if not 0 <= r <= 0x10FFFF:
                raise TypeError("character mapping must be in range(0x110000)")
            r = chr(r)
        elif not isinstance(r, str):
            raise TypeError("character mapping must return integer, None or str")
        out.append(r)
        i += 1
    return (''.join(out), n)


def charmap_encode(str, errors=None, mapping=None):
    _str_arg('charmap_encode', str)
    if mapping is None:
        return latin_1_encode(str, errors)

    def one(cp):
        try:
            r = mapping[cp]
        except LookupError:
            return None
        if r is None:
            return None
        if isinstance(r, int):
            if not 0 <= r < 256:
                raise TypeError("character mapping must be in range(256)")
            return bytes((r,))
        if isinstance(r, bytes):
            return r
        raise TypeError("character mapping must return integer, bytes or None, not %s"
                        % type(r).__name__)

    return _encode_with_handler('charmap_encode', 'charmap', str, errors, one)


# --- module functions behave as builtin functions: no binding as methods ---

class _BuiltinFunction:
    # CPython's module functions are builtin functions, which do not bind when stored
    # as class attributes (encodings.latin_1.Codec.encode = codecs.latin_1_encode).
    __slots__ = ('__wrapped__', '__name__')

    def __init__(self, f):
        self.__wrapped__ = f
        self.__name__ = f.__name__

    def __call__(self, *args, **kwargs):
        try:
            return self.__wrapped__(*args, **kwargs)
        except BaseException as e:
            # An error leaves as from C code: without the frames of this module, whose
            # locals would otherwise keep the exception in a reference cycle.
            raise e.with_traceback(None)

    def __repr__(self):
        return '<built-in function %s>' % self.__name__

    @property
    def __doc__(self):
        return self.__wrapped__.__doc__

    @property
    def __module__(self):
        return '_codecs'


_BuiltinFunction.__name__ = _BuiltinFunction.__qualname__ = 'builtin_function_or_method'


def _wrap_all():
    g = globals()
    for name, f in list(g.items()):
        if type(f) is type(_wrap_all) and not name.startswith('_'):
            g[name] = _BuiltinFunction(f)
    for name, f in list(_error_handlers.items()):
        w = g.pop(f.__name__)
        if name in ('surrogateescape', 'surrogatepass'):
            w.__name__ = name
        _error_handlers[name] = w


_wrap_all()
del _wrap_all
