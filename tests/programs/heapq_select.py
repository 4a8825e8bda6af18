# heapq.nlargest / nsmallest: ties keep their original order, keys, n past the end.
import heapq

scores = [("ann", 91), ("bob", 78), ("cy", 91), ("dee", 65), ("eve", 78), ("fay", 99)]
print(heapq.nlargest(3, scores, key=lambda s: s[1]))
print(heapq.nsmallest(2, scores, key=lambda s: s[1]))
print(heapq.nlargest(2, [5, 1, 9, 3]), heapq.nsmallest(10, [5, 1, 9, 3]))
print(heapq.nlargest(0, [1, 2]), heapq.nlargest(-3, [1, 2]), heapq.nsmallest(1, "hello"))
words = "the quick brown fox jumps over the lazy dog".split()
print(heapq.nlargest(4, words, key=len), heapq.nsmallest(3, words))
