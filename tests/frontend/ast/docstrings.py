def f():
    """Doc string."""
    return 1

"""Module tail string."""
