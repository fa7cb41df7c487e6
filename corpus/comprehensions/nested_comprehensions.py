# Nested loops in comprehensions; matrix transpose and flattening.
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in m])
print([[row[i] for row in m] for i in range(3)])
print([x for row in m for x in row if x % 2])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print([[i * j for j in range(1, 5)] for i in range(1, 5)])
print({(i, j) for i in range(3) for j in range(3) if i != j} == {(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)})
print({i: [j for j in range(i)] for i in range(4)})
board = [["." for _ in range(4)] for _ in range(3)]
board[1][2] = "#"
print(["".join(r) for r in board])
print([y for x in [[1, [2]], [[3], 4]] for y in x])
