# A module stitch does not provide is refused before anything runs (CPython would
# run the first print, then fail or succeed on the import).
import math

print(math.sqrt(4))
from xml.dom import minidom
