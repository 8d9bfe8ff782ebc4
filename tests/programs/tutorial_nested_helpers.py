# Nested functions tutorial: encapsulation and helper functions hidden inside another function.
def factorial(number):
    # Validate the input once in the outer function
    if not isinstance(number, int):
        raise TypeError("Sorry. 'number' must be an integer.")
    if number < 0:
        raise ValueError("Sorry. 'number' must be zero or positive.")

    # The recursive helper is only visible inside factorial
    def inner_factorial(number):
        if number <= 1:
            return 1
        return number * inner_factorial(number - 1)

    return inner_factorial(number)


print(factorial(4))
for bad in (3.5, -1):
    try:
        factorial(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    inner_factorial(3)
except NameError as e:
    print("NameError:", e)


def process_text(text):
    def clean(s):
        return s.strip().lower()

    def words(s):
        return s.split()

    def count(ws):
        counts = {}
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
        return counts

    return count(words(clean(text)))


print(process_text("  The cat and the Hat and THE bat  "))
