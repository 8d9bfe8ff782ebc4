# Uncaught: a name that functools does not define (the message names the module's file).
from functools import partial
print(partial(pow, 2)(8))
from functools import nonexistent
