# Uncaught: augmented assignment to an enclosing variable without nonlocal.
def make_counter():
    count = 0
    def increment():
        count += 1
        return count
    return increment

counter = make_counter()
print(counter.__code__.co_freevars, counter.__code__.co_varnames)
counter()
