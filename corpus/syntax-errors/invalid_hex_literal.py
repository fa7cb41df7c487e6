# A hexadecimal literal with a non-hex digit.
mask = 0xFG
