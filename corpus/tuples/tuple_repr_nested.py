# repr of tuples: single element comma, nesting, and containing lists.
print(repr((1,)), repr(()), repr(((),)), repr((1, (2, (3, (4,))))))
print(((1, 2), [3, (4,)], {"k": (5,)}, ("s",)))
print(str(("é", b"b", 1.0, None)), tuple([[]]))
inner = []
t = (inner,)
inner.append(t)
print(t)
