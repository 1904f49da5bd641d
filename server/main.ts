/**
 * Production entry point (`node --import tsx server/main.ts`, or `npm start` via start.ts): reads the environment,
 * serves the console, the API forwarder and (with no SPOTNANA_BASE_URL) the embedded sandbox, until SIGTERM/SIGINT.
 */
import { describeUpstream, loadConfigOrExit } from './config.ts';
import { closeOnSignals, launchServer } from './launch.ts';

const config = loadConfigOrExit();
const server = await launchServer(config).catch((error: unknown) => {
  console.error(`Could not start the server on ${config.host}:${config.port}: ${String(error)}`);
  process.exit(1);
});
process.stdout.write(
  `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'listening', url: server.url, upstream: describeUpstream(config) })}\n`,
);
closeOnSignals(() => server.close());
