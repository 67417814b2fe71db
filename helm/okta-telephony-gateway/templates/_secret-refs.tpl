{{/*
The ${...} expressions of the rendered config that the pods cannot resolve, found at render time
with the gateway's own words ("<path>: environment variable X is not set", "<path>: file /x cannot
be read"), each followed by what to change in the values. What the chart cannot see (an
existingSecret's keys, extraEnvVarsSecret, extraEnvVarsCM, files of extraVolumeMounts) is trusted.
*/}}

{{/* Every ${...} under .node as { path, expr } appended to .acc.refs; paths as the gateway writes them. */}}
{{- define "okta-telephony-gateway.collectRefs" -}}
{{- if kindIs "map" .node }}
{{- range $key, $value := .node }}
{{- $path := ternary $key (printf "%s.%s" $.path $key) (eq $.path "") }}
{{- include "okta-telephony-gateway.collectRefs" (dict "node" $value "path" $path "acc" $.acc) }}
{{- end }}
{{- else if kindIs "slice" .node }}
{{- range $i, $value := .node }}
{{- include "okta-telephony-gateway.collectRefs" (dict "node" $value "path" (printf "%s[%d]" $.path $i) "acc" $.acc) }}
{{- end }}
{{- else if kindIs "string" .node }}
{{- range regexFindAll "\\$?\\$\\{[^}]*\\}" .node -1 }}
{{- if not (hasPrefix "$$" .) }}
{{- $_ := set $.acc "refs" (append $.acc.refs (dict "path" $.path "expr" (trimSuffix "}" (trimPrefix "${" .)))) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* Environment variables the gateway container surely has, or "*" when the chart cannot know them all. */}}
{{- define "okta-telephony-gateway.knownEnv" -}}
{{- $names := list "NODE_ENV" "CONFIG_FILE" "NODE_OPTIONS" "NODE_VERSION" "YARN_VERSION" "PATH" "HOSTNAME" }}
{{- if or .Values.redis.url .Values.redis.existingSecret }}
{{- $names = append $names "REDIS_URL" }}
{{- end }}
{{- range .Values.extraEnv }}
{{- $names = append $names .name }}
{{- end }}
{{- $envSecret := eq .Values.secrets.mode "env" }}
{{- if or .Values.extraEnvVarsSecret .Values.extraEnvVarsCM (and $envSecret .Values.secrets.existingSecret) }}
{{- $names = list "*" }}
{{- else if $envSecret }}
{{- range $key, $value := .Values.secrets.values }}
{{- if ne (toString $value) "" }}
{{- $names = append $names $key }}
{{- end }}
{{- end }}
{{- end }}
{{- toJson $names }}
{{- end }}

{{/* One unresolvable reference as "<path>: <gateway's message>; <what to do>", or nothing. */}}
{{- define "okta-telephony-gateway.refProblem" -}}
{{- $v := .root.Values }}
{{- $expr := .ref.expr }}
{{- $secretName := include "okta-telephony-gateway.secretName" .root }}
{{- $noSecret := "no Secret is configured: set secrets.existingSecret or secrets.values" }}
{{- if hasPrefix "file:" $expr }}
{{- $file := trimPrefix "file:" $expr }}
{{- $dir := printf "%s/" (trimSuffix "/" $v.secrets.mountPath) }}
{{- $mounted := false }}
{{- range $v.extraVolumeMounts }}
{{- if hasPrefix (printf "%s/" (trimSuffix "/" .mountPath)) $file }}{{ $mounted = true }}{{ end }}
{{- end }}
{{- if and (hasPrefix $dir $file) (not $mounted) }}
{{- $key := trimPrefix $dir $file }}
{{- $why := "" }}
{{- if eq $v.secrets.mode "env" }}
{{- $why = "secrets.mode is env, which mounts no files: use secrets.mode: files" }}
{{- else if not $secretName }}
{{- $why = printf "%s.%s" $noSecret $key }}
{{- else if and (not $v.secrets.existingSecret) (not (hasKey $v.secrets.values $key)) }}
{{- $why = printf "add %s to secrets.values" $key }}
{{- end }}
{{- if $why }}
{{- printf "%s: file %s cannot be read; %s" .ref.path $file $why }}
{{- end }}
{{- end }}
{{- else if not (regexMatch "^[A-Za-z_][A-Za-z0-9_]*(:-.*)?$" $expr) }}
{{- printf "%s: \"${%s}\" is not a valid substitution" .ref.path $expr }}
{{- else if not (contains ":-" $expr) }}
{{- $known := .known }}
{{- if not (or (has "*" $known) (has $expr $known)) }}
{{- $why := printf "add %s to secrets.values" $expr }}
{{- if eq $v.secrets.mode "files" }}
{{- $why = printf "secrets.mode is files, which puts no secret in the environment: read it with ${file:%s/<key>}, or use secrets.mode: env" (trimSuffix "/" $v.secrets.mountPath) }}
{{- else if eq $expr "REDIS_URL" }}
{{- $why = "set redis.url or redis.existingSecret" }}
{{- else if not $secretName }}
{{- $why = printf "%s.%s" $noSecret $expr }}
{{- end }}
{{- printf "%s: environment variable %s is not set; %s" .ref.path $expr $why }}
{{- end }}
{{- end }}
{{- end }}

{{/* Stops the render when the gateway would refuse the rendered config for want of a secret. */}}
{{- define "okta-telephony-gateway.checkSecretRefs" -}}
{{- $acc := dict "refs" list }}
{{- include "okta-telephony-gateway.collectRefs" (dict "node" (include "okta-telephony-gateway.config" . | fromYaml) "path" "" "acc" $acc) }}
{{- $known := include "okta-telephony-gateway.knownEnv" . | fromJsonArray }}
{{- $problems := list }}
{{- range $acc.refs }}
{{- with include "okta-telephony-gateway.refProblem" (dict "root" $ "ref" . "known" $known) }}
{{- $problems = append $problems . }}
{{- end }}
{{- end }}
{{- with $problems }}
{{- fail (printf "config: the gateway would refuse to start with these values:\n  - %s" (join "\n  - " .)) }}
{{- end }}
{{- end }}
