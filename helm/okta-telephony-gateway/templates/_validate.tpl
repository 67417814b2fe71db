{{/* Combinations the schema cannot express; each one stops the render with a clear message. */}}
{{- define "okta-telephony-gateway.validate" -}}
{{- $config := .Values.config | default dict }}
{{- $server := get $config "server" | default dict }}
{{- range $key, $owner := dict "port" "containerPort" "metricsPort" "metrics.containerPort" "replicas" "replicaCount (or autoscaling.maxReplicas)" "shutdown" "the shutdown values" }}
{{- if hasKey $server $key }}
{{- fail (printf "config.server.%s is set by the chart from %s; remove it from config" $key $owner) }}
{{- end }}
{{- end }}
{{- $driver := dig "store" "driver" "memory" $config | default "memory" }}
{{- if and (eq (toString $driver) "memory") (or .Values.autoscaling.enabled (gt (.Values.replicaCount | int) 1)) }}
{{- fail "config.store.driver is memory (the default when unset), which each pod keeps for itself: more than one replica (replicaCount > 1 or autoscaling.enabled) needs config.store.driver: redis and a Redis URL (redis.url or redis.existingSecret). For one pod without Redis set replicaCount: 1." }}
{{- end }}
{{- $deadline := dig "hook" "deadlineMs" 2500 $config | int }}
{{- if le (.Values.shutdown.timeoutMs | int) $deadline }}
{{- fail (printf "shutdown.timeoutMs (%d) must exceed config.hook.deadlineMs (%d): a hook in flight must be answered before the pod stops" (.Values.shutdown.timeoutMs | int) $deadline) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (.Values.autoscaling.minReplicas | int) (.Values.autoscaling.maxReplicas | int)) }}
{{- fail "autoscaling.minReplicas must not exceed autoscaling.maxReplicas" }}
{{- end }}
{{- if and .Values.autoscaling.enabled (not (or .Values.autoscaling.targetCPUUtilizationPercentage .Values.autoscaling.targetMemoryUtilizationPercentage)) }}
{{- fail "autoscaling needs targetCPUUtilizationPercentage or targetMemoryUtilizationPercentage" }}
{{- end }}
{{- if and .Values.redis.url .Values.redis.existingSecret }}
{{- fail "set redis.url or redis.existingSecret, not both" }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
{{- fail "ingress.host is required when ingress.enabled is true (the public host Okta calls)" }}
{{- end }}
{{- if and .Values.secrets.values .Values.secrets.existingSecret }}
{{- fail "set secrets.values or secrets.existingSecret, not both: with existingSecret the chart makes no Secret, and secrets.values would be silently ignored" }}
{{- end }}
{{- if and (include "okta-telephony-gateway.metricsPortSet" .) (eq (.Values.metrics.containerPort | int) (.Values.containerPort | int)) }}
{{- fail (printf "metrics.containerPort must differ from containerPort; the gateway refuses it: server.metricsPort: must differ from server.port (%d)" (.Values.containerPort | int)) }}
{{- end }}
{{- if and .Values.httpRoute.enabled (not .Values.httpRoute.parentRefs) }}
{{- fail "httpRoute.parentRefs is required when httpRoute.enabled is true (the Gateway that Okta's requests reach)" }}
{{- end }}
{{- if and (eq .Values.secrets.mode "env") (not .Values.secrets.existingSecret) }}
{{- range $key, $_ := .Values.secrets.values }}
{{- if not (regexMatch "^[A-Za-z_][A-Za-z0-9_]*$" $key) }}
{{- fail (printf "secrets.values key %q cannot be an environment variable name (secrets.mode: env); rename it or use secrets.mode: files" $key) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and .Values.tracing.enabled (not .Values.tracing.endpoint) }}
{{- fail "tracing.endpoint is required when tracing.enabled is true (the collector's OTLP/HTTP URL, e.g. http://otel-collector.observability:4318)" }}
{{- end }}
{{- include "okta-telephony-gateway.checkSecretRefs" . }}
{{- end }}
