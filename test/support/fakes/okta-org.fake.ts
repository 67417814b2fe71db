import { FakeResponse } from '../fake-server';
import {
  hookView,
  invalid,
  Json,
  newId,
  notFound,
  ok,
  stamp,
  StoredEventHook,
  StoredInlineHook,
} from './okta-bodies';
import { callHook, channelHeaders, verifyChallenge } from './okta-hook-callout';

const TELEPHONY = 'com.okta.telephony.provider';
/** Event types the fake knows to be event-hook eligible (okta-contract.md §4, docs/events.md). */
const ELIGIBLE = new Set([
  'system.sms.send_phone_verification_message',
  'system.voice.send_phone_verification_call',
  'user.authentication.auth_via_mfa',
  'user.mfa.factor.activate',
  'inline_hook.executed',
]);

/**
 * The hooks of one Okta org and what Okta does with them: one active telephony hook at most,
 * https URIs (loopback http tolerated, for the gateway under test), eligible event types, a
 * channel change unverifies an event hook; `verify` GETs the hook's challenge and `execute`
 * POSTs the payload to the hook, as Okta does.
 */
export class OktaOrg {
  readonly inlineHooks = new Map<string, StoredInlineHook>();
  readonly eventHooks = new Map<string, StoredEventHook>();

  /** `(value) => problems` for the hook's answer to execute (TelephonyResponse). */
  constructor(private readonly checkTelephonyAnswer: (value: unknown) => string[]) {}

  /** Adds a telephony hook as if created in the Admin Console. */
  seedInlineHook(name: string, uri: string, status: 'ACTIVE' | 'INACTIVE'): StoredInlineHook {
    const authScheme = { type: 'HEADER', key: 'authorization', value: 'seeded-secret' };
    const config = { uri, method: 'POST', headers: [], authScheme };
    const hook = stamp({
      id: newId('cal'),
      name,
      type: TELEPHONY,
      version: '1.0.0',
      status,
      channel: { type: 'HTTP', version: '1.0.0', config },
    });
    this.inlineHooks.set(hook.id, hook);
    return hook;
  }

  listInline(type: string | null): FakeResponse {
    return ok([...this.inlineHooks.values()].filter((h) => !type || h.type === type).map(hookView));
  }

  getInline(id: string): FakeResponse {
    const hook = this.inlineHooks.get(id);
    return hook ? ok(hookView(hook)) : notFound(id);
  }

  createInline(body: Json): FakeResponse {
    const problems = hookProblems(body);
    if (body.type !== TELEPHONY)
      problems.push(`type ${String(body.type)} is not one the gateway uses`);
    if (this.activeTelephony())
      problems.push('An org can have only one active telephony inline hook');
    if (problems.length > 0) return invalid(problems);
    const hook = stamp({
      ...(body as StoredInlineHook),
      id: newId('cal'),
      status: 'ACTIVE' as const,
    });
    this.inlineHooks.set(hook.id, hook);
    return ok(hookView(hook));
  }

  replaceInline(id: string, body: Json): FakeResponse {
    const hook = this.inlineHooks.get(id);
    if (!hook) return notFound(id);
    const problems = hookProblems(body);
    if (problems.length > 0) return invalid(problems);
    const next = stamp({
      ...hook,
      ...(body as Partial<StoredInlineHook>),
      id,
      type: hook.type,
      status: hook.status,
    });
    this.inlineHooks.set(id, next);
    return ok(hookView(next));
  }

  setInline(id: string, status: 'ACTIVE' | 'INACTIVE'): FakeResponse {
    const hook = this.inlineHooks.get(id);
    if (!hook) return notFound(id);
    const other = this.activeTelephony();
    if (status === 'ACTIVE' && other && other.id !== id) {
      return invalid(['An org can have only one active telephony inline hook']);
    }
    const next = stamp({ ...hook, status });
    this.inlineHooks.set(id, next);
    return ok(hookView(next));
  }

