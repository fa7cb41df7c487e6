"""Support module: the other half of a circular import."""
print("_circ_b start")
import _circ_a
B_VALUE = "b"
def use_a():
    return "b sees " + _circ_a.A_VALUE
print("_circ_b end, _circ_a has A_VALUE yet:", hasattr(_circ_a, "A_VALUE"))
