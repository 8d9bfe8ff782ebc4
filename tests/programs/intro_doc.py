# __doc__: docstrings of functions, nested functions and lambdas.
def documented():
    """One line doc."""
    return 1


def multi():
    """First line.

    Indented detail line.
    """


def not_first():
    x = 1
    "not a docstring"
    return x


def outer():
    def inner():
        "Inner doc."
    return inner


print(documented.__doc__)
print(repr(multi.__doc__))
print(not_first.__doc__, (lambda: 0).__doc__, outer().__doc__)
documented.__doc__ = "replaced"
print(documented.__doc__)


def numbered():
    'single quoted doc'


print(numbered.__doc__, documented.__doc__.upper())
