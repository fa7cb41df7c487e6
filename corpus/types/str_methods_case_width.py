# str case mapping and width handling across non-ASCII text.
words = ["straße", "ǆemal", "İstanbul", "ΣΊΣΥΦΟΣ", "ﬀ", "groß", "Ωmega", "ǈ", "hello wORLD", "1st place", "o'neil"]
for w in words:
    print(w, "|", w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
for w in ("日本", "e\u0301", "abc"):
    print(repr(w.center(7, "·")), repr(w.ljust(5)), repr(w.rjust(5, "_")), len(w))
print("ΑΒΓ".lower(), "αβγ".upper(), "ς".upper(), "ΌΣΟΣ".lower())
