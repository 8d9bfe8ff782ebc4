def k(a: int, b: "str" = "x", *c: float, d: list = [], **e: dict) -> bool:
    """Docstring."""
    return True

def p(a, b, /):
    pass

def q(a=1, /, b=2, *, c):
    pass
