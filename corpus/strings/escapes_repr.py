# repr() chooses quotes and escapes like CPython.
cases = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
         "\r\x0b\x0c", "\x07bell", "é", "\u200b", "\U0001F600", "\x7f", "\x9f", "\ud83d", "\uffff", ""]
for c in cases:
    print(repr(c), len(c))
print(str(cases[:4]))
print("%r %s %a" % ("é\n", "é\n", "é\n"))
print(repr(r"raw\string\n"), r"\d+\.\w*", "\\\\")
print("\101\x42\u0043\U00000044\N{LATIN SMALL LETTER E}")
print(len("\0"), "a\
b")
