"""Support module: half of a circular import."""
print("_circ_a start")
import _circ_b
A_VALUE = "a"
def use_b():
    return "a sees " + _circ_b.B_VALUE
print("_circ_a end")
