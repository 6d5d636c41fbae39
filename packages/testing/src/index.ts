export { catalogConfig, notesConfig, weatherConfig } from "./example-configs.ts";
export { exampleSources } from "./example-sources.ts";
export {
  type Fixture,
  type FixtureBodyEncoding,
  type FixtureExchange,
  type FixtureRequest,
  type FixtureResponse,
  loadFixture,
} from "./fixture.ts";
export {
  probeConfig,
  probeLoads,
  removeWorkspace,
  writeProbeIntegration,
} from "./probe-integration.ts";
export {
  type RecordedRequest,
  type RecordingServer,
  type RecordingServerOptions,
  type Reply,
  type Responder,
  type Routes,
  startRecordingServer,
} from "./recording-server.ts";
export { startRedisServer, type TestRedis } from "./redis-server.ts";
export { type FixtureReplay, replayFixture } from "./replay-fixture.ts";
export { sampleValue } from "./sample-value.ts";
export { type ScratchPackage, scratchPackage } from "./scratch-package.ts";
