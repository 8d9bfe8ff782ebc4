# Closures tutorial: a counter that remembers its state between calls.
def make_counter():
    count = 0  # this variable lives in the enclosing scope

    def counter():
        nonlocal count  # without nonlocal, count += 1 would raise UnboundLocalError
        count += 1
        return count

    return counter


counter_a = make_counter()
counter_b = make_counter()

print(counter_a())  # 1
print(counter_a())  # 2
print(counter_a())  # 3
print(counter_b())  # 1 -- each counter has its own state

# The state is stored in a "cell" object attached to the function
print(counter_a.__code__.co_freevars)
print(counter_a.__closure__[0].cell_contents)
print(counter_b.__closure__[0].cell_contents)
