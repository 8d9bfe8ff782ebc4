x: int = 1
y: (lambda: 2)
z.attr: (lambda: 3)
