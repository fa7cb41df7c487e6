# Non-ASCII strings: code points, chr/ord, escapes and encoding.
s = "naïve café ☕ 日本語 𝄞"
print(len(s), [hex(ord(c)) for c in s[-5:]])
print(s.upper(), s.title())
print(s.encode("utf-8"))
print(len(s.encode("utf-8")), len(s.encode("utf-16-le")), len(s.encode("utf-32-le")))
print(s.encode("utf-8").decode("utf-8") == s)
print(chr(0x1F600), chr(233), chr(0x10FFFF) == "\U0010ffff", ord("\N{SNOWMAN}"))
print(repr("\x00\x1f\x7f\x80\xa0\xad"), repr("\u2028\ud800"), ascii("é😀\n"))
print("ñ".encode("latin-1"), "abc".encode("ascii"), "é".encode("ascii", "replace"), "é".encode("ascii", "ignore"))
print("é".encode("ascii", "backslashreplace"), "😀".encode("ascii", "xmlcharrefreplace"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"), b"\xe9".decode("latin-1"))
print("İ".lower(), len("İ".lower()), "ß".upper(), "ﬁ".upper(), "Σ".lower(), "ΑΣ".lower())
