"""The io module provides the Python interfaces to stream handling. The
builtin open function is defined in this module.

refvm's _io: CPython implements this module in C (Modules/_io/). refvm runs programs
without file access, so the in-memory streams StringIO and BytesIO are complete and the
file classes exist (for `io` to import) but opening a file raises PermissionError as the
builtin `open()` does.
"""

DEFAULT_BUFFER_SIZE = 8192

BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"


def _sandbox():
    return PermissionError(1, "refvm sandbox: file access is disabled")


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    raise _sandbox()


def open_code(path):
    raise _sandbox()


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding


class _IOBase:
    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    @property
    def closed(self):
        return getattr(self, "_IOBase__closed", False)

    def close(self):
        self._IOBase__closed = True

    def flush(self):
        self._checkClosed()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def seek(self, *args):
        raise UnsupportedOperation("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, *args):
        raise UnsupportedOperation("truncate")

    def readline(self, size=-1):
        raise UnsupportedOperation("readline")

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class _RawIOBase(_IOBase):
    pass


class _BufferedIOBase(_IOBase):
    def detach(self):
        raise UnsupportedOperation("detach")

    def readinto1(self, buffer):
        return self.readinto(buffer)


class _TextIOBase(_IOBase):
    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    @property
    def newlines(self):
        return None


def _index(pos, what="integer"):
    if pos is None:
        return None
    if not hasattr(type(pos), "__index__"):
        raise TypeError("%r object cannot be interpreted as an integer" % type(pos).__name__)
    return pos.__index__()


class StringIO(_TextIOBase):
    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                "initial_value must be str or None, not %s" % type(initial_value).__name__
            )
        self._newline = newline
        self._seennl = 0
        self._buf = []
        self._value = ""
        self._pos = 0
        self._IOBase__closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _checkClosed(self, msg=None):
        # stringio.c's CHECK_CLOSED message has no full stop.
        if self._IOBase__closed:
            raise ValueError("I/O operation on closed file" if msg is None else msg)

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if nl in ("\r", "\r\n"):
            return s.replace("\n", nl)
        return s

    def getvalue(self):
        self._checkClosed()
        return self._value

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if self._newline is None or self._newline == "":
            # The universal-newlines decoder records the kinds of line ending seen.
            crlf = s.count("\r\n")
            if crlf:
                self._seennl |= 4
            if s.count("\r") > crlf:
                self._seennl |= 1
            if s.count("\n") > crlf:
                self._seennl |= 2
        s = self._translate(s)
        v = self._value
        pos = self._pos
        if pos > len(v):
            v = v + "\0" * (pos - len(v))
        self._value = v[:pos] + s + v[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        self._checkClosed()
        size = _index(size)
        v = self._value
        start = min(self._pos, len(v))
        if size is None or size < 0:
            end = len(v)
        else:
            end = min(len(v), start + size)
        self._pos = max(self._pos, end) if start < len(v) else self._pos
        return v[start:end]

    def readline(self, size=-1):
        self._checkClosed()
        size = _index(size)
        v = self._value
        start = self._pos
        if start >= len(v):
            return ""
        nl = self._newline
        if nl == "":
            ends = []
            for e in ("\r\n", "\n", "\r"):
                i = v.find(e, start)
                if i >= 0:
                    ends.append((i, len(e)))
            if ends:
                i, k = min(ends)
                end = i + k
            else:
                end = len(v)
        else:
            sep = "\n" if nl is None else nl
            i = v.find(sep, start)
            end = len(v) if i < 0 else i + len(sep)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return v[start:end]

    def tell(self):
        self._checkClosed()
        return self._pos

    @property
    def newlines(self):
        self._checkClosed()
        if self._newline is not None and self._newline != "":
            return None
        return (None, "\r", "\n", ("\r", "\n"), "\r\n", ("\r", "\r\n"),
                ("\n", "\r\n"), ("\r", "\n", "\r\n"))[self._seennl]

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = _index(pos)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if pos < 0 and whence == 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = len(self._value)
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        self._checkClosed()
        pos = self._pos if pos is None else _index(pos)
        if pos < 0:
            raise ValueError("Negative size value %d" % pos)
        if pos < len(self._value):
            self._value = self._value[:pos]
        return pos

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self._IOBase__closed = True

    @property
    def closed(self):
        return self._IOBase__closed

    @property
    def line_buffering(self):
        self._checkClosed()
        return False

    def detach(self):
        raise UnsupportedOperation("detach")


class BytesIO(_BufferedIOBase):
    def __init__(self, initial_bytes=None):
        self._value = bytearray()
        self._pos = 0
        self._IOBase__closed = False
        if initial_bytes is not None:
            self._value += memoryview(initial_bytes).tobytes()

    def getvalue(self):
        self._checkClosed()
        return bytes(self._value)

    def getbuffer(self):
        self._checkClosed()
        return memoryview(self._value)

    # bytesio.c defines these on BytesIO itself.
    def flush(self):
        self._checkClosed()

    def isatty(self):
        self._checkClosed()
        return False

    def read1(self, size=-1):
        return self.read(size)

    def readlines(self, size=None):
        self._checkClosed()
        return _IOBase.readlines(self, -1 if size is None else _index(size))

    def writelines(self, lines):
        return _IOBase.writelines(self, lines)

    def write(self, b):
        self._checkClosed()
        try:
            data = memoryview(b).tobytes()
        except TypeError:
            raise TypeError(
                "a bytes-like object is required, not '%s'" % type(b).__name__
            ) from None
        n = len(data)
        if n == 0:
            return 0
        pos = self._pos
        v = self._value
        if pos > len(v):
            v += b"\0" * (pos - len(v))
        v[pos:pos + n] = data
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._checkClosed()
        size = _index(size)
        v = self._value
        start = min(self._pos, len(v))
        end = len(v) if size is None or size < 0 else min(len(v), start + size)
        if start < len(v):
            self._pos = end
        return bytes(v[start:end])

    read1 = read

    def readinto(self, buffer):
        self._checkClosed()
        m = memoryview(buffer)
        data = self.read(len(m))
        m[:len(data)] = data
        return len(data)


    def readline(self, size=-1):
        self._checkClosed()
        size = _index(size)
        v = self._value
        start = self._pos
        if start >= len(v):
            return b""
        i = v.find(b"\n", start)
        end = len(v) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return bytes(v[start:end])

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        pos = _index(pos)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._value) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._checkClosed()
        size = self._pos if size is None else _index(size)
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < len(self._value):
            del self._value[size:]
        return size

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def close(self):
        self._IOBase__closed = True

    @property
    def closed(self):
        return self._IOBase__closed



class FileIO(_RawIOBase):
    def __init__(self, file, mode="r", closefd=True, opener=None):
        raise _sandbox()


class BufferedReader(_BufferedIOBase):
    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw


class BufferedWriter(_BufferedIOBase):
    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw


class BufferedRandom(_BufferedIOBase):
    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw


class BufferedRWPair(_BufferedIOBase):
    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        self.reader = reader
        self.writer = writer


class TextIOWrapper(_TextIOBase):
    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        self.buffer = buffer


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
