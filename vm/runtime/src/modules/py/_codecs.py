"""refvm's `_codecs` (CPython's `Modules/_codecsmodule.c` and `Python/codecs.c`): the codec
registry (search functions, the lookup cache, error handlers) and the encoder/decoder
functions of the codecs refvm implements natively in `str.encode` / `bytes.decode`."""

_search_path = []
_cache = {}
_error_handlers = {}
_initialized = False


def _normalize(encoding):
    # normalizestring(): lower case, spaces become hyphens... then the registry keys.
    return encoding.lower().replace(" ", "_")


def register(search_function):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_path.append(search_function)


def unregister(search_function):
    if search_function in _search_path:
        _search_path.remove(search_function)
        _cache.clear()


def _init():
    global _initialized
    if not _initialized:
        _initialized = True
        import encodings  # registers encodings.search_function


def lookup(encoding):
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    _init()
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    for func in _search_path:
        result = func(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _cache[key] = result
        return result
    raise LookupError("unknown encoding: %s" % encoding)


def encode(obj, encoding="utf-8", errors="strict"):
    return lookup(encoding)[0](obj, errors)[0]


def decode(obj, encoding="utf-8", errors="strict"):
    return lookup(encoding)[1](obj, errors)[0]


def register_error(name, handler):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = handler


def _builtin_handler(name):
    def handler(exc):
        raise exc
    handler.__name__ = name + "_errors"
    return handler


for _name in ("strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
              "namereplace", "surrogateescape", "surrogatepass"):
    _error_handlers[_name] = _builtin_handler(_name)
del _name


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def _encoder(codec):
    def enc(s, errors=None):
        return s.encode(codec, errors or "strict"), len(s)
    enc.__name__ = codec.replace("-", "_") + "_encode"
    return enc


def _decoder(codec):
    def dec(data, errors=None, final=False):
        data = bytes(data)
        return data.decode(codec, errors or "strict"), len(data)
    dec.__name__ = codec.replace("-", "_") + "_decode"
    return dec


utf_8_encode = _encoder("utf-8")
utf_8_decode = _decoder("utf-8")
ascii_encode = _encoder("ascii")
ascii_decode = _decoder("ascii")
latin_1_encode = _encoder("latin-1")
latin_1_decode = _decoder("latin-1")
utf_16_encode = _encoder("utf-16")
utf_16_decode = _decoder("utf-16")
utf_16_le_encode = _encoder("utf-16-le")
utf_16_le_decode = _decoder("utf-16-le")
utf_16_be_encode = _encoder("utf-16-be")
utf_16_be_decode = _decoder("utf-16-be")
utf_32_encode = _encoder("utf-32")
utf_32_decode = _decoder("utf-32")
utf_32_le_encode = _encoder("utf-32-le")
utf_32_le_decode = _decoder("utf-32-le")
utf_32_be_encode = _encoder("utf-32-be")
utf_32_be_decode = _decoder("utf-32-be")
