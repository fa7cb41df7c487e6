# array comparisons go item by item with fresh objects: nan is never equal to itself.
import array

a = array.array("d", [1.0, float("nan")])
print(a == a, a != a, a < a, a <= a, a > a)
b = array.array("d", [1.0, 2.0])
print(a == b, a < b, b < a, b == array.array("f", [1.0, 2.0]))
i = array.array("i", [1, 2, 3])
print(i == array.array("l", [1, 2, 3]), i < array.array("b", [1, 2]), i > array.array("b", [1, 2, 4]))
print(i == [1, 2, 3], i != (1, 2, 3))
