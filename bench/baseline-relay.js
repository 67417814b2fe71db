'use strict';
// The smallest honest raw node:http program doing the gateway's job, for comparison:
// check the auth header, parse Okta's JSON, form-POST to the vendor over a keep-alive agent,
// answer Okta's JSON. No framework, no validation beyond what the job needs, no logging.
// Usage: VENDOR_URL=http://127.0.0.1:port SECRET=... node bench/baseline-relay.js
const http = require('node:http');
const { timingSafeEqual, createHash } = require('node:crypto');

const vendor = new URL(process.env.VENDOR_URL);
const secret = createHash('sha256').update(process.env.SECRET).digest();
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const authorization = `Basic ${Buffer.from('AC0123456789abcdef0123456789abcdef:token').toString('base64')}`;

function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function authorized(req) {
  const presented = createHash('sha256').update(String(req.headers.authorization ?? '')).digest();
  return timingSafeEqual(presented, secret);
}

function send(profile, done) {
  const form = new URLSearchParams({ To: String(profile.phoneNumber), From: '+15005550006', Body: profile.msgTemplate });
  const payload = form.toString();
  const req = http.request(
    {
      host: vendor.hostname,
      port: vendor.port,
      method: 'POST',
      path: '/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json',
      agent,
      headers: {
        authorization,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(payload),
      },
    },
    (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => done(res.statusCode === 201 ? JSON.parse(data).sid : undefined));
    },
  );
  req.on('error', () => done(undefined));
  req.end(payload);
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
    send(profile, (sid) => {
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
