import { handle, type LambdaContext, type LambdaEvent } from "hono/aws-lambda";
import { type AppOptions, createApp } from "./app.ts";
import { createExecutor, type Executor, type ExecutorOptions } from "./executor.ts";

/** Options of `createLambdaHandler`: the executor's and the app's. */
export type LambdaHandlerOptions = ExecutorOptions & Omit<AppOptions, "lifecycle">;

/** An AWS Lambda handler: API Gateway v1/v2, Function URL and ALB events. */
export type LambdaHandler = (
  event: LambdaEvent,
  context?: LambdaContext,
) => ReturnType<ReturnType<typeof handle>>;

/**
 * The same app as `plugboard serve`, as a Lambda handler (hono/aws-lambda). The executor
 * starts on the first event and is kept by the warm container for the next ones.
 */
export function createLambdaHandler(options: LambdaHandlerOptions): LambdaHandler {
  let ready: Promise<ReturnType<typeof handle>> | undefined;
  let executor: Executor | undefined;
  const start = async () => {
    executor = await createExecutor(options);
    return handle(createApp(executor, options));
  };
  return async (event, context) => {
    ready ??= start().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    const handler = await ready;
    return handler(event, context);
  };
}
