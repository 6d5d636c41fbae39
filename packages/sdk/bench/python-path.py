"""The Python SDK's validation path: a fresh Draft7Validator per call, as execute_action does.

Prints the hot regime (each case `repeats` times in a row; median and mean µs per call over
cases) and the mixed regime (every case once per round in a fixed order, `rounds` rounds; mean
µs per call over all calls, of wall time and of the process's CPU time)."""
import json, statistics, sys, time
from jsonschema import Draft7Validator

cases = json.load(open(sys.argv[1]))
repeats = int(sys.argv[2])
rounds = int(sys.argv[3])


def runner(case):
    checks = [
        (case["input_schema"], case["input"]),
        (case["credentials_schema"], case["credentials"]),
        (case["output_schema"], case["output"]),
    ]

    def run():
        for schema, value in checks:
            if schema is None:
                continue
            errors = sorted(Draft7Validator(schema).iter_errors(value), key=lambda e: e.path)
            if errors:
                raise SystemExit(f"unexpected violation in {case['name']}: {errors[0].message}")

    return run


runners = [runner(case) for case in cases]
for run in runners:
    run()
per_call = []
for run in runners:
    start = time.perf_counter_ns()
    for _ in range(repeats):
        run()
    per_call.append((time.perf_counter_ns() - start) / repeats / 1000)
start = time.perf_counter_ns()
cpu = time.process_time_ns()
for _ in range(rounds):
    for run in runners:
        run()
calls = rounds * len(runners)
mixed_us = (time.perf_counter_ns() - start) / calls / 1000
mixed_cpu_us = (time.process_time_ns() - cpu) / calls / 1000
print(json.dumps({
    "median_us": statistics.median(per_call),
    "mean_us": statistics.fmean(per_call),
    "mixed_us": mixed_us,
    "mixed_cpu_us": mixed_cpu_us,
}))
