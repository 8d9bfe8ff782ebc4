c = [x for x in y], {x for x in y if x}, {k: v for k, v in d.items() if k if v}
