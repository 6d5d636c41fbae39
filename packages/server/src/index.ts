export { type AppOptions, createApp } from "./app.ts";
export {
  describeIntegrations,
  type IntegrationDescription,
  type OperationDescription,
} from "./describe.ts";
export { errorStatus, ServerError, type ServerErrorCode } from "./errors.ts";
export {
  type ActionCall,
  type CallOptions,
  createExecutor,
  type Executor,
  type ExecutorOptions,
  type TriggerCall,
  type TriggerOutcome,
} from "./executor.ts";
export { createLambdaHandler, type LambdaHandler, type LambdaHandlerOptions } from "./lambda.ts";
export { Lifecycle } from "./lifecycle.ts";
export { buildOpenApi } from "./openapi.ts";
export { defaultWorkers, type Isolation } from "./pool.ts";
export {
  envSecretSource,
  fileSecretSource,
  type SecretSource,
} from "./secret-source.ts";
export { readServedIntegrations, type ServedIntegration } from "./served-integration.ts";
export {
  checkAccess,
  isLoopback,
  type RunningServer,
  type StartServerOptions,
  startServer,
} from "./start-server.ts";
export { envelopeStatus } from "./status.ts";
