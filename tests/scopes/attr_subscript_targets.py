def f(obj, key):
    obj.attr = key
    obj[key] = val = 1
    obj.attr[key].x = val
    del obj[key], obj.attr
