import {
  EventHookBody,
  EventHookView,
  InlineHookBody,
  InlineHookView,
  OktaHooksApi,
} from './okta-api';
import { CallLog, eventHookView, inlineHookView } from './okta-views';

const NEW_INLINE = '{new inline hook id}';
const NEW_EVENT = '{new event hook id}';

/**
 * `--dry-run`: reads go to Okta, writes are only logged in `log` (secrets masked) and answered
 * with what Okta would return, so the same setup runs through and nothing changes in the org.
 */
export class DryRunHooksApi implements OktaHooksApi {
  /** The writes made (secrets masked). */
  readonly log = new CallLog();
  private readonly inline = new Map<string, InlineHookView>();
  private readonly event = new Map<string, EventHookView>();

  constructor(private readonly real: OktaHooksApi) {}

  async listTelephonyHooks(): Promise<InlineHookView[]> {
    const hooks = await this.real.listTelephonyHooks();
    for (const hook of hooks) this.inline.set(hook.id, hook);
    return hooks;
  }

  async listEventHooks(): Promise<EventHookView[]> {
    const hooks = await this.real.listEventHooks();
    for (const hook of hooks) this.event.set(hook.id, hook);
    return hooks;
  }

  executeInlineHook(): Promise<unknown> {
    return Promise.reject(new Error('execute is not part of a dry run'));
  }

  createInlineHook(body: InlineHookBody): Promise<InlineHookView> {
    this.log.add('POST', '/api/v1/inlineHooks', body);
    return this.keepInline({ ...inlineHookView(body), id: NEW_INLINE, status: 'ACTIVE' });
  }

  replaceInlineHook(id: string, body: InlineHookBody): Promise<InlineHookView> {
    this.log.add('PUT', `/api/v1/inlineHooks/${id}`, body);
    return this.keepInline({
      ...inlineHookView(body),
      id,
      status: this.inline.get(id)?.status ?? 'ACTIVE',
    });
  }

  activateInlineHook(id: string): Promise<InlineHookView> {
    this.log.add('POST', `/api/v1/inlineHooks/${id}/lifecycle/activate`);
    return this.keepInline({ ...this.known(this.inline, id), status: 'ACTIVE' });
  }

  deactivateInlineHook(id: string): Promise<InlineHookView> {
    this.log.add('POST', `/api/v1/inlineHooks/${id}/lifecycle/deactivate`);
    return this.keepInline({ ...this.known(this.inline, id), status: 'INACTIVE' });
  }

  createEventHook(body: EventHookBody): Promise<EventHookView> {
    this.log.add('POST', '/api/v1/eventHooks', body);
    return this.keepEvent({
      ...eventHookView(body),
      id: NEW_EVENT,
      status: 'ACTIVE',
      verificationStatus: 'UNVERIFIED',
    });
  }

  replaceEventHook(id: string, body: EventHookBody): Promise<EventHookView> {
    this.log.add('PUT', `/api/v1/eventHooks/${id}`, body);
    const before = this.known(this.event, id);
    return this.keepEvent({
      ...eventHookView(body),
      id,
      status: before.status,
      verificationStatus: 'UNVERIFIED',
    });
  }

  verifyEventHook(id: string): Promise<EventHookView> {
    this.log.add('POST', `/api/v1/eventHooks/${id}/lifecycle/verify`);
    return this.keepEvent({ ...this.known(this.event, id), verificationStatus: 'VERIFIED' });
  }

  activateEventHook(id: string): Promise<EventHookView> {
    this.log.add('POST', `/api/v1/eventHooks/${id}/lifecycle/activate`);
    return this.keepEvent({ ...this.known(this.event, id), status: 'ACTIVE' });
  }

  private known<T>(hooks: Map<string, T>, id: string): T {
    const hook = hooks.get(id);
    if (!hook) throw new Error(`dry run: hook ${id} was never read`);
    return hook;
  }

  private keepInline(hook: InlineHookView): Promise<InlineHookView> {
    this.inline.set(hook.id, hook);
    return Promise.resolve(hook);
  }

  private keepEvent(hook: EventHookView): Promise<EventHookView> {
    this.event.set(hook.id, hook);
    return Promise.resolve(hook);
  }
}
