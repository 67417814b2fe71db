'use strict';
// The baseline relay's job (bench/baseline-relay.js) on Fastify alone, without NestJS: the header
// checked in an onRequest hook, one route, node:http to the vendor. Beside bench/framework-floor.js
// (the same on NestJS) it splits the framework's cost between Fastify and Nest, which is what taking
// the hook route off Nest's per-request plumbing could buy: `BENCH_FLOOR=1 npm run bench` runs both.
// Usage: VENDOR_URL=http://127.0.0.1:port SECRET=... node bench/fastify-floor.js
const { timingSafeEqual, createHash } = require('node:crypto');
const Fastify = require('fastify');
const { sendToVendor } = require('./relay-vendor');

const secret = createHash('sha256').update(process.env.SECRET).digest();
const app = Fastify();

app.addHook('onRequest', (request, reply, done) => {
  if (request.url !== '/hooks/okta/telephony') return done();
  const presented = createHash('sha256').update(String(request.headers.authorization ?? '')).digest();
  if (timingSafeEqual(presented, secret)) return done();
  reply.code(401).send({ errorSummary: 'Unauthorized' });
});

app.post('/hooks/okta/telephony', async (request) => {
  const sid = await new Promise((resolve) => sendToVendor(request.body.data.messageProfile, resolve));
  if (!sid) return { error: { errorSummary: 'Failed to deliver SMS OTP' } };
  return { commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'SUCCESSFUL', provider: 'twilio', transactionId: sid }] }] };
});
app.get('/health', async () => ({ status: 'ok' }));

app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).then(() => {
  console.log(`listening ${app.server.address().port}`);
});
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
