# range objects: repr, len, indexing, slicing, containment, equality, big bounds, errors.
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r.start, r.stop, r.step, r.index(11), r.count(7), 7 in r, 8 in r)
print(range(5), range(0, 5), range(2, -8, -3), list(range(2, -8, -3)), range(0) == range(5, 5), range(1, 2, 10) == range(1, 3, 10))
print(range(0, 10, 2) == range(0, 9, 2), list(range(10, 0)), len(range(10, 0)), bool(range(0)), bool(range(1)))
big = range(10 ** 20)
print(len(big) if False else big[10 ** 19], 10 ** 19 in big, 10 ** 20 in big, big[-1], big[::10 ** 19])
try:
    len(range(10 ** 30))
except OverflowError as e:
    print(type(e).__name__, e)
for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range("3"), lambda: r[10], lambda: r.index(8)]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print(sum(range(-5, 6)), max(range(0, 100, 7)), list(range(-3)), sorted(range(3), reverse=True))
print(hash(range(3)) == hash(range(0, 3, 1)), list(reversed(range(0, 10, 3))), 3.0 in range(5))
print(range(10)[2:8:2], range(10)[::-1], range(10)[-3:], range(0, 10, 3)[1:][1:])
