# printf-style formatting on bytes and bytearray.
print(b"%d items at %5.2f each: %s" % (3, 1.5, b"ok"))
print(b"%x|%X|%o|%c|%c" % (255, 255, 8, 65, b"z"))
print(b"%r|%a" % ("é", "é"))
print(bytearray(b"%s-%s") % (b"a", bytearray(b"b")))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 1})
print(b"%-5s|%5s|" % (b"ab", b"cd"), b"%%")
for bad in ((b"%s", "str"), (b"%d", b"x"), (b"%c", 256), (b"%c", b"ab")):
    try:
        bad[0] % bad[1]
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
