import os
import os.path
import os.path as p, sys
from os import path
from os import path as p, sep
from os import (path,
    sep,)
from . import x
from .. import y
from ...pkg.mod import z
from .... import w
from .mod import *
global a, b
nonlocal_ = 1
x = y = z = 1
