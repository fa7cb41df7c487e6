# Storing a bound method on its own instance creates a cycle.
import gc
gc.disable()
gc.collect()
class Widget:
    def __init__(self):
        self.callback = self.on_click
    def on_click(self):
        return "clicked"
w = Widget()
print(w.callback())
del w
print("instance -> bound method -> instance:", gc.collect())
class Handlers:
    def __init__(self):
        self.table = {"a": self.a, "b": self.b}
    def a(self):
        pass
    def b(self):
        pass
h = Handlers()
del h
print("dict of bound methods:", gc.collect())
gc.enable()
