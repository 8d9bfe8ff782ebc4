# Uncaught: ** of a non-mapping inside a nested call.
def target(**kw):
    return kw


def relay(data):
    def go():
        return target(**data)
    return go


print(relay({"a": 1})())
print(relay([("a", 1)])())
