"""string helper module.

refvm's _string: CPython implements this module in C (Objects/stringlib/unicode_format.h,
reached through Modules/_string). These functions follow that parser: the same
fields, the same ValueError messages.
"""


def _parse_field(s, i, n):
    # Returns (field_name, conversion, format_spec, next_index); s[i-1] was '{'.
    start = i
    depth = 1
    bracket = False
    while i < n:
        c = s[i]
        if c == '[':
            bracket = True
        elif c == ']':
            bracket = False
        elif c == '{' and not bracket:
            depth += 1
        elif c == '}' and not bracket:
            depth -= 1
            if depth == 0:
                break
        i += 1
    if depth != 0:
        raise ValueError("expected '}' before end of string")
    field = s[start:i]
    # Split the field into name, conversion and spec (outside brackets).
    j = 0
    m = len(field)
    bracket = False
    while j < m:
        c = field[j]
        if c == '[':
            bracket = True
        elif c == ']':
            bracket = False
        elif not bracket and c in '!:':
            break
        j += 1
    name = field[:j]
    conversion = None
    spec = ''
    if j < m:
        if field[j] == '!':
            if j + 1 >= m:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = field[j + 1]
            k = j + 2
            if k < m:
                if field[k] != ':':
                    raise ValueError("expected ':' after conversion specifier")
                spec = field[k + 1:]
        else:
            spec = field[j + 1:]
    return name, conversion, spec, i + 1


def formatter_parser(s):
    if not isinstance(s, str):
        raise TypeError("descriptor 'formatter_parser' for 'str' objects doesn't apply to a '%s' object" % type(s).__name__)
    return iter(_parse(s))


def _parse(s):
    out = []
    i = 0
    n = len(s)
    literal = []
    while i < n:
        c = s[i]
        if c == '{':
            if i + 1 < n and s[i + 1] == '{':
                literal.append('{')
                out.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            name, conv, spec, i = _parse_field(s, i + 1, n)
            out.append((''.join(literal), name, spec, conv))
            literal = []
            continue
        if c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                out.append((''.join(literal), None, None, None))
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        literal.append(c)
        i += 1
    if literal:
        out.append((''.join(literal), None, None, None))
    return out


def _as_key(t):
    return int(t) if t.isdigit() else t


def formatter_field_name_split(name):
    if not isinstance(name, str):
        raise TypeError("descriptor 'formatter_field_name_split' for 'str' objects doesn't apply to a '%s' object" % type(name).__name__)
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    first = _as_key(first) if first else first
    rest = []
    while i < n:
        c = name[i]
        if c == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            rest.append((True, attr))
            i = j
        elif c == '[':
            j = name.find(']', i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            rest.append((False, _as_key(key)))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, iter(rest)
