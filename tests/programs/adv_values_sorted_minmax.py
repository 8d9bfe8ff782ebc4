# sorted/min/max with key= closures, reverse= (stable), default=, ties and errors.
words = ["bb", "a", "ccc", "dd", "e", "fff"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True), sorted(words, reverse=True))

def by_position(order):
    rank = {v: i for i, v in enumerate(order)}
    return lambda item: rank.get(item, len(rank))

print(sorted("dcbaxe", key=by_position("abcd")), sorted([3, -1, -3, 2], key=abs))
records = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: -r[1]))
print(sorted(sorted(records), key=lambda r: r[1], reverse=True))
print(min(words, key=len), max(words, key=len), min(3, 1, 2), max("abc", "abd", key=lambda s: s[-1]))
print(min([], default="empty"), max([], key=len, default=None), min([5], default=0), max(range(3)))
print(max([1, 2], [1, 3]), min("b", "a", "c"), max([(1, "z"), (1, "a")]), min({3: 0, 1: 0}))
print(max([0, -0.0, 0.0]), min([2.0, 2, True + 1]), max([1, True]), min([True, 1]))
errors = [lambda: min([]), lambda: max(()), lambda: max(1), lambda: min([1, "a"]),
          lambda: max([1, 2], default=0, key=None, extra=1), lambda: min(1, 2, default=0),
          lambda: sorted([1, 2], key=lambda v: v / 0), lambda: sorted([None, 1])]
for err in errors:
    try:
        print(err())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
data = [5, 2, 8]
result = sorted(data)
print(result is data, data, data.sort(), data, sorted("Ba"), sorted("Ba", key=str.lower))
