import { createHmac } from 'node:crypto';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackRequest } from '../provider-callbacks';
import { sealScript } from '../kit/webhooks/sealed-script';
import { SealedTokens } from '../kit/webhooks/sealed-token';
import { PlivoConfig } from './plivo.config';
import { PlivoProvider } from './plivo.provider';

const TOKEN = 'plivo-auth-token-0123';
const config = Object.assign(new PlivoConfig(), {
  type: 'plivo',
  authId: 'MAXXXXXXXXXXXXXXXXXX',
  authToken: TOKEN,
  src: '+14155550000',
});
const scripts = new SealedTokens(TOKEN, 'plivo answer_url');
const BASE = 'https://otp.example.com/callbacks/pv';

/** Signs as Plivo does for a POST whose URL has no query or one query parameter. */
function signedPost(url: string, form: Record<string, string>): CallbackRequest {
  const [base, query] = url.split('?');
  const sorted = Object.keys(form)
    .sort()
    .map((k) => k + form[k])
    .join('');
  const queryPart = query ? `?${decodeURIComponent(query)}.` : '?';
  const signature = createHmac('sha256', TOKEN)
    .update(`${base}${queryPart}${sorted}.n-1`)
    .digest('base64');
  const body = new URLSearchParams(form).toString();
  return {
    method: 'POST',
    url,
    headers: { 'x-plivo-signature-v3': signature, 'x-plivo-signature-v3-nonce': 'n-1' },
    rawBody: Buffer.from(body),
    params: form,
  };
}

describe(PlivoProvider.name, () => {
  const sut = new PlivoProvider('pv', ['sms', 'voice'], config, {} as VendorHttpClient, scripts, {
    answerUrl: `${BASE}/answer`,
    statusUrl: `${BASE}/status`,
  });
  const script = { language: 'fr-FR', sentence: 'Votre code de vérification est 1, 2.', repeat: 2 };

  it('should serve the call XML of a sealed script to a signed answer request', async () => {
    const url = `${BASE}/answer?s=${sealScript(scripts, script)}`;

    const answer = await sut.handleCallback(
      'answer',
      signedPost(url, { CallUUID: 'c-1', To: '14155552671' }),
    );

    const speak =
      '<Speak voice="WOMAN" language="fr-FR">Votre code de vérification est 1, 2.</Speak>';
    expect(answer).toEqual({
      kind: 'document',
      document: {
        contentType: 'application/xml',
        body: `<?xml version="1.0" encoding="UTF-8"?><Response>${speak}<Wait length="1"/>${speak}</Response>`,
      },
    });
  });

  it('should reject an answer request that is unsigned or carries a token it did not seal', async () => {
    const url = `${BASE}/answer?s=${sealScript(scripts, script)}`;
    const forgedToken = `${BASE}/answer?s=${sealScript(new SealedTokens('x', 'plivo answer_url'), script)}`;

    await expect(
      sut.handleCallback('answer', { ...signedPost(url, { CallUUID: 'c-1' }), headers: {} }),
    ).resolves.toEqual({ kind: 'rejected' });
    await expect(
      sut.handleCallback('answer', signedPost(forgedToken, { CallUUID: 'c-1' })),
    ).resolves.toEqual({ kind: 'rejected' });
  });

  it.each([
    [
      { MessageUUID: 'm-1', Status: 'delivered', ErrorCode: '000' },
      {
        transactionId: 'm-1',
        status: 'delivered',
        vendorStatus: 'delivered',
        errorCode: undefined,
      },
    ],
    [
      { MessageUUID: 'm-1', Status: 'undelivered', ErrorCode: '200' },
      {
        transactionId: 'm-1',
        status: 'undelivered',
        vendorStatus: 'undelivered',
        errorCode: '200',
      },
    ],
    [
      { MessageUUID: 'm-1', Status: 'failed', ErrorCode: '450' },
      { transactionId: 'm-1', status: 'failed', vendorStatus: 'failed', errorCode: '450' },
    ],
    [
      {
        RequestUUID: 'r-1',
        CallUUID: 'c-1',
        CallStatus: 'completed',
        HangupCause: 'NORMAL_CLEARING',
      },
      {
        transactionId: 'r-1',
        status: 'delivered',
        vendorStatus: 'completed',
        errorCode: undefined,
      },
    ],
    [
      { CallUUID: 'c-1', CallStatus: 'no-answer', HangupCause: 'NO_ANSWER' },
      {
        transactionId: 'c-1',
        status: 'undelivered',
        vendorStatus: 'no-answer',
        errorCode: 'NO_ANSWER',
      },
    ],
  ])('should read the signed status callback %j', async (form, receipt) => {
    await expect(sut.handleCallback('status', signedPost(`${BASE}/status`, form))).resolves.toEqual(
      { kind: 'receipts', receipts: [receipt] },
    );
  });

  it('should have no other callback', async () => {
    await expect(
      sut.handleCallback('ring', signedPost(`${BASE}/ring`, {})),
    ).resolves.toBeUndefined();
  });
});
