# Uncaught: AttributeError on a function object, with a suggestion.
def counted():
    counted.calls += 1
    return counted.calls


counted.calls = 0
counted()
counted()
print(counted.calls, sorted(counted.__dict__))
print(counted.cals)
