# complex == int compares exactly, without converting a huge int to float.
big = 10**1000
print(1j != big, 1j == big, complex(1e300) == big, big == 1 + 0j, big != 0j)
print(complex(2**53) == 2**53 + 1, complex(2.0**53) == 2**53, 3 + 0j == 3, 3 + 1j == 3)
print((1e308 + 0j) == int(1e308), (1e308 + 0j) == int(1e308) + 1)
try:
    1j < big
except TypeError as e:
    print(e)
