# dict equality ignores order; iteration order is insertion order.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), list(a), list(b))
c = {}
for k in "zyxwv":
    c[k] = ord(k)
print(c)
del c["x"]
c["x"] = 0
print(list(c))
c["z"] = "updated"
print(list(c.items())[0])
print({1: 2} == {1: 2.0}, {1: [1]} == {1: [1]}, {} == {}, {1: 1} != {1: 1, 2: 2})
try:
    {1: 1} < {2: 2}
except TypeError as e:
    print("TypeError:", e)
nums = {}
for i in range(20):
    nums[i * 7 % 20] = i
print(list(nums)[:10])
