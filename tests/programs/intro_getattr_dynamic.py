# Dynamic attribute access on functions with computed names.
def tool():
    return "tool ran"


for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(tool, name, i * 10)
print(sorted(tool.__dict__.items()))
print([getattr(tool, n) for n in ["alpha", "beta", "gamma"]])
print([hasattr(tool, n) for n in ["alpha", "delta"]])
setattr(tool, "helper", lambda: "helper ran")
print(tool.helper(), getattr(tool, "helper")(), tool())
method = getattr(tool, "__call__")
print(method())
attrs = {name: getattr(tool, name) for name in ("__name__", "__qualname__", "__doc__")}
print(attrs)
for name in list(tool.__dict__):
    delattr(tool, name)
print(tool.__dict__)
