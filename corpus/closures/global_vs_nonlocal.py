# global and nonlocal in the same nest refer to different bindings.
x = "global x"
def outer():
    x = "outer x"
    def use_global():
        global x
        x = "global changed"
    def use_nonlocal():
        nonlocal x
        x = "outer changed"
    use_global()
    r1 = x
    use_nonlocal()
    return r1, x
print(outer(), x)
def class_scope():
    v = "function v"
    class K:
        v = "class v"
        def m(self):
            return v
        w = v
    return K().m(), K.w, K.v
print(class_scope())
def comp_scope():
    n = 3
    return [n * i for i in range(n)], (lambda: [n for _ in range(2)])()
print(comp_scope())
