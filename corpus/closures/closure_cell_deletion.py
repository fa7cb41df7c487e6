# del of a cell variable, and free variables referenced after deletion.
def f():
    x = 1
    def get():
        return x
    print(get())
    del x
    try:
        get()
    except NameError as e:
        print("NameError:", e)
    x = 2
    print(get())
f()
def g():
    y = "value"
    def h():
        nonlocal y
        del y
    h()
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(g())
