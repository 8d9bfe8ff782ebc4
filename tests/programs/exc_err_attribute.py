# Uncaught: AttributeError on a function object, with a suggestion.
def counted():
    counted.calls += 1


counted.calls = 0
counted()
print(counted.calls)
print(counted.cals)
