# Lambdas tutorial: closures as sort keys and filters.
students = [
    {"name": "Ann", "grade": 88, "age": 20},
    {"name": "bob", "grade": 95, "age": 19},
    {"name": "Cid", "grade": 88, "age": 22},
    {"name": "dee", "grade": 72, "age": 19},
]


def by(field, reverse=False):
    return lambda record: -record[field] if reverse else record[field]


print([s["name"] for s in sorted(students, key=by("grade"))])
print([s["name"] for s in sorted(students, key=by("grade", reverse=True))])
print([s["name"] for s in sorted(students, key=lambda s: (s["age"], s["name"].lower()))])
print([s["name"] for s in sorted(students, key=lambda s: s["name"])])
print([s["name"] for s in sorted(students, key=lambda s: s["name"].lower())])


def at_least(threshold):
    return lambda s: s["grade"] >= threshold


print([s["name"] for s in filter(at_least(88), students)])
print(max(students, key=by("age"))["name"], min(students, key=lambda s: s["grade"])["name"])
print(list(map(lambda s: s["name"].upper(), students)))
