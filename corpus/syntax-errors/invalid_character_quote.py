# Typographic quotes around a string.
msg = “hello”
