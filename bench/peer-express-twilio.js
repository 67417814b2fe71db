'use strict';
// The program Okta's own guide has a customer build ("Telephony inline hook with Twilio"), written
// here: Express 5 with express.json(), the authorization header compared with the configured
// secret, the official `twilio` SDK's messages.create (calls.create for voice) and Okta's JSON
// answer. The only change for the benchmark: the SDK's own RequestClient (axios, its agent
// settings) sends to the fake vendor instead of api.twilio.com, over plain HTTP.
// Usage: VENDOR_URL=http://127.0.0.1:port SECRET=... node bench/peer-express-twilio.js
const http = require('node:http');
const { timingSafeEqual, createHash } = require('node:crypto');
const express = require('express');
const twilio = require('twilio');

const TWILIO_ORIGIN = 'https://api.twilio.com';
const FROM = '+15005550006';
const secret = createHash('sha256').update(process.env.SECRET).digest();

/** twilio's RequestClient with the origin of every URI replaced by the fake vendor's. */
class FakeVendorRequestClient extends twilio.RequestClient {
  constructor(vendorUrl) {
    super();
    this.vendorUrl = vendorUrl;
    // The SDK's defaults for its https agent (keep-alive, 20 sockets per host, 5 kept free), for http.
    this.axios.defaults.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 20, maxTotalSockets: 100, maxFreeSockets: 5, timeout: 30_000 });
  }

  request(opts) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_ORIGIN, this.vendorUrl) });
  }
}

const client = twilio('AC0123456789abcdef0123456789abcdef', 'bench-twilio-token', {
  httpClient: new FakeVendorRequestClient(process.env.VENDOR_URL),
});

function authorized(req) {
  const presented = createHash('sha256').update(String(req.headers.authorization ?? '')).digest();
  return timingSafeEqual(presented, secret);
}

function send(profile) {
  const to = String(profile.phoneNumber);
  if (String(profile.deliveryChannel).toLowerCase() === 'sms') {
    return client.messages.create({ to, from: FROM, body: profile.msgTemplate });
  }
  return client.calls.create({ to, from: FROM, twiml: `<Response><Say>${profile.msgTemplate}</Say></Response>` });
}

const app = express();
app.use(express.json());
app.get('/health', (req, res) => res.json({ status: 'ok' }));
app.post('/hooks/okta/telephony', async (req, res) => {
  if (!authorized(req)) return res.status(401).json({ error: { errorSummary: 'Unauthorized' } });
  const profile = req.body?.data?.messageProfile;
  if (!profile) return res.status(400).json({ error: { errorSummary: 'Bad request' } });
  try {
    const sent = await send(profile);
    res.json({ commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'SUCCESSFUL', provider: 'TWILIO', transactionId: sent.sid }] }] });
  } catch (error) {
    res.json({ error: { errorSummary: 'Failed to deliver the OTP', errorCauses: [{ errorSummary: String(error.code ?? 'error'), reason: 'vendor' }] } });
  }
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
server.keepAliveTimeout = 60_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
