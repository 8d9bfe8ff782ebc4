# Floor division and modulo follow the divisor's sign, for ints and floats; signed zeros.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1, -1.0), (-1, 1.0), (0.0, -5), (-0.0, 5)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1e-20 % 1.0, 1e-20 % -1.0, 5 % 1.5, -5 % 1.5, 3.0 // 0.1, 3.0 % 0.1)
print(-(10 ** 20) // 3, -(10 ** 20) % 3, 10 ** 20 // -3, 10 ** 20 % -3)
print(-2 ** 2, (-2) ** 2, 2 ** -2 ** 1, -7 // 2 * 2 + -7 % 2)
print(7 // 2.0, type(7 // 2.0).__name__, 7 % 2.0, -0.0 // 1, 0.0 * -1)
print(int(-7 / 2), round(-7 / 2), -7 // 2, int(-3.5), int(3.99999))
