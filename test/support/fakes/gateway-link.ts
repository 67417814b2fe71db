/**
 * How a fake vendor reaches the gateway under test. Vendors are given URLs under
 * `server.publicUrl` (a public name, as behind a reverse proxy) and sign those; the link routes
 * them to where the gateway really listens, the way the proxy would.
 */
export class GatewayLink {
  private target?: string;

  constructor(readonly publicUrl: string) {}

  connect(gatewayUrl: string): void {
    this.target = gatewayUrl.replace(/\/+$/, '');
  }

  /** Sends one request to the gateway for a URL under the public URL. */
  async send(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<{ status: number; contentType: string; body: string }> {
    if (!this.target || !url.startsWith(this.publicUrl)) {
      throw new Error(`no route to ${url}: connect the link to the gateway first`);
    }
    const response = await fetch(this.target + url.slice(this.publicUrl.length), init);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  }
}
