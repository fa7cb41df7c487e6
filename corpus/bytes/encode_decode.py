# Encoding str to bytes and back with several codecs and error handlers.
s = "Grüße, 世界! 😀"
for enc in ("utf-8", "utf-16", "utf-16-be", "utf-32-le", "latin-1", "ascii", "cp1252"):
    try:
        b = s.encode(enc)
        print(enc, len(b), b[:12], b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e.reason, e.start, e.end)
for errors in ("replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"):
    print(errors, s.encode("ascii", errors))
raw = b"ok \xc3\xa9 bad \xff\xfe end"
for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
    print(errors, repr(raw.decode("utf-8", errors)))
try:
    raw.decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("\udcff".encode("utf-8", "surrogateescape"), "a\ud800b".encode("utf-8", "surrogatepass"))
print(bytes("abc", encoding="ascii"), str(b"\xe4", "latin-1"), b"\xe4".decode("cp1252"))
