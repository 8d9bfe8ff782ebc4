x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1; x @= 1
del x
del x, y
pass
x = *a, *b
match = 3