  /** The Preview tab as an API: the payload goes to the hook; its answer must fit the contract. */
  async execute(id: string, payload: Json): Promise<FakeResponse> {
    const hook = this.inlineHooks.get(id);
    if (!hook) return notFound(id);
    if (hook.channel.type !== 'HTTP')
      return invalid(['this fake executes header-authenticated hooks only']);
    const config = hook.channel.config;
    const headers = {
      'content-type': 'application/json',
      accept: 'application/json',
      ...channelHeaders(config),
    };
    const answer = await callHook(String(config.uri), {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
    });
    if ('failed' in answer)
      return invalid([`Error while invoking the inline hook: it ${answer.failed}`]);
    if (answer.status !== 200) return invalid([`The inline hook answered HTTP ${answer.status}`]);
    const body = JSON.parse(answer.body) as unknown;
    const problems = this.checkTelephonyAnswer(body);
    if (problems.length > 0)
      return invalid(problems.map((p) => `The inline hook response is not valid: ${p}`));
    return ok(body);
  }

  listEvent(): FakeResponse {
    return ok([...this.eventHooks.values()].map(hookView));
  }

  getEvent(id: string): FakeResponse {
    const hook = this.eventHooks.get(id);
    return hook ? ok(hookView(hook)) : notFound(id);
  }

  /** Create (no id) or replace; a changed channel needs a new verification. */
  saveEvent(id: string | undefined, body: Json): FakeResponse {
    const before = id ? this.eventHooks.get(id) : undefined;
    if (id && !before) return notFound(id);
    const items = ((body.events as Json | undefined)?.items as string[] | undefined) ?? [];
    const problems = [
      ...hookProblems(body),
      ...items
        .filter((e) => !ELIGIBLE.has(e))
        .map((e) => `${e} is not an event-hook eligible event type`),
    ];
    if (problems.length > 0) return invalid(problems);
    const sent = body.channel as StoredEventHook['channel'];
    const channel = { ...sent, config: { ...sent.config, method: 'POST' } };
    const same = before && JSON.stringify(before.channel) === JSON.stringify(channel);
    const hook: StoredEventHook = stamp({
      createdBy: '00ufakeadmin00000000',
      ...before,
      ...(body as Pick<StoredEventHook, 'name' | 'events'>),
      channel,
      id: before?.id ?? newId('who'),
      status: before?.status ?? 'ACTIVE',
      verificationStatus: same ? before.verificationStatus : 'UNVERIFIED',
    });
    this.eventHooks.set(hook.id, hook);
    return ok(hookView(hook));
  }

  async verify(id: string): Promise<FakeResponse> {
    const hook = this.eventHooks.get(id);
    if (!hook) return notFound(id);
    const config = hook.channel.config;
    const failed = await verifyChallenge(String(config.uri), channelHeaders(config));
    if (failed) return invalid([`Verification of the event hook failed: ${failed}`]);
    return this.setEvent(id, hook.status, 'VERIFIED');
  }

  setEvent(id: string, status: 'ACTIVE' | 'INACTIVE', verification?: 'VERIFIED'): FakeResponse {
    const hook = this.eventHooks.get(id);
    if (!hook) return notFound(id);
    const next = stamp({
      ...hook,
      status,
      verificationStatus: verification ?? hook.verificationStatus,
    });
    this.eventHooks.set(id, next);
    return ok(hookView(next));
  }

  private activeTelephony(): StoredInlineHook | undefined {
    return [...this.inlineHooks.values()].find(
      (h) => h.type === TELEPHONY && h.status === 'ACTIVE',
    );
  }
}

/** What Okta checks beyond the schema: a name, and an https URI (loopback http tolerated). */
function hookProblems(body: Json): string[] {
  const problems: string[] = [];
  if (typeof body.name !== 'string' || body.name.length === 0) problems.push('name is required');
  const config = (body.channel as Json | undefined)?.config as Json | undefined;
  const uri = typeof config?.uri === 'string' ? config.uri : '';
  if (!/^https:\/\//.test(uri) && !/^http:\/\/127\.0\.0\.1:\d+\//.test(uri)) {
    problems.push('channel.config.uri must begin with https://');
  }
  return problems;
}
