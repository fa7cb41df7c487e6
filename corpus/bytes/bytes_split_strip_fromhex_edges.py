# bytes.split/rsplit with maxsplit keep the unsplit remainder as is; strip() of bytes with
# nothing to strip returns the same object; fromhex validates pairs and reports positions.
data = b"  one two   three  "
for n in range(-1, 4):
    print(n, data.split(None, n), data.rsplit(None, n))
print(b"a,b,,c".split(b",", 2), b"a,b,,c".rsplit(b",", 2))
print(bytearray(b" x  y ").split(maxsplit=1), bytearray(b" x  y ").rsplit(maxsplit=1))
s = b"clean"
print(s.strip() is s, s.lstrip() is s, s.rstrip(b"z") is s, b" pad ".strip())
ba = bytearray(b"clean")
print(ba.strip() is ba, ba.strip() == ba)
for text in ["", "00", "0a 1B", " ff\t00\n", "a", "abc", "a b", "zz", "12 3", "é1", "1 é"]:
    try:
        print(repr(text), bytes.fromhex(text), bytearray.fromhex(text))
    except ValueError as e:
        print(repr(text), "ValueError", e)
for bad in [1, b"00"]:
    try:
        bytes.fromhex(bad)
    except TypeError as e:
        print("TypeError", e)
