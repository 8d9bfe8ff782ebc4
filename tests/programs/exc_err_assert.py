# Uncaught: a failing assert with a message.
def halve(n):
    assert n % 2 == 0, "odd input " + str(n)
    return n // 2


print(halve(8))
halve(7)
