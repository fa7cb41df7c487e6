# The Python half of refvm's `_sre` module (Modules/_sre/sre.c): the Pattern, Match and
# SRE_Scanner types over the native engine primitives _code, _run and _all.

_MAXSIZE = 9223372036854775807

_FLAG_NAMES = (
    ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4), ("re.MULTILINE", 8),
    ("re.DOTALL", 16), ("re.UNICODE", 32), ("re.VERBOSE", 64), ("re.DEBUG", 128),
    ("re.ASCII", 256),
)


def _slice(s, a, b):
    t = type(s)
    if t is str or t is bytes:
        return s[a:b]
    if isinstance(s, str):
        return str.__getitem__(s, slice(a, b))
    return bytes(s[a:b])


def _isbytes(pattern):
    if isinstance(pattern, str):
        return 0
    if isinstance(pattern, (bytes, bytearray, memoryview)):
        return 1
    raise TypeError("expected string or bytes-like object, got '%s'"
                    % type(pattern).__name__)


def _new_match(pattern, string, r):
    m = object.__new__(Match)
    m._re = pattern
    m._string = string
    m._m = r
    return m


class Pattern:
    "Compiled regular expression object."
    __slots__ = ("_pattern", "_flags", "_groups", "_groupindex", "_indexgroup",
                 "_code", "_isbytes", "__weakref__")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def pattern(self):
        "The pattern string from which the RE object was compiled."
        return self._pattern

    @property
    def flags(self):
        "The regex matching flags."
        return self._flags

    @property
    def groups(self):
        "The number of capturing groups in the pattern."
        return self._groups

    @property
    def groupindex(self):
        "A dictionary mapping group names to group numbers."
        gi = self._groupindex
        return _mappingproxy(gi if gi is not None else {})

    def match(self, string, pos=0, endpos=_MAXSIZE):
        "Matches zero or more characters at the beginning of the string."
        r = _run(self._code, self._isbytes, string, pos, endpos, self._groups, 0, False, -1)
        return None if r is None else _new_match(self, string, r)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        "Matches against all of the string."
        r = _run(self._code, self._isbytes, string, pos, endpos, self._groups, 1, False, -1)
        return None if r is None else _new_match(self, string, r)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."
        r = _run(self._code, self._isbytes, string, pos, endpos, self._groups, 2, False, -1)
        return None if r is None else _new_match(self, string, r)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        "Return a list of all non-overlapping matches of pattern in string."
        res = _all(self._code, self._isbytes, string, pos, endpos, self._groups, 0, True)
        if type(string) is str or type(string) is bytes:
            return res
        out = []
        g = self._groups
        for r in res:
            if g == 0:
                out.append(_slice(string, r[3], r[4]))
            elif g == 1:
                out.append(_slice(string, r[5], r[6]) if r[5] >= 0 else _slice(string, 0, 0))
            else:
                out.append(tuple(_slice(string, r[3 + 2 * i], r[4 + 2 * i])
                                 if r[3 + 2 * i] >= 0 else _slice(string, 0, 0)
                                 for i in range(1, g + 1)))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."
        return iter(SRE_Scanner(self, string, pos, endpos).search, None)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return SRE_Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        "Split string by the occurrences of pattern."
        res = _all(self._code, self._isbytes, string, 0, _MAXSIZE, self._groups, maxsplit, False)
        out = []
        last = 0
        g = self._groups
        for r in res:
            out.append(_slice(string, last, r[3]))
            for i in range(1, g + 1):
                s = r[3 + 2 * i]
                out.append(_slice(string, s, r[4 + 2 * i]) if s >= 0 else None)
            last = r[4]
        endpos = res[0][1] if res else len(string)
        out.append(_slice(string, last, endpos))
        return out

    def _subx(self, repl, string, count, subn):
        if callable(repl):
            filt = repl
            is_call = True
        else:
            if isinstance(repl, str):
                literal = "\\" not in repl
            elif isinstance(repl, (bytes, bytearray, memoryview)):
                literal = b"\\" not in bytes(repl)
            else:
                literal = False
            if literal:
                filt = repl
                is_call = False
            else:
                filt = __import__("re")._subx(self, repl)
                is_call = callable(filt)
        res = _all(self._code, self._isbytes, string, 0, _MAXSIZE, self._groups, count, False)
        out = []
        i = 0
        for r in res:
            b = r[3]
            if i < b:
                out.append(_slice(string, i, b))
            if is_call:
                item = filt(_new_match(self, string, r))
            else:
                item = filt
            if item is not None:
                out.append(item)
            i = r[4]
        endpos = res[0][1] if res else len(string)
        if i < endpos:
            out.append(_slice(string, i, endpos))
        joiner = _slice(string, 0, 0)
        if not out:
            item = joiner
        else:
            item = joiner.join(out)
        if subn:
            return item, len(res)
        return item

    def sub(self, repl, string, count=0):
        "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."
        return self._subx(repl, string, count, False)

    def subn(self, repl, string, count=0):
        "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."
        return self._subx(repl, string, count, True)

    def __repr__(self):
        flags = self._flags
        if self._isbytes == 0 and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        items = []
        for name, value in _FLAG_NAMES:
            if flags & value:
                items.append(name)
                flags &= ~value
        if flags:
            items.append("0x%x" % flags)
        r = repr(self._pattern)[:200]
        if items:
            return "re.compile(%s, %s)" % (r, "|".join(items))
        return "re.compile(%s)" % r

    def __eq__(self, other):
        if type(other) is not Pattern:
            return NotImplemented
        if self is other:
            return True
        return (self._flags == other._flags and self._isbytes == other._isbytes
                and self._code == other._code and self._pattern == other._pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        h = hash(self._pattern) ^ hash(self._code)
        return h ^ self._flags ^ self._isbytes ^ (len(self._code) // 4)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (__import__("re")._compile, (self._pattern, self._flags))

    @classmethod
    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


Pattern.__module__ = "re"


class Match:
    "The result of re.match() and re.search().\nMatch objects always have a boolean value of True."
    __slots__ = ("_re", "_string", "_m")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, g):
        if type(g) is int:
            i = g
        elif isinstance(g, int) or hasattr(type(g), "__index__"):
            i = type(g).__index__(g)
        else:
            i = -1
            gi = self._re._groupindex
            if gi is not None:
                try:
                    v = gi[g]
                except KeyError:
                    v = None
                if isinstance(v, int):
                    i = v
        if i < 0 or i > self._re._groups:
            raise IndexError("no such group")
        return i

    def _get(self, i, default=None):
        m = self._m
        s = m[3 + 2 * i]
        if s < 0:
            return default
        return _slice(self._string, s, m[4 + 2 * i])

    def group(self, *args):
        """group([group1, ...]) -> str or tuple.
    Return subgroup(s) of the match by indices or names.
    For 0 returns the entire match."""
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple([self._get(self._index(a)) for a in args])

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."
        return tuple([self._get(i, default) for i in range(1, self._re._groups + 1)])

    def groupdict(self, default=None):
        "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."
        gi = self._re._groupindex
        d = {}
        if gi:
            for k in gi:
                d[k] = self._get(self._index(k), default)
        return d

    def start(self, group=0):
        "Return index of the start of the substring matched by group."
        return self._m[3 + 2 * self._index(group)]

    def end(self, group=0):
        "Return index of the end of the substring matched by group."
        return self._m[4 + 2 * self._index(group)]

    def span(self, group=0):
        "For match object m, return the 2-tuple (m.start(group), m.end(group))."
        i = self._index(group)
        return (self._m[3 + 2 * i], self._m[4 + 2 * i])

    def expand(self, template):
        "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."
        return __import__("re")._expand(self._re, self, template)

    @property
    def string(self):
        "The string passed to match() or search()."
        return self._string

    @property
    def re(self):
        "The regular expression object."
        return self._re

    @property
    def pos(self):
        "The index into the string at which the RE engine started looking for a match."
        return self._m[0]

    @property
    def endpos(self):
        "The index into the string beyond which the RE engine will not go."
        return self._m[1]

    @property
    def lastindex(self):
        "The integer index of the last matched capturing group."
        i = self._m[2]
        return None if i < 0 else i

    @property
    def lastgroup(self):
        "The name of the last matched capturing group."
        i = self._m[2]
        ig = self._re._indexgroup
        if ig is not None and 0 <= i < len(ig):
            return ig[i]
        return None

    @property
    def regs(self):
        m = self._m
        return tuple([(m[3 + 2 * i], m[4 + 2 * i]) for i in range(self._re._groups + 1)])

    def __repr__(self):
        m = self._m
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            m[3], m[4], repr(self._get(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @classmethod
    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


Match.__module__ = "re"


class SRE_Scanner:
    __slots__ = ("_pattern", "_string", "_pos", "_endpos", "_start", "_must_advance")

    def __init__(self, pattern, string, pos, endpos):
        # Check the subject's type and the position arguments as state_init does.
        _run(pattern._code, pattern._isbytes, string, pos, endpos, pattern._groups, 3, False, -1)
        self._pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._start = -1
        self._must_advance = False

    @property
    def pattern(self):
        return self._pattern

    def _step(self, mode):
        if self._start is None:
            return None
        p = self._pattern
        r = _run(p._code, p._isbytes, self._string, self._pos, self._endpos, p._groups,
                 mode, self._must_advance, self._start)
        if r is None:
            self._start = None
            return None
        self._must_advance = r[4] == r[3]
        self._start = r[4]
        return _new_match(p, self._string, r)

    def match(self):
        return self._step(0)

    def search(self):
        return self._step(2)


SRE_Scanner.__module__ = "_sre"


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    "Compile a regular expression pattern, returning a Pattern object."
    self = object.__new__(Pattern)
    if type(code) is not list:
        raise TypeError("compile() argument 'code' must be list, not %s"
                        % type(code).__name__)
    self._code = _code(code)
    self._isbytes = -1 if pattern is None else _isbytes(pattern)
    self._pattern = pattern
    self._flags = flags
    self._groups = groups
    if groupindex:
        self._groupindex = groupindex
        self._indexgroup = indexgroup
    else:
        self._groupindex = None
        self._indexgroup = None
    _validate(self._code, groups)
    return self


def _mappingproxy(d):
    global _mappingproxy
    _mappingproxy = type(type.__dict__)
    return _mappingproxy(d)
