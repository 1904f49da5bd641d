/**
 * Production entry point (`node --import tsx server/main.ts`, or `npm start` via start.ts): reads the environment,
 * serves the console, sign-in, the API forwarder and (with no SPOTNANA_BASE_URL) the embedded sandbox and OpenID
 * Provider, until SIGTERM/SIGINT.
 */
import { describeConsoleDb, describeUpstream, loadConfigOrExit } from './config.ts';
import { closeOnSignals, launchServer } from './launch.ts';

const config = loadConfigOrExit();
const server = await launchServer(config).catch((error: unknown) => {
  console.error(`Could not start the server on ${config.host}:${config.port}: ${String(error)}`);
  process.exit(1);
});
const listening = {
  time: new Date().toISOString(),
  level: 'info',
  msg: 'listening',
  url: server.url,
  publicUrl: server.publicUrl,
  upstream: describeUpstream(config),
  signIn: server.embeddedIssuer ?? config.oidc?.issuer,
  consoleDb: describeConsoleDb(config),
};
process.stdout.write(`${JSON.stringify(listening)}\n`);
closeOnSignals(() => server.close());
