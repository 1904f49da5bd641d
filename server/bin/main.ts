/**
 * Production entry point (`node --import tsx server/bin/main.ts`, or `npm start` via start.ts): reads the environment,
 * serves the console, sign-in, the API forwarder and (with no SPOTNANA_BASE_URL) the embedded sandbox and OpenID
 * Provider, until SIGTERM/SIGINT.
 */
import './production-mode.ts';
import { describeConsoleDb, describeUpstream, loadConfigOrExit } from '../config.ts';
import { closeOnSignals, launchServer } from '../launch.ts';
import { logger } from '../operations/logger.ts';

const config = loadConfigOrExit();
logger.level = config.logLevel;
const server = await launchServer(config).catch((error: unknown) => {
  // The message, not a stack: at start it names a setting or a port (a database URL is never in it).
  logger.fatal({ host: config.host, port: config.port, detail: String(error) }, 'could not start the server');
  process.exit(1);
});
const listening = {
  url: server.url,
  publicUrl: server.publicUrl,
  upstream: describeUpstream(config),
  signIn: server.embeddedIssuer ?? config.oidc?.issuer,
  consoleDb: describeConsoleDb(config),
};
logger.info(listening, 'listening');
closeOnSignals(() => server.close(), config.shutdownGraceMs);
