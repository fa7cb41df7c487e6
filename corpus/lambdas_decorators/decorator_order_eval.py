# Decorator expressions are evaluated top-down, applied bottom-up.
def make(name):
    print("evaluate", name)
    def deco(f):
        print("apply", name)
        def w():
            return name + "(" + f() + ")"
        return w
    return deco
@make("outer")
@make("middle")
@make("inner")
def base():
    return "base"
print(base())
decos = [make("a"), make("b")]
@decos[0]
@decos[1]
def other():
    return "x"
print(other())
@(lambda f: f)
def ident():
    return "identity via arbitrary expression"
print(ident())
