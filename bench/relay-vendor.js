'use strict';
// The vendor half of the relay's job, shared by bench/baseline-relay.js and bench/framework-floor.js:
// a Twilio-style form POST over one keep-alive agent; `done` gets the message sid, or undefined.
const http = require('node:http');

const vendor = new URL(process.env.VENDOR_URL);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const authorization = `Basic ${Buffer.from('AC0123456789abcdef0123456789abcdef:token').toString('base64')}`;

function sendToVendor(profile, done) {
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

module.exports = { sendToVendor };
