# pass, Ellipsis bodies, docstring-only functions and classes.
def nothing():
    pass
def only_doc():
    "just a docstring"
def ellipsis():
    ...
class Empty:
    pass
class DocOnly:
    """Docstring."""
print(nothing(), only_doc(), ellipsis(), only_doc.__doc__, DocOnly.__doc__, Empty.__doc__)
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass
with CM():
    pass
print("all empty bodies fine")
