import { describeChart } from './support/helm';
import { notes } from './support/notes';

describeChart('okta-telephony-gateway chart: NOTES.txt', () => {
  it('should tell the admin the hook URLs on the ingress host and the header to enter in Okta', () => {
    const text = notes({ files: ['ci/redis-hpa-ingress-values.yaml'] });

    expect(text).toBe(
      [
        'okta-telephony-gateway 0.1.0 is installed as otg-okta-telephony-gateway in namespace identity',
        '(8 replicas at most, autoscaled).',
        '',
        '1. Telephony inline hook: Okta Admin Console > Workflow > Inline Hooks > Add Inline Hook > Telephony',
        '     URL:                    https://otp.example.com/hooks/okta/telephony',
        '     Authentication field:   authorization',
        '     Authentication secret:  a value of config.hook.auth.headers[0].secrets (kept in otg-okta-telephony-gateway)',
        '',
        '2. Event hook: Workflow > Event Hooks > Create Event Hook, for the events',
        '   system.sms.send_phone_verification_message and system.voice.send_phone_verification_call',
        '     URL:                    https://otp.example.com/hooks/okta/events',
        '     Authentication field:   authorization',
        '     Authentication secret:  a value of config.events.auth.headers[0].secrets',
        '',
        '3. Check the rollout and the readiness of the pods:',
        '     kubectl --namespace identity rollout status deployment/otg-okta-telephony-gateway',
        '     helm test otg --namespace identity',
        '',
      ].join('\n'),
    );
  });

  it('should name the configured headers and give a port-forward hint without an ingress', () => {
    const text = notes({ files: ['ci/existing-secret-files-values.yaml'] });

    expect(text).toContain(
      '     URL:                    https://<public host>/hooks/okta/telephony\n' +
        '     Authentication field:   x-otg-hook-token\n' +
        '     Authentication secret:  a value of config.hook.auth.headers[0].secrets (kept in otg-credentials)\n',
    );
    expect(text).toContain('     Authentication field:   x-otg-event-token\n');
    expect(text).toContain(
      '     kubectl --namespace identity port-forward svc/otg-okta-telephony-gateway 8080:80\n',
    );
    expect(text).not.toContain('WARNING');
  });

  it('should warn when no Secret is configured', () => {
    expect(notes()).toContain(
      'WARNING: no Secret is configured (secrets.existingSecret or secrets.values).',
    );
  });
});
