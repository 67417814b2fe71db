{{/* The preStop wait and the grace period, from the one `shutdown` block of values. */}}

{{/* preStop hook kind actually used: sleep, exec, none, or custom (lifecycleHooks.preStop). */}}
{{- define "okta-telephony-gateway.preStopHook" -}}
{{- $hook := .Values.shutdown.preStopHook }}
{{- if hasKey (.Values.lifecycleHooks | default dict) "preStop" }}
{{- $hook = "custom" }}
{{- else if eq $hook "auto" }}
{{- /* The sleep action is beta and on by default from Kubernetes 1.30. */}}
{{- $hook = ternary "sleep" "exec" (semverCompare ">=1.30.0-0" .Capabilities.KubeVersion.Version) }}
{{- end }}
{{- if and (eq (.Values.shutdown.preStopSeconds | int) 0) (ne $hook "custom") }}
{{- $hook = "none" }}
{{- end }}
{{- $hook }}
{{- end }}

{{/* The container's lifecycle: lifecycleHooks over the chart's preStop wait, or nothing. */}}
{{- define "okta-telephony-gateway.lifecycle" -}}
{{- $own := include "okta-telephony-gateway.preStop" . | fromYaml }}
{{- toYaml (merge (deepCopy (.Values.lifecycleHooks | default dict)) $own) }}
{{- end }}

{{/* The chart's lifecycle.preStop wait, or nothing. */}}
{{- define "okta-telephony-gateway.preStop" -}}
{{- $hook := include "okta-telephony-gateway.preStopHook" . }}
{{- $seconds := .Values.shutdown.preStopSeconds | int }}
{{- if eq $hook "sleep" }}
preStop:
  sleep:
    seconds: {{ $seconds }}
{{- else if eq $hook "exec" }}
preStop:
  exec:
    {{- /* node is the one binary the image is sure to have. */}}
    command: ["node", "-e", "setTimeout(() => {}, {{ mul $seconds 1000 }})"]
{{- end }}
{{- end }}

{{/* preStop wait + the gateway's drain and in-flight limits, rounded up, + the margin. */}}
{{- define "okta-telephony-gateway.terminationGracePeriodSeconds" -}}
{{- $s := .Values.shutdown }}
{{- $preStop := ternary 0 ($s.preStopSeconds | int) (eq (include "okta-telephony-gateway.preStopHook" .) "none") }}
{{- $appSeconds := div (add ($s.drainDelayMs | int) ($s.timeoutMs | int) 999) 1000 }}
{{- add $preStop $appSeconds ($s.marginSeconds | int) }}
{{- end }}
