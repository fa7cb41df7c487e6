# str(): conversion of numbers, containers, bytes with encodings, and errors.
print(str(123), str(-0.5), str(1e100), str(True), str(None), str([1, "a"]), str({"a": (1,)}), str(b"b"), str(1 + 2j))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "latin-1"), str(b"\xff", encoding="utf-8", errors="replace"))
print(repr(str()), str("already"), str(str), str(ValueError("msg")), str(KeyError("k")), str(Exception()))
for bad in ((b"\xff", "utf-8"), (1, "utf-8"), ("s", "utf-8")):
    try:
        str(*bad)
    except (UnicodeDecodeError, TypeError) as e:
        print(type(e).__name__, e)
print(str(10 ** 50), str(2.0 ** 0.5), str(1 / 3), str(100.0), str(1e16), str(123456789.0))
