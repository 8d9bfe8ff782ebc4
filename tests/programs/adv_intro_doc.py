# __doc__: the first statement string literal only; lambdas have none; assignment.
def plain():
    "Single line."

def triple():
    """First line.

    Indented second paragraph.
    """

def not_first():
    x = 1
    "not a docstring"

def number_first():
    42
    "not a docstring either"

def concat():
    "implicit " "concatenation"

def fstring_first():
    f"f-strings are {'not'} docstrings"

for fn in (plain, triple, not_first, number_first, concat, fstring_first):
    print(fn.__name__, repr(fn.__doc__))
print(repr((lambda: "lambda body").__doc__))
plain.__doc__ = "replaced"
print(plain.__doc__)
plain.__doc__ = 123
print(plain.__doc__, type(plain.__doc__).__name__)
del plain.__doc__
print(plain.__doc__)

def outer():
    "outer doc"
    def inner():
        "inner doc"
    return inner.__doc__, outer.__doc__

print(outer())
print(len.__doc__.splitlines()[0])
