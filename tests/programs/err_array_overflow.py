# Pixel values packed in unsigned bytes: brightening past 255 overflows.
from array import array

pixels = array("B", [10, 120, 200, 250])
print(pixels, pixels.itemsize * len(pixels), "bytes")
for i in range(len(pixels)):
    pixels[i] = min(pixels[i] + 5, 255)
print(pixels)
for i in range(len(pixels)):
    pixels[i] += 50
print("not reached")
