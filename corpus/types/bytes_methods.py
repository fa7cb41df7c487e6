# A broad tour of bytes methods.
b = b"Hello, World"
print(b.lower(), b.upper(), b.swapcase(), b.title(), b.capitalize(), b.center(16, b"*"), b.ljust(14, b"."), b.rjust(14))
print(b.count(b"l"), b.find(b"o"), b.rfind(b"o"), b.index(b"W"), b.rindex(b"l"), b.find(108), b.count(108))
print(b.startswith(b"Hell"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L", 2), b.split(b", "), b.rsplit(b"o", 1))
print(b" x y ".split(), b"a\nb\r\nc".splitlines(), b.partition(b", "), b.rpartition(b"o"), b"  s ".strip(), b"xxsxx".strip(b"x"))
print(b"-".join([b"a", b"b"]), b.removeprefix(b"Hello"), b.removesuffix(b"World"), b"7".zfill(3), b"a\tb".expandtabs(4))
print(b"abc".isalpha(), b"ab1".isalnum(), b"12".isdigit(), b" ".isspace(), b"Ab Cd".istitle(), b"AB".isupper(), b"ab".islower(), b"\x80".isascii())
print(b.hex(), b.hex(":"), b.hex(" ", 4), bytes.fromhex("48 69"), b.decode(), b"caf\xc3\xa9".decode("utf-8"))
print(b.translate(bytes.maketrans(b"lo", b"01")), b.translate(None, b"lo"), bytes.maketrans(b"a", b"b")[97])
print(b[0], b[-1], b[1:5], b[::-1], b * 2, b + b"!", b"o" in b, 111 in b, len(b), list(b[:3]))
print(sorted(n for n in dir(bytes) if not n.startswith("_")))
