'use strict';
// Decision 0001's proxy column: can each client reach an HTTPS vendor through a real forward
// proxy (npm `proxy`) on 127.0.0.1, and does it tunnel with CONNECT? The vendor's certificate
// comes from a CA made here with openssl, which each client is told to trust.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ROOT } = require('../processes');

function testCa(dir) {
  const at = (name) => join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '1', '-subj', '/CN=bench CA');
  openssl('req', ...ec, '-keyout', at('v.key'), '-out', at('v.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(at('san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', at('v.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('v.pem'), '-days', '1', '-extfile', at('san.cnf'));
  return { ca: readFileSync(at('ca.pem'), 'utf8'), key: readFileSync(at('v.key'), 'utf8'), cert: readFileSync(at('v.pem'), 'utf8') };
}

const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));

/** One request per client through the proxy; what the proxy and the vendor saw. */
async function proxySupport() {
  const { createProxy } = await import('proxy');
  const dir = mkdtempSync(join(tmpdir(), 'otg-bench-ca-'));
  const { ca, key, cert } = testCa(dir);
  const vendor = https.createServer({ key, cert }, (req, res) => req.resume().on('end', () => res.writeHead(201).end('{}')));
  const proxy = createProxy(http.createServer());
  const seen = [];
  proxy.prependListener('connect', (req) => seen.push('CONNECT'));
  proxy.prependListener('request', (req) => seen.push(`absolute-form ${req.url.split(':')[0]}`));
  const vendorUrl = `https://127.0.0.1:${await listen(vendor)}`;
  const proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  const attempts = {
    'node:http (ours)': async () => {
      const { VendorHttpClient } = require(join(ROOT, 'dist/providers/kit/http/vendor-http.client.js'));
      const sut = new VendorHttpClient({ baseUrl: vendorUrl, maxSockets: 1, proxy: { httpsProxy: proxyUrl }, ca });
      try {
        return (await sut.request({ method: 'POST', path: '/x', body: '{}', signal: AbortSignal.timeout(3000) })).status;
      } finally {
        await sut.close();
      }
    },
    '@nestjs/axios + keep-alive agent': async () => {
      const axios = require('axios');
      const { HttpService } = require('@nestjs/axios');
      const { firstValueFrom } = require('rxjs');
      const { port } = new URL(proxyUrl);
      const sut = new HttpService(axios.create({ httpsAgent: new https.Agent({ keepAlive: true, ca }), proxy: { protocol: 'http', host: '127.0.0.1', port: Number(port) }, validateStatus: () => true }));
      return (await firstValueFrom(sut.post(`${vendorUrl}/x`, '{}', { signal: AbortSignal.timeout(3000) }))).status;
    },
    'undici Pool': async () => {
      const { ProxyAgent, request } = require('undici');
      const dispatcher = new ProxyAgent({ uri: proxyUrl, requestTls: { ca } });
      try {
        const res = await request(`${vendorUrl}/x`, { method: 'POST', body: '{}', dispatcher, signal: AbortSignal.timeout(3000) });
        await res.body.text();
        return res.statusCode;
      } finally {
        await dispatcher.close();
      }
    },
  };
  const verdicts = {};
  try {
    for (const [client, attempt] of Object.entries(attempts)) {
      seen.length = 0;
      const outcome = await attempt().then((status) => `HTTP ${status}`, (e) => `failed (${e.code ?? e.name})`);
      verdicts[client] = `${outcome}; proxy saw: ${seen.join(', ') || 'nothing'}`;
    }
  } finally {
    proxy.closeAllConnections();
    vendor.closeAllConnections();
    await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => vendor.close(r))]);
    rmSync(dir, { recursive: true, force: true });
  }
  return verdicts;
}

module.exports = { proxySupport };
