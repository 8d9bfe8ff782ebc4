# Conversions between builtin types.
print(int("10"), int(" 7 "), int("-3"), int(2.9), int("1010", 2), int("z", 36))
print(float("1.5"), float(3), float("1e3"), float("-inf"))
print(str(10), str(1.0), str(None), str(True), str([1, "a"]), str((1,)))
print(bool(0), bool("0"), bool([]), bool(0.0), bool("False"))
print(list("abc"), list((1, 2)), list({3: "x", 1: "y"}), list(range(3)))
print(tuple([1, 2]), tuple("hi"), set([1, 1, 2]), dict([("a", 1)]))
print(list(map(int, ["1", "2"])), [str(i) for i in range(3)])
print(hex(255), oct(8), bin(10), hex(-1), int("0x1f", 16), int("0o17", 8))
print(chr(65) + chr(0x263A), ord("€"), str(12345)[::-1], int(str(12345)[::-1]))
print(repr(1), repr("1"), repr(1.0), repr([1, "1"]), repr(None))
print(abs(-3), abs(-3.5), round(2.567, 1), round(7), type(round(7.0)).__name__)
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__,
      type(()).__name__, type({}).__name__, type(set()).__name__, type(None).__name__, type(True).__name__)
