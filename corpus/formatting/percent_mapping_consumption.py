# '%' with a mapping: a key lookup uses up the argument, so a later positional
# conversion finds nothing; a positional conversion first may take the mapping itself.
cases = [
    ("%(a)s", {"a": 1}),
    ("%s %(a)s %(a)s", {"a": 1}),
    ("%(a)s %s", {"a": 1}),
    ("%(a)s %(b)s %s", {"a": 1, "b": 2}),
    ("%s", {"a": 1}),
    ("%s %s", {"a": 1}),
    ("no fields", {"a": 1}),
    ("%(a)d%%", {"a": 5}),
    ("%(missing)s", {"a": 1}),
]
for fmt, arg in cases:
    try:
        print(repr(fmt), "->", repr(fmt % arg))
    except (TypeError, KeyError) as e:
        print(repr(fmt), "->", type(e).__name__, e)
try:
    print(b"%(k)s %(k)s" % {b"k": b"v"})
    print(b"%(k)s %s" % {b"k": b"v"})
except TypeError as e:
    print("TypeError", e)
