# % formatting with dicts, widths from *, and object conversions.
class R:
    def __repr__(self):
        return "R()"
    def __str__(self):
        return "str-R"
print("%s %r %a" % (R(), R(), R()))
print("%(a)-6s|%(b)06.2f|%(a)r" % {"a": "x", "b": 3.14159})
print("%-8s|%8s|%.3s" % ("left", "right", "truncate"))
print("%3c|%-3c|" % ("x", "y"))
print("%5.1f%%" % 99.44)
for w in range(0, 8, 2):
    print("[%*s]" % (w, "ab"), "[%-*s]" % (w, "ab"), "[%.*s]" % (w // 2, "abcdef"))
print("%i %d %u" % (1.9, -1.9, 2.5))
print("%s" % (1,), "%s" % [1], "%s" % {"k": 1}, "%(k)s" % {"k": 1})
print(b"%c%c" % (65, b"B"), b"%5b|%-5b|" % (b"ab", b"cd"), b"%x %X" % (255, 255))
