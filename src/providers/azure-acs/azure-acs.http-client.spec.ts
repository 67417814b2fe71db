import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { VendorHttpClient, VendorRequest } from '../kit/http/vendor-http.client';
import { AzureHttpClient } from './azure-acs.http-client';

describe(AzureHttpClient.name, () => {
  it("should send the SDK's request on our client, without Accept-Encoding, and hand back the answer", async () => {
    const sent: VendorRequest[] = [];
    const http = {
      request: (req: VendorRequest) => {
        sent.push(req);
        return Promise.resolve({
          status: 202,
          headers: { 'retry-after': '2' },
          body: '{"value":[]}',
        });
      },
    } as unknown as VendorHttpClient;
    const request = createPipelineRequest({
      url: 'https://acme.communication.azure.com/sms?api-version=2021-03-07',
      method: 'POST',
      headers: createHttpHeaders({ 'accept-encoding': 'gzip,deflate', 'x-ms-date': 'd' }),
      body: '{"from":"+18005550100"}',
    });

    const response = await new AzureHttpClient(http).sendRequest(request);

    expect(sent).toEqual([
      {
        method: 'POST',
        path: 'https://acme.communication.azure.com/sms?api-version=2021-03-07',
        headers: { 'x-ms-date': 'd' },
        body: '{"from":"+18005550100"}',
        signal: expect.any(Object),
      },
    ]);
    expect([response.status, response.headers.get('retry-after'), response.bodyAsText]).toEqual([
      202,
      '2',
      '{"value":[]}',
    ]);
  });

  it('should refuse a body that is not text', async () => {
    const request = createPipelineRequest({
      url: 'https://a/',
      method: 'POST',
      body: Buffer.from('x'),
    });

    await expect(new AzureHttpClient({} as VendorHttpClient).sendRequest(request)).rejects.toThrow(
      'only string request bodies are supported',
    );
  });
});
