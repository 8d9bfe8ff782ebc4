print("a")
name = "abc
print(name)
