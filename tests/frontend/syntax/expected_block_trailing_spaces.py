def f():
    