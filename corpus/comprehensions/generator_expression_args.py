# Generator expressions as sole arguments, with conditions and nesting.
import math
print(sum(i * i for i in range(1, 11)), math.prod(i for i in range(1, 8)))
print(max((len(w), w) for w in ["aa", "bbbb", "c", "dddd"]))
print(any(n % 7 == 0 for n in range(1, 7)), all(n > 0 for n in range(1, 100)))
print(sorted((c for c in "hello world" if c.isalpha()), reverse=True))
print(tuple(str(x) for x in range(3)), "".join(chr(65 + i) for i in range(5)))
print(dict((i, i * i) for i in range(4)), set(x % 3 for x in range(10)))
print(list(x for x in (y * 2 for y in range(5)) if x > 3))
print(min((abs(x - 7), x) for x in [1, 5, 9, 12]))
