# re: flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, LOCALE-free), inline flags, reprs.
import re

print(re.findall(r"^\w+", "one\ntwo\nthree"), re.findall(r"^\w+", "one\ntwo\nthree", re.M))
print(re.findall(r"\w+$", "one\ntwo\n", re.M), re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S))
print(re.match("hello", "HeLLo", re.I), re.match("(?i)HELLO", "hello").group())
print(re.findall("[a-c]+", "xABCabcx", re.I), re.findall("[^a-c]+", "xABCabcx", re.I))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)ß", "ẞ"), re.match("(?i)σ", "ς"))
print(re.match(r"(?i)\u0130", "i"), re.match("(?i)k", "\u212a"), re.match("(?i)[k]", "\u212a"))
print(re.findall(r"\w+", "café naïve"), re.findall(r"\w+", "café naïve", re.A))
print(re.findall(r"\d", "1٣3"), re.findall(r"\d", "1٣3", re.ASCII), re.findall(r"\s", "a\u00a0b c"))
print(re.findall(r"\b\w", "été à l'ombre"), re.findall(r"(?a)\b\w", "été à"))
pat = re.compile(r"""
    (?P<int>\d+)      # integer part
    (?:\.(?P<frac>\d*))?  # fraction
    \s* \# \ x        # literal hash, escaped space, x
""", re.VERBOSE)
print(pat.match("12.5 # x").groupdict(), pat.match("7# x").groupdict())
print(re.compile("a", re.I | re.M | re.S | re.X))
print(re.compile("a", re.A), re.compile(b"a", re.L), re.compile("a", re.U), re.compile(b"a"))
print(re.compile("(?im)a"), re.compile("(?s:a).").flags, re.compile("(?x) a b").pattern)
print(re.compile("x", 1 << 12) if False else "skip")
print(re.compile("a", re.I).flags, re.compile(b"a", re.I).flags, int(re.I), re.I | re.M)
print(re.match("(?i:AB)c", "abc"), re.match("(?i:AB)c", "abC"), re.match("(?-i:a)B", "aB", re.I))
print(re.findall("(?m)^$", "a\n\nb\n"), re.split(r"(?m)^", "a\nb\nc"))
print(re.search(r"\Aab\Z", "ab"), re.search(r"\Aab\Z", "ab\n"), re.search(r"ab$", "ab\n"))
print(re.findall(r"\Bb", "ab b bb"), re.findall(r"(?u)\bé", "é é"))
for f in (re.I, re.M, re.S, re.X, re.A, re.I | re.A):
    print(repr(f), str(re.compile("x", f))[:60])
