# Circular imports see partially initialised modules.
import _circ_a
print(_circ_a.use_b())
import _circ_b
print(_circ_b.use_a())
