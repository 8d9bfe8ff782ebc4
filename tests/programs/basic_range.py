# range objects: repr, len, indexing, membership and iteration.
r = range(3, 20, 4)
print(r, list(r), len(r), r[0], r[-1], r.start, r.stop, r.step)
print(range(5), range(0, 5), range(5) == range(0, 5), range(0) == range(5, 5))
print(list(range(5, 0, -1)), list(range(-3, 3)), list(range(10, 0, -4)))
print(11 in r, 12 in r, r.index(15), r.count(7))
print(range(10)[::2], range(10)[1:4], list(range(10)[::-3]))
print(sum(range(101)), max(range(7)), min(range(4, 9)), sorted(range(3), reverse=True))
big = range(10 ** 12)
print(len(big), big[-1], 10 ** 11 in big)
total = 0
for i in range(0, 100, 7):
    total += i
print(total)
