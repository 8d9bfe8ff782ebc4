# `for` loops over lists in optimised code keep their iterator in the frame; the loop must
# behave exactly like CPython's list iterator: growing or shrinking the list while looping,
# nesting, break/else, exceptions, and rebinding the name of the list.


def grow(n):
    items = [1, 2, 3]
    seen = 0
    for x in items:
        seen += x
        if len(items) < n:
            items.append(x + 1)
    return seen, len(items)


def shrink(items):
    out = []
    for x in items:
        out.append(x)
        if items:
            items.pop()
    return out


def nested(xs):
    total = 0
    for a in xs:
        for b in xs:
            total += a * b
    return total


def find(xs, want):
    for i in xs:
        if i == want:
            break
    else:
        return "missing"
    return "found"


def raises(xs):
    total = 0
    try:
        for x in xs:
            total += 10 // x
    except ZeroDivisionError as e:
        return total, str(e)
    return total, None


def rebinding(xs):
    count = 0
    for x in xs:
        xs = [0]
        count += x
    return count, xs


results = []
for round in range(3000):
    results.append((grow(40), shrink(list(range(8))), nested([1, 2, 3]), find([1, 2, 3], 2),
                    find([1, 2], 5), raises([5, 2, 0, 1]), rebinding([1, 2, 3])))
print(results[0])
print(all(r == results[0] for r in results))

# The same loop over other iterables goes through the generic iterator.
def total_of(it):
    t = 0
    for x in it:
        t += x
    return t


for round in range(3000):
    a = total_of([1, 2, 3]), total_of((4, 5)), total_of(range(3)), total_of({7: 0, 8: 0})
print(a)
try:
    total_of(5)
except TypeError as e:
    print("TypeError:", e)
