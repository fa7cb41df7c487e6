# Common bytes methods mirroring str.
b = b"  Hello, World!  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" !H"))
print(b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize())
print(b.split(), b.split(b","), b"a,b,,c".split(b",", 1), b"a b c".rsplit(None, 1))
print(b.find(b"World"), b.index(b"o"), b.rfind(b"o"), b.count(b"l"), b.find(111))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b.startswith(b"  H"), b.endswith((b"x", b"  ")))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"abc".center(9, b"*"), b"7".zfill(4), b"ab".ljust(4, b"."))
print(b"abc123".isalnum(), b"abc".isalpha(), b"123".isdigit(), b" \t".isspace(), b"Ab".istitle(), b"AB".isupper())
print(b"a\tb".expandtabs(4), b"line1\nline2\r\n".splitlines(), b"x=1".partition(b"="), b"a.b.c".rpartition(b"."))
print(b"hello".translate(None, b"l"), b"abc".translate(bytes.maketrans(b"abc", b"xyz")))
print(b"prefix_data".removeprefix(b"prefix_"), b"data.txt".removesuffix(b".txt"))
