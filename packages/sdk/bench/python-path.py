"""The Python SDK's execute_action path, as the Autohive integrations SDK runs it.

Per call, inside one running asyncio loop: a fresh Draft7Validator for the inputs, another for
the credentials when the config declares auth fields, a handler instance whose async execute
returns an ActionResult, isinstance checks, a fresh Draft7Validator for the output, and an
IntegrationResult. Errors are sorted by path as the SDK sorts them.

Prints the jsonschema version that ran, the hot regime (each case `repeats` times in a row;
median and mean µs per call over cases) and the mixed regime (every case once per round in a
fixed order, `rounds` rounds; mean µs per call over all calls, of wall time and of the process's
CPU time)."""
import asyncio, json, statistics, sys, time
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any, Optional

from jsonschema import Draft7Validator

cases = json.load(open(sys.argv[1]))
repeats = int(sys.argv[2])
rounds = int(sys.argv[3])


@dataclass
class ActionResult:
    data: Any
    cost_usd: Optional[float] = None


@dataclass
class ActionError:
    message: str
    cost_usd: Optional[float] = None


@dataclass
class IntegrationResult:
    version: str
    type: str
    result: Any


class Context:
    def __init__(self, auth):
        self.auth = auth


def check(schema, value, name):
    errors = sorted(Draft7Validator(schema).iter_errors(value), key=lambda e: e.path)
    if errors:
        raise SystemExit(f"unexpected violation in {name}: {errors[0].message}")


def runner(case):
    output = case["output"]

    class Handler:
        async def execute(self, inputs, context):
            return ActionResult(data=output)

    input_schema = case["input_schema"]
    fields = case["credentials_schema"]
    output_schema = case["output_schema"]
    inputs = case["input"]
    context = Context(case["credentials"])
    name = case["name"]

    async def execute_action():
        check(input_schema, inputs, name)
        if fields is not None:
            check(fields, context.auth, name)
        handler = Handler()
        result = await handler.execute(inputs, context)
        if isinstance(result, ActionError):
            return IntegrationResult(version="2.0.0", type="action_error", result=result)
        if not isinstance(result, ActionResult):
            raise SystemExit(f"{name}: handler returned {type(result).__name__}")
        if output_schema is not None:
            check(output_schema, result.data, name)
        return IntegrationResult(version="2.0.0", type="action", result=result)

    return execute_action


async def main():
    runners = [runner(case) for case in cases]
    for run in runners:
        await run()
    per_call = []
    for run in runners:
        start = time.perf_counter_ns()
        for _ in range(repeats):
            await run()
        per_call.append((time.perf_counter_ns() - start) / repeats / 1000)
    start = time.perf_counter_ns()
    cpu = time.process_time_ns()
    for _ in range(rounds):
        for run in runners:
            await run()
    calls = rounds * len(runners)
    return {
        "jsonschema": version("jsonschema"),
        "python": sys.version.split()[0],
        "median_us": statistics.median(per_call),
        "mean_us": statistics.fmean(per_call),
        "mixed_us": (time.perf_counter_ns() - start) / calls / 1000,
        "mixed_cpu_us": (time.process_time_ns() - cpu) / calls / 1000,
    }


print(json.dumps(asyncio.run(main())))
