# Uncaught (3.11): an exception with notes; stderr ends with the last note.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        e.add_note("while parsing " + repr(text))
        e.add_note("second note")
        raise

print(parse("12"))
try:
    parse("x")
except ValueError as e:
    print(e.__notes__, str(e))
parse("y")
