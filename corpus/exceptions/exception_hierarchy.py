# The built-in exception class hierarchy.
def tree(cls, depth=0, out=None):
    out = [] if out is None else out
    out.append("  " * depth + cls.__name__)
    for sub in sorted(cls.__subclasses__(), key=lambda c: c.__name__):
        if sub.__module__ == "builtins":
            tree(sub, depth + 1, out)
    return out
for line in tree(BaseException):
    print(line)
