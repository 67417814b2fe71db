import { Inject, Injectable } from '@nestjs/common';
import { AuthRefusalLog, refusalOf } from '../auth/auth-refusal';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { isJsonContentType, RawBodyRequest } from '../common/body-parsers';
import { ServerConfig } from '../common/server.config';
import {
  CallbackDocument,
  CallbackRequest,
  handlesCallbacks,
} from '../providers/provider-callbacks';
import { ProviderRegistry } from '../providers/provider.registry';
import { RECEIPT_SINK, ReceiptSink } from './receipt-sink';

const EMPTY: CallbackDocument = { contentType: 'text/plain', body: '' };

/**
 * Hands a vendor's callback to the provider it names. The provider verifies the vendor's
 * signature; a rejected callback is 403, records nothing and is logged (AuthRefusalLog).
 */
@Injectable()
export class CallbacksService {
  private readonly refusals = new AuthRefusalLog();

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly server: ServerConfig,
    @Inject(RECEIPT_SINK) private readonly receipts: ReceiptSink,
  ) {}

  async handle(providerId: string, kind: string, req: RawBodyRequest): Promise<CallbackDocument> {
    const provider = this.providers.find(providerId);
    if (!provider || !handlesCallbacks(provider)) throw new ApiError(ApiErrorCode.NotFound);
    const answer = await provider.handleCallback(kind, this.toCallbackRequest(req));
    switch (answer?.kind) {
      case undefined:
        throw new ApiError(ApiErrorCode.NotFound);
      case 'rejected':
        this.refusals.refused(refusalOf(req, 'wrong signature'));
        throw new ApiError(ApiErrorCode.Forbidden);
      case 'receipts':
        for (const receipt of answer.receipts) await this.receipts.record(providerId, receipt);
        return answer.ack ?? EMPTY;
      case 'document':
        return answer.document;
    }
  }

  private toCallbackRequest(req: RawBodyRequest): CallbackRequest {
    const base = (this.server.publicUrl ?? `${req.protocol}://${req.hostname}`).replace(/\/+$/, '');
    const query = toParams(req.query);
    const isJson = isJsonContentType(req.headers['content-type']);
    const form = isJson ? {} : toParams(req.body);
    return {
      method: req.method,
      url: `${base}${req.url}`,
      headers: req.headers,
      rawBody: req.rawBody ?? Buffer.alloc(0),
      params: { ...query, ...form },
      json: isJson ? req.body : undefined,
    };
  }
}

/**
 * The string fields of a parsed query or form (repeated keys are arrays of strings); anything
 * else is dropped, never stringified (a nested value is no parameter a vendor signs).
 */
function toParams(value: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string[]>;
  if (value === null || typeof value !== 'object') return out;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') out[key] = v;
    else if (Array.isArray(v)) out[key] = v.filter((item) => typeof item === 'string');
  }
  return out;
}
