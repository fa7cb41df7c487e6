# Assigning to None.
None = 0
