'use strict';
// One client of decision 0001 in its own process: a warm-up, then as many Twilio-like form POSTs
// as it completes in the given time with a fixed number in flight. Prints one JSON line.
const http = require('node:http');
const { join } = require('node:path');
const { ROOT } = require('../processes');

const [client, url, durationMs, concurrency] = process.argv.slice(2);
const PATH = '/2010-04-01/Accounts/AC0123/Messages.json';
const BODY = 'To=%2B14155552671&From=%2B15005550006&Body=Your+code+is+480213';
const HEADERS = { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic QUMwMTIzOnRva2Vu' };

/** One send as the gateway makes it: a fresh AbortSignal per attempt, the whole answer read. */
function clientFor(name) {
  if (name === 'node:http (ours)') {
    const { VendorHttpClient } = require(join(ROOT, 'dist/providers/kit/http/vendor-http.client.js'));
    const sut = new VendorHttpClient({ baseUrl: url, maxSockets: 64 });
    return (signal) => sut.request({ method: 'POST', path: PATH, headers: HEADERS, body: BODY, signal }).then((r) => r.status);
  }
  if (name === '@nestjs/axios + keep-alive agent') {
    const axios = require('axios');
    const { HttpService } = require('@nestjs/axios');
    const { firstValueFrom } = require('rxjs');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' });
    const sut = new HttpService(axios.create({ httpAgent: agent, maxRedirects: 0, validateStatus: () => true, responseType: 'text', proxy: false }));
    return (signal) => firstValueFrom(sut.post(url + PATH, BODY, { headers: HEADERS, signal })).then((r) => r.status);
  }
  const { Pool } = require('undici');
  const pool = new Pool(url, { connections: 64 });
  return (signal) =>
    pool.request({ path: PATH, method: 'POST', headers: HEADERS, body: BODY, signal }).then(async (r) => (await r.body.text(), r.statusCode));
}

async function load(send, ms) {
  const until = Date.now() + ms;
  let completed = 0;
  let errors = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const status = await send(AbortSignal.timeout(5000)).catch(() => 0);
      if (status === 201) completed += 1;
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: Number(concurrency) }, worker));
  return { completed, errors };
}

async function main() {
  const send = clientFor(client);
  await load(send, 1000);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const { completed, errors } = await load(send, Number(durationMs));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({
    requestsPerSecond: completed / seconds,
    cpuMicrosPerRequest: (used.user + used.system) / completed,
    errors,
  }));
  process.exit(0);
}

main();
