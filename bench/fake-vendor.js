'use strict';
// A vendor for the benchmark: answers every POST like Twilio's Messages resource after a fixed latency.
// Usage: node bench/fake-vendor.js <latencyMs>   (prints "listening <port>" when ready)
const http = require('node:http');

const latencyMs = Number(process.argv[2] ?? 50);
let counter = 0;

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const sid = `SM${(++counter).toString(16).padStart(32, '0')}`;
    const body = JSON.stringify({ sid, status: 'queued' });
    setTimeout(() => {
      res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }, latencyMs);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
