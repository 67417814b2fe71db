import { describeChart } from './support/helm';
import { notes } from './support/notes';
import { withSecrets } from './support/scenarios';

const kubectl = (secret: string, path: string) =>
  `       kubectl --namespace identity get secret ${secret} -o jsonpath='{.data.${path}}' | base64 -d\n`;

describeChart('okta-telephony-gateway chart: NOTES.txt', () => {
  it('should give the admin the URLs, the header and the command that prints each secret', () => {
    const text = notes({ files: ['ci/redis-hpa-ingress-values.yaml'] });

    expect(text).toBe(
      [
        'okta-telephony-gateway 0.1.0 is installed as otg-okta-telephony-gateway in namespace identity',
        '(8 replicas at most, autoscaled).',
        '',
        '1. Telephony inline hook: Okta Admin Console > Workflow > Inline Hooks > Add Inline Hook > Telephony',
        '     URL:                    https://otp.example.com/hooks/okta/telephony',
        '     Authentication field:   authorization',
        '     Authentication secret:  key HOOK_SECRET of Secret otg-okta-telephony-gateway, printed by',
        "       kubectl --namespace identity get secret otg-okta-telephony-gateway -o jsonpath='{.data.HOOK_SECRET}' | base64 -d",
        '',
        '2. Event hook: Workflow > Event Hooks > Create Event Hook, for the events',
        '   system.sms.send_phone_verification_message and system.voice.send_phone_verification_call',
        '     URL:                    https://otp.example.com/hooks/okta/events',
        '     Authentication field:   authorization',
        '     Authentication secret:  key EVENT_HOOK_SECRET of Secret otg-okta-telephony-gateway, printed by',
        "       kubectl --namespace identity get secret otg-okta-telephony-gateway -o jsonpath='{.data.EVENT_HOOK_SECRET}' | base64 -d",
        '',
        '3. Check the rollout and the readiness of the pods:',
        '     kubectl --namespace identity rollout status deployment/otg-okta-telephony-gateway',
        '     helm test otg --namespace identity',
        '',
      ].join('\n'),
    );
  });

  it('should name the key of a mounted secret file and give a port-forward hint without an ingress', () => {
    const text = notes({ files: ['ci/existing-secret-files-values.yaml'] });

    expect(text).toContain(
      '     URL:                    https://<public host>/hooks/okta/telephony\n' +
        '     Authentication field:   x-otg-hook-token\n' +
        '     Authentication secret:  key hook-secret of Secret otg-credentials, printed by\n' +
        kubectl('otg-credentials', 'hook-secret'),
    );
    expect(text).toContain(
      '     Authentication field:   x-otg-event-token\n' +
        '     Authentication secret:  key event-hook-secret of Secret otg-credentials, printed by\n',
    );
    expect(text).toContain(
      '     kubectl --namespace identity port-forward svc/otg-okta-telephony-gateway 8080:80\n',
    );
  });

  it('should follow an extraEnv secretKeyRef and escape dots in the jsonpath', () => {
    const text = notes(
      withSecrets({
        set: {
          'extraEnv[0].name': 'HOOK_SECRET',
          'extraEnv[0].valueFrom.secretKeyRef.name': 'okta-hook',
          'extraEnv[0].valueFrom.secretKeyRef.key': 'hook.secret',
        },
      }),
    );

    expect(text).toContain(
      '     Authentication secret:  key hook.secret of Secret okta-hook, printed by\n' +
        kubectl('okta-hook', 'hook\\.secret'),
    );
  });

  it('should fall back to the config key when the secret is not in a Secret the chart knows', () => {
    const text = notes(
      withSecrets({ set: { 'config.hook.auth.headers[0].secrets[0]': '${file:/etc/okta/hook}' } }),
    );

    expect(text).toContain(
      '     Authentication secret:  the first value of config.hook.auth.headers[0].secrets\n',
    );
  });

  it('should name OAuth when the hook has no header, and the HTTPRoute host as the URL', () => {
    const text = notes(
      withSecrets({
        set: {
          'config.hook.auth.headers': 'null',
          'config.hook.auth.oauth.issuer': 'https://example.okta.com/oauth2/default',
          'config.hook.auth.oauth.audience': 'api://default',
          'httpRoute.enabled': true,
          'httpRoute.parentRefs[0].name': 'public',
          'httpRoute.hostnames[0]': 'otp.example.net',
        },
      }),
    );

    expect(text).toContain(
      '     URL:                    https://otp.example.net/hooks/okta/telephony\n' +
        '     Authentication:         OAuth 2.0 (config.hook.auth.oauth)\n',
    );
    expect(text).not.toContain('port-forward');
  });
});
