"""The Python SDK's validation path: a fresh Draft7Validator per call, as execute_action does."""
import json, statistics, sys, time
from jsonschema import Draft7Validator

cases = json.load(open(sys.argv[1]))
repeats = int(sys.argv[2])
per_call = []
for case in cases:
    def run():
        for schema, value in ((case["input_schema"], case["input"]), (case["credentials_schema"], case["credentials"]), (case["output_schema"], case["output"])):
            if schema is None:
                continue
            errors = sorted(Draft7Validator(schema).iter_errors(value), key=lambda e: e.path)
            if errors:
                raise SystemExit(f"unexpected violation in {case['name']}: {errors[0].message}")
    run()
    start = time.perf_counter_ns()
    for _ in range(repeats):
        run()
    per_call.append((time.perf_counter_ns() - start) / repeats / 1000)
print(json.dumps({"median_us": statistics.median(per_call), "mean_us": statistics.fmean(per_call)}))
