{{/* Pieces of the pod spec: probes and scheduling. */}}

{{/* One probe: .name (startupProbe...), .path, .probe (its values). */}}
{{- define "okta-telephony-gateway.probe" -}}
{{- if .probe.enabled }}
{{ .name }}:
  httpGet:
    path: {{ .path }}
    port: http
  initialDelaySeconds: {{ .probe.initialDelaySeconds | int }}
  periodSeconds: {{ .probe.periodSeconds | int }}
  timeoutSeconds: {{ .probe.timeoutSeconds | int }}
  failureThreshold: {{ .probe.failureThreshold | int }}
  successThreshold: {{ .probe.successThreshold | int }}
{{- end }}
{{- end }}

{{/* Startup and liveness on /health/live (the process), readiness on /health/ready. */}}
{{- define "okta-telephony-gateway.probes" -}}
{{- include "okta-telephony-gateway.probe" (dict "name" "startupProbe" "path" "/health/live" "probe" .Values.startupProbe) }}
{{- include "okta-telephony-gateway.probe" (dict "name" "livenessProbe" "path" "/health/live" "probe" .Values.livenessProbe) }}
{{- include "okta-telephony-gateway.probe" (dict "name" "readinessProbe" "path" "/health/ready" "probe" .Values.readinessProbe) }}
{{- end }}

{{/* affinity (or the anti-affinity preset), nodeSelector, tolerations, topology spread. */}}
{{- define "okta-telephony-gateway.scheduling" -}}
{{- if .Values.affinity }}
affinity:
  {{- toYaml .Values.affinity | nindent 2 }}
{{- else if eq .Values.podAntiAffinityPreset "soft" }}
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "okta-telephony-gateway.selectorLabels" . | nindent 14 }}
{{- else if eq .Values.podAntiAffinityPreset "hard" }}
affinity:
  podAntiAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "okta-telephony-gateway.selectorLabels" . | nindent 12 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
