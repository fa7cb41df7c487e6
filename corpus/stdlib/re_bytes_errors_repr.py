# re: bytes patterns, type errors, re.error positions, Pattern/Match reprs, eq/hash/copy.
import copy
import re

print(re.match(rb"(\d+)-(\d+)", b"12-34").groups(), re.findall(rb"\w+", b"ab cd"))
print(re.sub(rb"a", rb"\\x", b"banana"), re.split(rb",", b"a,b"), re.search(rb"\xff", b"a\xff").span())
print(re.match(rb"(?i)ABC", b"abc"), re.findall(rb"[^\x00-\x7f]", b"a\x80\xffb"))
print(re.match(rb"\w+", bytearray(b"xy z")).group(), re.match(rb"\w", memoryview(b"q")).group())
print(re.findall(b"a", bytearray(b"aba")), re.sub(b"a", b"c", bytearray(b"aba")))
for pat, s in [("a", b"a"), (b"a", "a"), ("a", 5), (5, "a")]:
    try:
        re.match(pat, s)
    except TypeError as e:
        print("TypeError", e)
for bad in ["(", "a)", "[a", "a{2,1}", "*a", r"\p", "(?P<1>a)", "(?P=x)", "a\n(b", "(?<=a+)b",
            "(?z)", "x{70000}"[:0] + "(?P<n>a)(?P<n>b)", r"[z-a]", "\\"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print(repr(bad), "->", e.msg, e.pos, e.lineno, e.colno, "|", e)
print(re.compile(r"\d+\s*"), re.compile(b"x\n"), re.compile("'\""), re.compile("é"))
print(re.compile("y" * 250, re.I))
print(re.match("a" * 80, "a" * 100))
print(re.match(rb"b+", b"bbb"), re.match(".", "\n\t", re.S))
p1, p2, p3 = re.compile("ab+"), re.compile("ab+"), re.compile("ab+", re.I)
print(p1 == p2, p1 == p3, p1 != p3, hash(p1) == hash(p2), p1 == "ab+")
print(copy.copy(p1) is p1, copy.deepcopy(p1) is p1)
m = p1.match("abb")
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(type(p1).__name__, type(m).__name__, type(p1).__module__, type(m).__module__, re.Pattern, re.Match)
print(re.Pattern[str], re.Match[bytes], isinstance(p1, re.Pattern), isinstance(m, re.Match))
print(p1.pattern, p1.flags, p1.groups, dict(re.compile("(?P<a>x)(y)").groupindex))
print(re.compile("(?P<a>x)").groupindex["a"], len(re.compile("x").groupindex))
print(re.purge(), re.escape("a-b.c*d"), re.escape(b"a.b"), re.template if False else "t")
try:
    re.compile("(?P<a>x)").groupindex["b"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    re.Pattern()
except TypeError as e:
    print("TypeError", e)
print(re.compile("a").match("bab", pos=1), re.compile("a").search("bab", endpos=1))
print(re.compile(re.compile("x")).pattern, re.compile("x") is re.compile("x"))
import _sre
for code in ([1000], [], [17, 5, 1], [16], [7, 100, 1], [14, 4, 0, 1, 1, 16, 97, 1]):
    try:
        p = _sre.compile("a", 0, code, 0, {}, ())
        print("ok", p.match("a"))
    except RuntimeError as e:
        print("RuntimeError", e)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.ascii_iscased(ord("a")), _sre.ascii_iscased(ord("1")), _sre.unicode_iscased(0xdf))
print(_sre.ascii_tolower(ord("Q")), _sre.unicode_tolower(0x130), _sre.unicode_tolower(0x1e9e))
