# Error messages from common string misuse.
tests = [
    lambda: "abc" + 5,
    lambda: "abc"[5],
    lambda: "abc".index("d"),
    lambda: "abc" - "a",
    lambda: int("abc"),
    lambda: "a".join(5),
    lambda: "abc".foo,
    lambda: "%d" % "x",
    lambda: "%s %s" % ("a",),
    lambda: "%s" % ("a", "b"),
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: "{x}".format(y=1),
    lambda: "abc".center(),
    lambda: "abc".center(10, "ab"),
    lambda: ord("ab"),
    lambda: chr(-1),
    lambda: "abc".replace("a"),
    lambda: "x".encode("no-such-codec"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__, e)
