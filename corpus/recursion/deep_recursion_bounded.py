# Recursion a few hundred frames deep (below the default limit of 1000).
def depth_sum(n):
    return 0 if n == 0 else n + depth_sum(n - 1)
print(depth_sum(900))
def count_nodes(tree):
    if tree is None:
        return 0
    return 1 + count_nodes(tree[0]) + count_nodes(tree[1])
chain = None
for _ in range(800):
    chain = (chain, None)
print(count_nodes(chain))
def mutual_even(n):
    return True if n == 0 else mutual_odd(n - 1)
def mutual_odd(n):
    return False if n == 0 else mutual_even(n - 1)
print(mutual_even(900), mutual_odd(901))
