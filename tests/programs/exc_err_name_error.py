# Uncaught: NameError with a suggestion taken from the local scope.
def compute(values):
    result_total = 0
    for v in values:
        result_total += v
    print("summed", result_total)
    return result_totl * 2


print("start")
compute([1, 2, 3])
