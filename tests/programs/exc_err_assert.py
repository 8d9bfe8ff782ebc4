# Uncaught: a failing assert with a message, inside a loop over inputs.
def halve(n):
    assert n % 2 == 0, "odd input " + str(n)
    return n // 2


results = []
for n in [8, 4, 10, 7, 2]:
    results.append(halve(n))
    print("so far", results)
print("not reached")
