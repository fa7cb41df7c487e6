# ascii(): like repr() but escapes non-ASCII characters.
for v in ("plain", "café", "日本", "😀", "\x7f\x80", "tab\t", ["é", ("ü",)], {"ключ": "значение"}, b"\xff", 1.5, None):
    print(ascii(v), "|", repr(v))
class R:
    def __repr__(self):
        return "R(é)"
print(ascii(R()), ascii([R()]))
print(ascii("\u2028"), ascii("\U0010ffff"), ascii(chr(0xd800)))
