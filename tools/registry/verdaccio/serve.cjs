// Starts Verdaccio with the given config file on 127.0.0.1, on the port the OS picks, and prints
// {"url": ...} once it listens. Runs on Node 22+ (Verdaccio 6's engines); SIGTERM closes it.
const { runServer } = require('verdaccio');

async function main() {
  const [configPath] = process.argv.slice(2);
  if (!configPath) throw new Error('usage: node serve.cjs <config.yaml>');
  const server = await runServer(configPath);
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/` })}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
