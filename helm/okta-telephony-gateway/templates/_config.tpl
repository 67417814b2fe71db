{{/* The gateway's config file and the environment that completes it. */}}

{{/*
The config file: .Values.config plus the keys the chart owns, so that the gateway's own checks
(production rules, replicas against the store) see the real deployment: server.port,
server.metricsPort, server.replicas, server.shutdown, server.publicUrl from the ingress or
HTTPRoute unless set, and tracing from .Values.tracing when it is enabled. The memory store reads no Redis settings: store.redis is left out with it,
so that its `${REDIS_URL}` needs no value.
*/}}
{{- define "okta-telephony-gateway.config" -}}
{{- $config := deepCopy (.Values.config | default dict) }}
{{- $store := get $config "store" | default dict }}
{{- if eq (toString (get $store "driver" | default "memory")) "memory" }}
{{- $_ := unset $store "redis" }}
{{- end }}
{{- $server := get $config "server" | default dict }}
{{- $_ := set $server "port" (.Values.containerPort | int) }}
{{- if include "okta-telephony-gateway.metricsPortSet" . }}
{{- $_ := set $server "metricsPort" (.Values.metrics.containerPort | int) }}
{{- end }}
{{- $_ := set $server "replicas" (include "okta-telephony-gateway.declaredReplicas" . | int) }}
{{- $_ := set $server "shutdown" (dict "drainDelayMs" (.Values.shutdown.drainDelayMs | int) "timeoutMs" (.Values.shutdown.timeoutMs | int)) }}
{{- $publicUrl := include "okta-telephony-gateway.publicUrl" . }}
{{- if and $publicUrl (not (hasKey $server "publicUrl")) }}
{{- $_ := set $server "publicUrl" $publicUrl }}
{{- end }}
{{- $_ := set $config "server" $server }}
{{- if .Values.console.enabled }}
{{- include "okta-telephony-gateway.consoleConfig" (dict "root" . "config" $config "publicUrl" (get $server "publicUrl" | default $publicUrl)) }}
{{- end }}
{{- if .Values.tracing.enabled }}
{{- $tracing := get $config "tracing" | default dict }}
{{- $_ := set $tracing "enabled" true }}
{{- $_ := set $tracing "endpoint" .Values.tracing.endpoint }}
{{- $_ := set $tracing "serviceName" (.Values.tracing.serviceName | default (include "okta-telephony-gateway.fullname" .)) }}
{{- $_ := set $tracing "sampleRatio" .Values.tracing.sampleRatio }}
{{- $_ := set $config "tracing" $tracing }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{/*
The console's sections from .Values.console: console.* and records.phoneLast4Key, the secrets as
references to the Secret's keys (variables in env mode, files in files mode).
*/}}
{{- define "okta-telephony-gateway.consoleConfig" -}}
{{- $v := .root.Values }}
{{- $ref := dict }}
{{- range list "CONSOLE_CLIENT_SECRET" "CONSOLE_SESSION_SECRET" "PHONE_LAST4_KEY" }}
{{- $_ := set $ref . (ternary (printf "${%s}" .) (printf "${file:%s/%s}" (trimSuffix "/" $v.secrets.mountPath) .) (eq $v.secrets.mode "env")) }}
{{- end }}
{{- $c := $v.console }}
{{- $redirect := $c.redirectUri | default (printf "%s/console/auth/callback" (.publicUrl | default "")) }}
{{- $oidc := dict "issuer" $c.issuer "clientId" $c.clientId "clientSecret" $ref.CONSOLE_CLIENT_SECRET "redirectUri" $redirect "allowedGroups" $c.allowedGroups }}
{{- $session := dict "secret" $ref.CONSOLE_SESSION_SECRET "idleTimeoutMinutes" ($c.idleTimeoutMinutes | int) "absoluteTimeoutHours" ($c.absoluteTimeoutHours | int) }}
{{- $_ := set .config "console" (dict "enabled" true "oidc" $oidc "session" $session) }}
{{- $records := get .config "records" | default dict }}
{{- $_ := set $records "phoneLast4Key" $ref.PHONE_LAST4_KEY }}
{{- $_ := set .config "records" $records }}
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

{{/* envFrom of the gateway: the Secret in env mode, extraEnvVarsSecret, extraEnvVarsCM. */}}
{{- define "okta-telephony-gateway.envFrom" -}}
{{- $secretName := include "okta-telephony-gateway.secretName" . }}
{{- if and $secretName (eq .Values.secrets.mode "env") }}
- secretRef:
    name: {{ $secretName | quote }}
{{- end }}
{{- with .Values.extraEnvVarsSecret }}
- secretRef:
    name: {{ . | quote }}
{{- end }}
{{- with .Values.extraEnvVarsCM }}
- configMapRef:
    name: {{ . | quote }}
{{- end }}
{{- end }}
