# A statement used as a lambda body.
f = lambda x: return x
