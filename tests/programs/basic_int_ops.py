# Integer arithmetic, including floor division and modulo of negatives.
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(abs(-12), -(-5), +3, ~5, ~-1)
print(6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2)
print(2 ** -1, 10 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(True + True, True * 10, False - 1, int(True))
print(int("42"), int("-0017"), int("ff", 16), int("0b101", 0), int("777", 8), int(3.99), int(-3.99))
print(round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2))
x = 10
x += 5
x *= 2
x -= 1
x //= 4
x **= 3
x %= 100
print(x)
print(1_000_000 + 1, 0x1F, 0o17, 0b1010)
print(max(3, 9, -1), min(3, 9, -1), sum([1, 2, 3], 10))
