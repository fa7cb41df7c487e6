# chr() and ord() across the Unicode range and their errors.
print([chr(c) for c in (65, 97, 48, 32, 233, 0x3b1, 0x263a, 0x1f600)], repr(chr(0)), repr(chr(0x10ffff)))
print([ord(c) for c in "Aa0 é😀"], ord(b"a"), ord(bytearray(b"z")), ord("\U0001F600"))
print("".join(chr(ord(c) + 1) for c in "HAL"), sum(map(ord, "abc")))
for call in (lambda: chr(-1), lambda: chr(0x110000), lambda: chr(1.5), lambda: ord(""), lambda: ord("ab"), lambda: ord(5), lambda: ord(b"ab")):
    try:
        call()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(repr(chr(0xd800)), ord(chr(0xdfff)))
