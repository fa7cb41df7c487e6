# complex(): whitespace may surround the number and the parentheses but not sit inside
# it; a fractional power whose result overflows raises OverflowError; property() keywords.
for s in ("  1+2j  ", "(1+2j)", " ( 1+2j ) ", "1 +2j", "1+ 2j", "1 + 2j", "( 1j)", "1e5 j", "-j", "(1+2j"):
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for f in (lambda: pow(-2, 2000.5), lambda: pow(-2.0, 2000.5), lambda: complex(-2) ** complex(2000.5),
          lambda: 1e200j ** 2.5, lambda: (-8) ** (1 / 3), lambda: complex(float("nan")) ** 2.5):
    try:
        print(f())
    except OverflowError as e:
        print("OverflowError", e)
for args, kw in (((None,) * 5, {}), ((), {"name": "x"}), ((), {"fget": None, "foo": 1}), ((), {"doc": "d"})):
    try:
        print(property(*args, **kw).__doc__)
    except TypeError as e:
        print("TypeError", e)
