"""Module docstring."""
def f():
    """Function docstring."""
    return 1
def g():
    x = 'not a docstring'
    return x
