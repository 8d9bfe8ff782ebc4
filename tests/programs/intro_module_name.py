# __module__ of functions and __name__ of the main module.
def f():
    def g():
        pass
    return g


print(__name__)
print(f.__module__, f().__module__, (lambda: 0).__module__)
print(len.__module__, print.__module__)
if __name__ == "__main__":
    print("running as main")
f.__module__ = "elsewhere"
print(f.__module__, f().__module__)
