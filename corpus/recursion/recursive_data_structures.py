# Recursive processing of trees: binary search tree insert/traverse/height.
class BST:
    def __init__(self, key):
        self.key, self.left, self.right = key, None, None
    def insert(self, key):
        if key < self.key:
            if self.left:
                self.left.insert(key)
            else:
                self.left = BST(key)
        else:
            if self.right:
                self.right.insert(key)
            else:
                self.right = BST(key)
    def inorder(self):
        return (self.left.inorder() if self.left else []) + [self.key] + (self.right.inorder() if self.right else [])
    def height(self):
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)
    def contains(self, k):
        if k == self.key:
            return True
        nxt = self.left if k < self.key else self.right
        return nxt.contains(k) if nxt else False
seed = 7
root = BST(500)
for _ in range(300):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    root.insert(seed % 1000)
keys = root.inorder()
print(len(keys), keys[:10], keys == sorted(keys), root.height(), root.contains(keys[37]), root.contains(1001))
chain = BST(0)
node = chain
for i in range(1, 400):
    node.right = BST(i)
    node = node.right
print(chain.height(), len(chain.inorder()))
