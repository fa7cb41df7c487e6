# The codec registry: codecs.lookup, encode/decode through the encodings package,
# escape codecs, incremental decoding, error handlers, and their error messages.
import codecs

for name in ["UTF-8", "utf8", "Latin 1", "latin-1", "ascii", "utf-16", "cp1252", "rot13"]:
    info = codecs.lookup(name)
    print(name, "->", info.name)

s = "a\tb\\c\n\u00e9\u20ac\U0001f600\x7f'\""
for enc in ["unicode_escape", "raw_unicode_escape", "utf-8", "utf-16-le", "utf-32-be", "latin-1"]:
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.start, e.end, e.reason)

print("\ud800".encode("unicode_escape"), "\ud800\udc00".encode("unicode_escape"))
print(b"\\x41\\101\\u00e9\\U0001F600\\N{BULLET}".decode("unicode_escape") if False else
      b"\\x41\\101\\u00e9\\U0001F600".decode("unicode_escape"))
print(b"\\\\u0041 \\u0041 \\x41".decode("raw_unicode_escape"))

for bad in [b"\\x4", b"\\u12", b"\\U00110000", b"abc\\", b"\\N{"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        try:
            print(bad, errors, repr(bad.decode("unicode_escape", errors)))
        except UnicodeDecodeError as e:
            print(bad, errors, "UnicodeDecodeError:", e)

print(codecs.escape_encode(b"'\"\\\x00\xff\n"))
print(codecs.escape_decode(b"\\x41\\n\\101"))
for bad in [b"\\x4", b"\\"]:
    try:
        codecs.escape_decode(bad)
    except ValueError as e:
        print("ValueError:", e)

print(codecs.encode("hello", "rot13"), codecs.decode("uryyb", "rot_13"))
print(codecs.charmap_build("abc") if hasattr(codecs, "charmap_build") else None)
print("\u20ac".encode("cp1252"), b"\x80abc".decode("cp1252"))
print("abc\u20ac".encode("cp437", "replace"), b"\x9b\xe1".decode("cp437"))
print("é".encode("iso8859-15"), "Ω".encode("iso8859_7"), b"\xd9".decode("koi8-r"))

for call in [lambda: "x".encode("no-such-codec"), lambda: b"x".decode("no-such-codec"),
             lambda: "x".encode("rot13"), lambda: codecs.lookup("nope"),
             lambda: codecs.lookup_error("nope"), lambda: "é".encode("ascii")]:
    try:
        call()
    except (LookupError, UnicodeError) as e:
        print(type(e).__name__, e)

dec = codecs.getincrementaldecoder("utf-8")()
out = [dec.decode(bytes([b])) for b in "a\u20ac\U0001f600".encode("utf-8")]
print(out, repr(dec.decode(b"", final=True)))
dec16 = codecs.getincrementaldecoder("utf-16")()
print([dec16.decode(bytes([b])) for b in "hi\U0001f600".encode("utf-16")])
print(codecs.utf_8_decode(b"a\xe2\x82"), codecs.utf_8_decode(b"a\xe2\x82", "replace", True))


def handler(exc):
    return ("<%d-%d>" % (exc.start, exc.end), exc.end)


codecs.register_error("test.angle", handler)
print("aé€b".encode("ascii", "test.angle"), b"a\xffb".decode("utf-8", "test.angle"))
print(codecs.lookup_error("strict") is codecs.strict_errors)
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    try:
        print(name, "aé€".encode("ascii", name))
    except Exception as e:
        print(name, type(e).__name__)
