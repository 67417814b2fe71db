'use strict';
// The baseline relay's job (bench/baseline-relay.js) written the way the gateway is built: NestJS on
// Fastify, a guard for the header, a controller, node:http to the vendor. No validation, delivery
// engine, logging or metrics. It shows what the framework alone costs per request, the floor under
// the gateway's own code: `BENCH_FLOOR=1 npm run bench` adds it, and bench/fastify-floor.js, as targets.
// Usage: VENDOR_URL=http://127.0.0.1:port SECRET=... node bench/framework-floor.js
require('reflect-metadata');
const { timingSafeEqual, createHash } = require('node:crypto');
const { Module, Controller, Post, Get, Body, HttpCode, UseGuards } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { sendToVendor } = require('./relay-vendor');

const secret = createHash('sha256').update(process.env.SECRET).digest();

class HeaderGuard {
  canActivate(context) {
    const presented = createHash('sha256').update(String(context.switchToHttp().getRequest().headers.authorization ?? '')).digest();
    return timingSafeEqual(presented, secret);
  }
}

class HookController {
  async send(body) {
    const sid = await new Promise((resolve) => sendToVendor(body.data.messageProfile, resolve));
    if (!sid) return { error: { errorSummary: 'Failed to deliver SMS OTP' } };
    return { commands: [{ type: 'com.okta.telephony.action', value: [{ status: 'SUCCESSFUL', provider: 'twilio', transactionId: sid }] }] };
  }
  health() {
    return { status: 'ok' };
  }
}
// Decorators applied by hand: this file is plain JavaScript, run without a build.
Reflect.decorate([Controller()], HookController);
Reflect.decorate([Post('hooks/okta/telephony'), HttpCode(200), UseGuards(HeaderGuard)], HookController.prototype, 'send', Object.getOwnPropertyDescriptor(HookController.prototype, 'send'));
Body()(HookController.prototype, 'send', 0);
Reflect.decorate([Get('health')], HookController.prototype, 'health', Object.getOwnPropertyDescriptor(HookController.prototype, 'health'));

class FloorModule {}
Reflect.decorate([Module({ controllers: [HookController] })], FloorModule);

async function main() {
  const app = await NestFactory.create(FloorModule, new FastifyAdapter(), { logger: false });
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  console.log(`listening ${app.getHttpServer().address().port}`);
  process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
}
main();
