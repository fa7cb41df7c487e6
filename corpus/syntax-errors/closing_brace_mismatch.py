# A closing brace that does not match the opening parenthesis.
y = (1 + 2}
