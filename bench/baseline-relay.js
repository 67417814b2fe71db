'use strict';
// The smallest honest raw node:http program doing the gateway's job, for comparison:
// check the auth header, parse Okta's JSON, form-POST to the vendor over a keep-alive agent,
// answer Okta's JSON. No framework, no validation beyond what the job needs, no logging.
// Usage: VENDOR_URL=http://127.0.0.1:port SECRET=... node bench/baseline-relay.js
const http = require('node:http');
const { timingSafeEqual, createHash } = require('node:crypto');
const { sendToVendor } = require('./relay-vendor');

const secret = createHash('sha256').update(process.env.SECRET).digest();

function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function authorized(req) {
  const presented = createHash('sha256').update(String(req.headers.authorization ?? '')).digest();
  return timingSafeEqual(presented, secret);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET') return answer(res, 200, { status: 'ok' }); // readiness probe for the bench
  if (req.method !== 'POST' || !authorized(req)) return answer(res, 401, { error: { errorSummary: 'Unauthorized' } });
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    let profile;
    try {
      profile = JSON.parse(body).data.messageProfile;
    } catch {
      return answer(res, 400, { error: { errorSummary: 'Bad request' } });
    }
    sendToVendor(profile, (sid) => {
      if (!sid) return answer(res, 200, { error: { errorSummary: 'Failed to deliver SMS OTP' } });
      answer(res, 200, {
        commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'SUCCESSFUL', provider: 'twilio', transactionId: sid }] }],
      });
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
