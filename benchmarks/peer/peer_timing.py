"""Timing shared by the PyTorch peer scripts, on the same clocks as the C# side's peer runner.

Each script prints JSON keyed by the C# benchmark method names:
{"peer": ..., "results": {"Method": {"median_ns": ..., "cpu_median_ns": ...}}}
"""

import statistics
import time


def thread_cpu_ns():
    """CPU time of the calling thread (the same clock as Peers/ThreadCpuClock.cs)."""
    with open("/proc/thread-self/schedstat") as stat:
        return int(stat.read().split()[0])


def medians_ns(fn, samples, warmup):
    """Median per-call wall-clock and thread-CPU nanoseconds over `samples` batches.

    The CPU counter advances in scheduler ticks, so a batch runs until it has used at least
    0.5 s of CPU (checked every ~10 ms of calls), keeping the tick error under 1 %. A call that
    is longer than that on its own makes a batch of one.
    """
    for _ in range(warmup):
        fn()
    start = time.perf_counter_ns()
    fn()
    chunk = max(1, int(10e6 / max(time.perf_counter_ns() - start, 1)))
    wall, cpu = [], []
    for _ in range(samples):
        calls = 0
        wall_start, cpu_start = time.perf_counter_ns(), thread_cpu_ns()
        while thread_cpu_ns() - cpu_start < 0.5e9:
            for _ in range(chunk):
                fn()
            calls += chunk
        cpu.append((thread_cpu_ns() - cpu_start) / calls)
        wall.append((time.perf_counter_ns() - wall_start) / calls)
    return {"median_ns": statistics.median(wall), "cpu_median_ns": statistics.median(cpu)}
