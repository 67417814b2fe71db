{{/*
Rule groups of the PrometheusRule: recording rules for the dashboard and the alerts of
docs/operations.md#alerts. Sums are `by (namespace, job)`, so that each installation Prometheus
scrapes is judged on its own. {{`{{ ... }}`}} is Prometheus' own templating, kept literal.
*/}}
{{- define "okta-telephony-gateway.ruleGroups" -}}
{{- $runbook := .Values.metrics.prometheusRule.runbookBaseUrl | default (printf "%s/blob/main/docs/operations.md" .Chart.Home) }}
- name: okta-telephony-gateway.rules
  rules:
    - record: otg:hook_requests:rate5m
      expr: sum by (namespace, job, outcome) (rate(otg_hook_requests_total[5m]))
    - record: otg:hook_error_ratio:rate5m
      expr: |
        sum by (namespace, job) (rate(otg_hook_requests_total{outcome!~"sent|blocked"}[5m]))
          / sum by (namespace, job) (rate(otg_hook_requests_total[5m]))
    - record: otg:hook_duration_seconds:p99_5m
      expr: histogram_quantile(0.99, sum by (namespace, job, le) (rate(otg_hook_duration_seconds_bucket[5m])))
    - record: otg:delivery_attempt_success_ratio:rate5m
      expr: |
        sum by (namespace, job, provider) (rate(otg_delivery_attempts_total{outcome="sent"}[5m]))
          / sum by (namespace, job, provider) (rate(otg_delivery_attempts_total{outcome!="skipped"}[5m]))
    - record: otg:requests_refused:rate5m
      expr: sum by (namespace, job, route, reason) (rate(otg_requests_refused_total[5m]))
- name: okta-telephony-gateway.alerts
  rules:
    - alert: OtgHookErrorRatio
      expr: |
        sum by (namespace, job) (rate(otg_hook_requests_total{outcome!~"sent|blocked"}[5m]))
          / sum by (namespace, job) (rate(otg_hook_requests_total[5m])) > 0.05
      for: 10m
      labels:
        severity: critical
      annotations:
        summary: "More than 5 % of Okta's telephony hook calls are not answered with a sent or blocked code."
        description: "{{`{{ $value | humanizePercentage }}`}} of the hook calls to {{`{{ $labels.job }}`}} in {{`{{ $labels.namespace }}`}} failed or were refused over 10 minutes; Okta resends those codes through its own rate-limited providers."
        runbook_url: {{ printf "%s#otghookerrorratio" $runbook }}
    - alert: OtgDeadlineNearMisses
      expr: |
        sum by (namespace, job) (rate(otg_deadline_near_misses_total{kind="answer"}[10m]))
          / sum by (namespace, job) (rate(otg_hook_duration_seconds_count[10m])) > 0.01
        or sum by (namespace, job) (rate(otg_deadline_near_misses_total{kind=~"attempt-cut|untried"}[10m])) > 0
      for: 10m
      labels:
        severity: warning
      annotations:
        summary: "Answers to Okta are getting close to its 3-second limit."
        description: "{{`{{ $labels.job }}`}} in {{`{{ $labels.namespace }}`}} answered in the last 20 % of hook.deadlineMs, or cut or skipped vendor attempts at the deadline, for 10 minutes."
        runbook_url: {{ printf "%s#otgdeadlinenearmisses" $runbook }}
    - alert: OtgCircuitBreakerOpen
      expr: max by (namespace, job, provider) (otg_circuit_breaker_state{state!="closed"}) == 1
      for: 5m
      labels:
        severity: warning
      annotations:
        summary: "A vendor's circuit breaker has been open or half-open for 5 minutes."
        description: "Provider {{`{{ $labels.provider }}`}} of {{`{{ $labels.job }}`}} in {{`{{ $labels.namespace }}`}} keeps failing on at least one replica; its codes go to the next provider of the route."
        runbook_url: {{ printf "%s#otgcircuitbreakeropen" $runbook }}
    - alert: OtgCredentialsRefused
      expr: |
        sum by (namespace, job, route, reason) (rate(otg_requests_refused_total{route=~"/hooks/.+|/callbacks/.+", reason=~"{{ include "okta-telephony-gateway.credentialReasons" . }}"}[5m])) > 0
      for: 10m
      labels:
        severity: warning
      annotations:
        summary: "Okta's hooks or a vendor's callbacks are refused for their credentials."
        description: "{{`{{ $labels.route }}`}} of {{`{{ $labels.job }}`}} in {{`{{ $labels.namespace }}`}} has refused requests for {{`{{ $labels.reason }}`}} for 10 minutes: the secret, token or signing key the caller uses is not the one in the gateway's configuration."
        runbook_url: {{ printf "%s#otgcredentialsrefused" $runbook }}
    - alert: OtgStoreUnavailable
      expr: min by (namespace, job) (otg_store_available) == 0
      for: 2m
      labels:
        severity: critical
      annotations:
        summary: "The gateway's store (Redis) has been unreachable for 2 minutes."
        description: "At least one replica of {{`{{ $labels.job }}`}} in {{`{{ $labels.namespace }}`}} cannot reach Redis; with store.onUnavailable fail-open, codes go out without idempotency or rate limits, with fail-closed Okta gets errors."
        runbook_url: {{ printf "%s#otgstoreunavailable" $runbook }}
{{- end }}


{{/*
Refusal reasons that mean the caller sent a credential that does not match (not a scanner without
one, not a malformed body): the reasons of src/auth/auth-refusal.ts minus `no credential`,
`unknown header name` and `malformed Bearer`.
*/}}
{{- define "okta-telephony-gateway.credentialReasons" -}}
wrong secret|wrong signature|token expired|wrong audience|wrong issuer|missing scope|unknown kid|invalid token|JWKS unreachable
{{- end }}
