/**
 * CLI entry (`npm start`, `npm start -- --config FILE --port N --data DIR`). Without a config: demo mode.
 * An invalid config prints one line per problem and exits 2 before anything starts. SIGTERM/SIGINT stop the
 * agent gracefully within 5 s.
 */
import { parseArgs } from 'node:util';
import { startKioskAgent, type StartOptions } from './compose/start-agent';
import { ConfigError, UneditedConfigError } from './config/load-config';
import { UnsupportedPrinterInterfaceError } from './compose/create-printer';
import { TlsConfigError } from './api/http-server';
import { SecretKeyError } from './config/secret-key';
import { StoreOpenError } from './store/sqlite';

function usage(): never {
  process.stderr.write('usage: npm start -- [--config FILE] [--port N] [--data DIR]\n');
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { config?: string | undefined; port?: string | undefined; data?: string | undefined };
  try {
    ({ values } = parseArgs({ options: { config: { type: 'string' }, port: { type: 'string' }, data: { type: 'string' } }, strict: true }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    usage();
  }
  const configPath = values.config ?? process.env.KIOSK_CONFIG;
  const options: StartOptions = {};
  if (configPath) options.configPath = configPath;
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      process.stderr.write(`--port: expected a port number 0–65535, got "${values.port}"\n`);
      process.exit(2);
    }
    options.port = port;
  }
  if (values.data) options.dataDir = values.data;

  let agent;
  try {
    agent = await startKioskAgent(options);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${configPath ?? 'config'}: invalid site config\n${err.problems.join('\n')}\n`);
      process.exit(2);
    }
    // Nothing is half-started: a printer address, a store, a key or a certificate the agent cannot use is one clear
    // line and exit code 2.
    if (err instanceof UneditedConfigError || err instanceof UnsupportedPrinterInterfaceError || err instanceof StoreOpenError || err instanceof SecretKeyError || err instanceof TlsConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
      process.stderr.write(`cannot listen: ${e.message} (another kiosk agent running? use --port)\n`);
      process.exit(1);
    }
    throw err;
  }
  process.stdout.write(`Kiosk ready at ${agent.url}\n`);

  // A failure nobody caught (a bug in a background path) is logged, not fatal: the kiosk keeps serving the queue
  // and a technician finds the line in the log. Each background loop also catches its own errors.
  const log = agent.log.child({ module: 'process' });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection (logged; the agent keeps running)'));
  process.on('uncaughtException', (err) => log.error({ err }, 'uncaught exception (logged; the agent keeps running)'));

  let signalled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) return;
    signalled = true;
    const hard = setTimeout(() => process.exit(1), 5_000);
    hard.unref();
    agent.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`error while stopping after ${signal}: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

void main();
