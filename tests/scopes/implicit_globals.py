value = 10
def f():
    return value + undefined_name
def g():
    global value
    value = 11
