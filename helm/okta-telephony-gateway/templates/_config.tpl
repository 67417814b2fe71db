{{/* The gateway's config file and the environment that completes it. */}}

{{/*
The config file: .Values.config plus the keys the chart owns, so that the gateway's own checks
(production rules, replicas against the store) see the real deployment: server.port,
server.replicas, server.shutdown, and server.publicUrl from the ingress unless set.
*/}}
{{- define "okta-telephony-gateway.config" -}}
{{- $config := deepCopy (.Values.config | default dict) }}
{{- $server := get $config "server" | default dict }}
{{- $_ := set $server "port" (.Values.containerPort | int) }}
{{- $_ := set $server "replicas" (include "okta-telephony-gateway.declaredReplicas" . | int) }}
{{- $_ := set $server "shutdown" (dict "drainDelayMs" (.Values.shutdown.drainDelayMs | int) "timeoutMs" (.Values.shutdown.timeoutMs | int)) }}
{{- $publicUrl := include "okta-telephony-gateway.publicUrl" . }}
{{- if and $publicUrl (not (hasKey $server "publicUrl")) }}
{{- $_ := set $server "publicUrl" $publicUrl }}
{{- end }}
{{- $_ := set $config "server" $server }}
{{- toYaml $config }}
{{- end }}

{{/* Name of the header Okta must send on a hook (`hook` or `events`), for NOTES.txt. */}}
{{- define "okta-telephony-gateway.headerName" -}}
{{- $headers := dig .hook "auth" "headers" list (.root.Values.config | default dict) }}
{{- if $headers }}
{{- (first $headers).name | default "authorization" }}
{{- end }}
{{- end }}

{{/* REDIS_URL from redis.existingSecret or redis.url (nothing when neither is set). */}}
{{- define "okta-telephony-gateway.redisEnv" -}}
{{- if .Values.redis.existingSecret }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.existingSecret | quote }}
      key: {{ .Values.redis.existingSecretKey | quote }}
{{- else if .Values.redis.url }}
- name: REDIS_URL
  value: {{ .Values.redis.url | quote }}
{{- end }}
{{- end }}
