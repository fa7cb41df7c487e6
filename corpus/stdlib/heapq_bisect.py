# stdlib: heapq priority queues and bisect on sorted lists.
import heapq
import bisect
data = [5, 1, 8, 3, 9, 2, 7]
h = list(data)
heapq.heapify(h)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
heapq.heappush(h, 0)
print(heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), sorted(h))
print(heapq.nlargest(3, data), heapq.nsmallest(2, data), heapq.nlargest(2, ["aa", "b", "cccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(4)])
s = [1, 3, 3, 5, 8]
print(bisect.bisect_left(s, 3), bisect.bisect_right(s, 3), bisect.bisect(s, 4), bisect.bisect_left(s, 9))
bisect.insort(s, 4)
bisect.insort_left(s, 3)
print(s)
grades = [bisect.bisect([60, 70, 80, 90], score) for score in (33, 99, 77, 70, 89, 90, 100)]
print(["FDCBA"[g] for g in grades])
