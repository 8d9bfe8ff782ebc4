print("never printed")
values = [1, 2,
          3

def f():
    return 1
