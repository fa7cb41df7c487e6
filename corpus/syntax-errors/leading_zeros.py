# A decimal literal with leading zeros.
mode = 0755
