# __name__ and __qualname__ of nested functions and lambdas.
def outer():
    def inner():
        def innermost():
            pass
        return innermost
    lam = lambda: None
    return inner, lam


inner, lam = outer()
print(outer.__name__, outer.__qualname__)
print(inner.__name__, inner.__qualname__)
print(inner().__name__, inner().__qualname__)
print(lam.__name__, lam.__qualname__)
top = lambda x: x
print(top.__name__, top.__qualname__)
comp = [lambda: 0 for _ in range(1)][0]
print(comp.__qualname__)


def renamed():
    pass


renamed.__name__ = "new_name"
print(renamed.__name__, renamed.__qualname__)
renamed.__qualname__ = "Some.path"
print(renamed.__qualname__)
print(repr(renamed).split(" at ")[0])
