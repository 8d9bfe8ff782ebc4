# basicConfig(format=..., style="{") and filemode="w" truncating an existing file.
old = open("style.log", "w")
old.write("this line is truncated away\n")
old.close()
import logging
logging.basicConfig(filename="style.log", filemode="w", level=logging.WARNING,
                    format="{levelname}:{name}:{message}", style="{")
logging.info("dropped")
logging.warning("kept {braces} %s untouched")
logging.error("args %s", "formatted with percent")
print("nothing else on stdout")
log_file = open("style.log")
print(log_file.read(), end="")
log_file.close()
