# split/rsplit/splitlines edge cases.
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
print("  a  b \t c\n".split(), "  a  b  ".split(None, 1), "  a  b  ".rsplit(None, 1))
print("".split(), "".split(","), " ".split(" "), "abc".split("abc"))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "x\n\ny\n".splitlines(True))
print("a\x0bb\x0cc\x1cd\u2028e\x85f".splitlines())
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
print("one two three".partition(" "), "one two three".rpartition(" "), "none".partition("x"), "none".rpartition("x"))
print("k=v=w".split("=", 1), "a b c".split(maxsplit=1), "1.2.3.4".rsplit(".", maxsplit=1))
