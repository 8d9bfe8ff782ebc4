# logging.basicConfig(filename=, level=): default format LEVEL:root:message, file appended to,
# nothing on stdout; the log file is read back and printed.
existing = open("app.log", "w")
existing.write("pre-existing line\n")
existing.close()
import logging
logging.basicConfig(filename="app.log", level=logging.INFO)
print("configured")
logging.debug("dropped: below INFO")
logging.info("info message")
logging.warning("warning with %s and %d", "args", 42)
logging.error("error: 100% literal")
logging.critical("critical")
logging.info("percent args %r", {"k": 1})
logging.basicConfig(filename="other.log", level=logging.DEBUG)
logging.debug("still dropped: second basicConfig is ignored")
print("logged")
f = open("app.log")
text = f.read()
f.close()
print(text, end="")
try:
    open("other.log")
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
