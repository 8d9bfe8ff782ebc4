# Failed imports caught: ModuleNotFoundError / ImportError texts and attributes.
try:
    import nonexistent
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, isinstance(e, ImportError))
try:
    import nonexistent.sub
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from nonexistent import thing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import functools.nonexistent
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from functools import nonexistent
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name, type(e) is ImportError)
try:
    from functools import partial, no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print("partial" in dir(), "no_such_name" in dir())

def lazy_import():
    import nonexistent_inside_function
    return nonexistent_inside_function

print("function defined fine")
try:
    lazy_import()
except ImportError as e:
    print(type(e).__name__, e)
try:
    nonexistent
except NameError as e:
    print(type(e).__name__, e)
import functools as ft, math as m
from functools import reduce as fold, wraps
print(ft.__name__, m.__name__, fold is ft.reduce, wraps is ft.wraps, m.floor(-2.5))
