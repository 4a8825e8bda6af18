# A program checking the interpreter's int limits before formatting huge numbers.
import sys

info = sys.int_info
print(info)
print(info.bits_per_digit, info.sizeof_digit, info.default_max_str_digits, info.str_digits_check_threshold)
print(len(info), info[0], tuple(info)[2:])
digits_per_limb = info.bits_per_digit * 3 // 10
print("about", digits_per_limb, "decimal digits per internal digit")
n = 7 ** 3000
text = str(n)
print(len(text) < info.default_max_str_digits, text[:20], text[-5:])
