# Uncaught: a name that functools does not define (the message names the module's file).
from functools import partial
print(partial(pow, 2)(8))
try:
    from functools import also_missing
except ImportError as e:
    print(type(e).__name__, e.name, str(e).startswith("cannot import name 'also_missing'"))
import functools
print(hasattr(functools, "nonexistent"))
from functools import nonexistent
print("not reached")
