"""Support module that raises while being imported."""
print("_broken starting")
value = 1
raise RuntimeError("failure during import of _broken")
