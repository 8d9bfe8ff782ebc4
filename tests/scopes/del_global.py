x = 1
def f():
    global x
    del x
def g(y):
    del y
