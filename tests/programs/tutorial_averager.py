# Closures tutorial: a running average (the classic make_averager example).
def make_averager():
    series = []

    def averager(new_value):
        series.append(new_value)
        total = sum(series)
        return total / len(series)

    return averager


avg = make_averager()
print(avg(10))
print(avg(11))
print(avg(12))
print(avg.__code__.co_varnames)
print(avg.__code__.co_freevars)
print(avg.__closure__[0].cell_contents)


# A more efficient version keeps only the count and the total, so it needs nonlocal
def make_averager2():
    count = 0
    total = 0

    def averager(new_value):
        nonlocal count, total
        count += 1
        total += new_value
        return total / count

    return averager


avg2 = make_averager2()
print(avg2(10))
print(avg2(11))
print(avg2(12))
print(avg2.__code__.co_freevars)


# Forgetting nonlocal is a classic mistake:
def make_broken_averager():
    count = 0
    total = 0

    def averager(new_value):
        count += 1
        total += new_value
        return total / count

    return averager


broken = make_broken_averager()
try:
    broken(10)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
