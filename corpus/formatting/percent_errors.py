# Errors raised by % formatting.
cases = [
    ("%d", "x"), ("%d", 1.5j), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", (1,)), ("%(a)s", {}),
    ("%z", 1), ("%", ()), ("%c", 1114112), ("%c", "ab"), ("%x", 1.5), ("abc", 5), ("%*d", ("a", 1)),
    ("%.*f", (1.5, 2.0)),
]
for fmt, args in cases:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(fmt, "->", type(e).__name__, e)
print("%s" % {}, "abc" % (), "%s" % [[]], "no args" % {})
