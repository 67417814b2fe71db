'use strict';
// A collector for the tracing benchmark: takes every OTLP/HTTP export and answers 200, counting spans.
// Usage: node bench/otlp-sink.js   (prints "listening <port>" when ready; "spans <n>" on SIGTERM)
const http = require('node:http');

let spans = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    for (const resource of body.resourceSpans ?? []) {
      for (const scope of resource.scopeSpans ?? []) spans += (scope.spans ?? []).length;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => {
  console.error(`spans ${spans}`);
  server.close(() => process.exit(0));
});
