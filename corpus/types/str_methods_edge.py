# str methods: edge cases of splitting, searching, padding and counting.
s = "a,b,,c,"
print(s.split(","), s.split(",", 2), s.rsplit(",", 2), s.split(",", 0), s.rsplit(",", -1))
print("  a  b   c ".split(), "  a  b   c ".split(None, 1), "  a  b   c ".rsplit(None, 1), "".split(), "".split(","))
print("line1\nline2\r\nline3\rline4\x0bline5\x1cline6\u2028end".splitlines())
print("a\n\nb\n".splitlines(True), "no newline".splitlines(), "".splitlines())
print("abcabcabc".find("c", 3), "abcabcabc".find("c", 3, 5), "abcabcabc".rfind("abc", 0, 8), "abc".find(""), "abc".find("", 5), "abc".rfind(""))
print("aaaa".count("aa"), "aaaa".count(""), "abc".count("", 1), "abcabc".count("bc", 2), "abc".count("abcd"))
print("x".center(4, "*"), "x".center(5, "*"), "xy".center(5, "-"), "abc".ljust(2), "abc".rjust(6, "0"), "-42".zfill(6), "+7".zfill(4), "".zfill(3))
print("aXbXc".replace("X", "--", 1), "abc".replace("", "|"), "abc".replace("", "|", 2), "aaa".replace("a", "b", 0))
print("hello".partition("l"), "hello".rpartition("l"), "hello".partition("z"), "hello".rpartition("z"))
print("  \t x \n".strip(), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"), "abcba".strip("ab"), "hi".strip(""))
print("Hello World".swapcase(), "hello world".capitalize(), "HELLO".casefold(), "mIxEd CaSe".title())
print("a1".isalnum(), "".isalnum(), " ".isspace(), "\t\n".isspace(), "Ab Cd".istitle(), "Ab cd".istitle(), "ABC1".isupper(), "abc1".islower())
print("abc".startswith(("x", "a")), "abc".endswith("bc", 1), "abc".startswith("b", 1), "abc".endswith("ab", 0, 2), "abc".startswith(""))
print("{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:*^9}".format("mid"), "{!r:>6}".format("q"), "{0[1]}{1[k]}".format([5, 6], {"k": 7}))
print("tab\there".expandtabs(2), "a\tbc\tdef\t".expandtabs(3), "\t".expandtabs(0))
print(str.maketrans("abc", "xyz", "d"), "abcd".translate(str.maketrans("abc", "xyz", "d")))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".center(3, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "x".split("")
except ValueError as e:
    print("ValueError:", e)
print(" ".join(map(str, range(5))), "-".join("abc"), "".join([]))
