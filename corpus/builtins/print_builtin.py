# print(): sep, end, multiple args, file=sys.stdout, flush, non-str objects.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" -- ", end=" <end>\n")
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep="|")
print("no newline", end="")
print(" continued")
print(*range(5), sep=", ")
print("to stdout", file=sys.stdout, flush=True)
print("sep None", "end None", sep=None, end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", foo=1)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
print("unicode: é ü 😀 \u2603")
