export { applyDefaults } from "./apply-defaults.ts";
export { parseConfig } from "./config.ts";
export type {
  ActionConfig,
  AuthConfig,
  CustomAuthConfig,
  IntegrationConfig,
  JsonSchema,
  OtherAuthConfig,
  PlatformAuthConfig,
  PollingTriggerConfig,
  SecretDeclaration,
} from "./config-types.ts";
export type { HttpInterceptor } from "./connection-pool.ts";
export { ExecutionContext, type ExecutionContextOptions } from "./context.ts";
export type { AuthInput } from "./credentials.ts";
export { DEFAULT_DEDUPE_WINDOW } from "./dedupe.ts";
export { clientErrorsAsActionErrors, type ErrorMapper } from "./error-mapping.ts";
export {
  ActionError,
  type ActionErrorOptions,
  ConfigurationError,
  type ConfigurationErrorCode,
  type ExecutionAbortedCode,
  ExecutionAbortedError,
  HTTPError,
  type HTTPErrorCode,
  NetworkError,
  type NetworkErrorCode,
  PaginationError,
  type PaginationErrorReason,
  RateLimitError,
  ResponseError,
  type ResponseErrorCode,
  StateStoreError,
  type StateStoreErrorCode,
  ValidationError,
  type ValidationErrorCode,
  type ValidationSource,
} from "./errors.ts";
export type { ExecuteOptions } from "./execution-deadline.ts";
export { type ContextFetch, DEFAULT_MAX_RESPONSE_BYTES, defaultRetryDelay } from "./fetch.ts";
export type { FetchOptions, FetchResponse, HttpCall, RequestConfig } from "./fetch-types.ts";
export { FileStateStore } from "./file-state-store.ts";
export {
  type ActionHandlers,
  type IntegrationBuilders,
  type IntegrationFeatures,
  type IntegrationHandlers,
  type IntegrationSource,
  initIntegration,
  type TriggerHandlers,
} from "./init-integration.ts";
export {
  type ActionsShape,
  type AnyIntegration,
  Integration,
  type IntegrationOptions,
  type TriggersShape,
} from "./integration.ts";
export { locateSyntaxError, type TextPosition } from "./json-location.ts";
export { type LogFields, type Logger, silentLogger } from "./logger.ts";
export {
  type CursorPagination,
  DEFAULT_MAX_PAGES,
  type LinkPagination,
  type OffsetPagination,
  type Page,
  type PagePagination,
  type Paginated,
  type PaginateOptions,
} from "./paginate.ts";
export { type PollOptions, type PollOutcome, pollWithState } from "./poll.ts";
export { parsePollingInterval } from "./polling-interval.ts";
export { REDACTED } from "./redact.ts";
export type { CredentialValue, RequestAuth, RequestsOptions } from "./request-auth.ts";
export {
  type ActionErrorPayload,
  type ActionOutcome,
  type ActionResultPayload,
  type ConnectedAccountPayload,
  type ConnectedAccountResult,
  type IntegrationResult,
  RESULT_VERSION,
  type ResultType,
} from "./result.ts";
export {
  assertSecrets,
  type DeclaredSecretKeys,
  declaredSecretKeys,
  envSecretSource,
  pickSecrets,
  type SecretSource,
  type SecretValues,
} from "./secrets.ts";
export {
  type DedupeStrategy,
  MemoryStateStore,
  type TriggerState,
  type TriggerStateStore,
} from "./trigger-state.ts";
export type {
  ActionHandler,
  ActionMap,
  ActionResult,
  ActionSpec,
  ConnectedAccountHandler,
  ConnectedAccountInfo,
  OperationValidators,
  OperationValidatorsEntry,
  PollingRecord,
  PollingTriggerHandler,
  PrecompiledValidators,
  SpecSecrets,
  TriggerMap,
  TriggerSpec,
  ValidateFunction,
  ValidatorError,
} from "./types.ts";
export type { Violation } from "./validate.ts";
export { validatorRuntime } from "./validator-runtime.ts";
