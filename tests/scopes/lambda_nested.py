adder = lambda x: lambda y: lambda z: x + y + z
