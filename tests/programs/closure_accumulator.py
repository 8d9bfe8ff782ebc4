# Running averages and accumulators whose state lives in closed-over lists and dicts.
def make_averager():
    series = []

    def averager(value):
        series.append(value)
        return sum(series) / len(series)

    return averager


avg = make_averager()
for v in (10, 11, 12, 15):
    print(avg(v))
print(avg.__code__.co_freevars, avg.__closure__[0].cell_contents)


def make_averager2():
    count = 0
    total = 0

    def averager(value):
        nonlocal count, total
        count += 1
        total += value
        return total / count

    return averager


avg2 = make_averager2()
print([avg2(v) for v in (1, 2, 3, 4)])
print(avg2.__code__.co_freevars)


def tally():
    seen = {}
    def add(word):
        seen[word] = seen.get(word, 0) + 1
        return seen
    return add


t = tally()
for w in ["a", "b", "a", "c", "a", "b"]:
    t(w)
print(t("d"))
