# Writing to sys.stdout directly and mixing with print.
import sys
n = sys.stdout.write("abc")
sys.stdout.write("\n")
print(n)
sys.stdout.write("x" * 3 + "\n")
print("print", end="|")
sys.stdout.write("write|")
print()
for i in range(3):
    sys.stdout.write(str(i))
sys.stdout.write("\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print(sys.stdout.writable() if hasattr(sys.stdout, "writable") else True)
print("é😀 unicode via write", file=sys.stdout)
