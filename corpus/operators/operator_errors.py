# Messages of TypeError for unsupported operand types across operators.
class Thing:
    pass
t = Thing()
tests = [
    ("1 + 'a'", lambda: 1 + "a"),
    ("'a' - 'b'", lambda: "a" - "b"),
    ("[] * []", lambda: [] * []),
    ("{} < {}", lambda: {} < {}),
    ("None > 1", lambda: None > 1),
    ("1 @ 1", lambda: 1 @ 1),
    ("t + 1", lambda: t + 1),
    ("1 ** t", lambda: 1 ** t),
    ("t < t", lambda: t < t),
    ("t & 1", lambda: t & 1),
    ("1.5 << 1", lambda: 1.5 << 1),
    ("'a' % t", lambda: "%d" % t),
    ("divmod('a', 1)", lambda: divmod("a", 1)),
    ("(1,) - (1,)", lambda: (1,) - (1,)),
    ("b'a' + bytearray", lambda: b"a" + 1),
    ("1j < 2j", lambda: 1j < 2j),
    ("1j // 2", lambda: 1j // 2),
]
for label, fn in tests:
    try:
        fn()
        print(label, "no error")
    except TypeError as e:
        print(label, "->", str(e).replace("Thing", "T"))
