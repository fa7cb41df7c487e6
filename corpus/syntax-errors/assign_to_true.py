# Assigning to True.
True = False
