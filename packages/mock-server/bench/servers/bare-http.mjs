// The ceiling of the throughput bench: bare node:http answering a fixed JSON body of the size of
// the mock's answers, with nothing decided per request. Prints its URL, serves until SIGTERM.
import { createServer } from 'node:http';

const body = JSON.stringify({ totalCount: 1, pageNo: 0, pageSize: 10, data: [{ deviceId: 'x'.repeat(400) }] });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening http://127.0.0.1:${server.address().port}`));
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
