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
} from "./config-types.ts";
export {
  ActionError,
  type ActionErrorOptions,
  ConfigurationError,
  type ConfigurationErrorCode,
  HTTPError,
  type HTTPErrorCode,
  NetworkError,
  type NetworkErrorCode,
  RateLimitError,
  ValidationError,
  type ValidationErrorCode,
  type ValidationSource,
} from "./errors.ts";
export { parsePollingInterval } from "./polling-interval.ts";
