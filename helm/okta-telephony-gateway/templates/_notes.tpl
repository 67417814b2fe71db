{{/* NOTES.txt pieces. */}}

{{/*
The "Authentication field" and "Authentication secret" lines of one hook (.hook: `hook` or
`events`): the header name, and the Secret key with the kubectl command that prints the secret.
*/}}
{{- define "okta-telephony-gateway.notesAuth" -}}
{{- $header := include "okta-telephony-gateway.headerName" . }}
{{- if $header }}
     Authentication field:   {{ $header }}
{{- with include "okta-telephony-gateway.secretSource" . }}
{{- $source := fromJson . }}
     Authentication secret:  key {{ $source.key }} of Secret {{ $source.secret }}, printed by
       kubectl --namespace {{ $.root.Release.Namespace }} get secret {{ $source.secret }} -o jsonpath='{.data.{{ $source.key | replace "." "\\." }}}' | base64 -d
{{- else }}
     Authentication secret:  the first value of config.{{ .hook }}.auth.headers[0].secrets
{{- end }}
{{- else if eq .hook "hook" }}
     Authentication:         OAuth 2.0 (config.hook.auth.oauth)
{{- end }}
{{- end }}

{{/*
Where the first secret of a hook's first header comes from (.hook: `hook` or `events`), as JSON
{ secret, key }: a key of the chart's Secret (env or files mode) or of an extraEnv secretKeyRef;
empty when the chart cannot tell (a literal, or a file it does not mount).
*/}}
{{- define "okta-telephony-gateway.secretSource" -}}
{{- $v := .root.Values }}
{{- $headers := dig .hook "auth" "headers" list ($v.config | default dict) }}
{{- $first := dig "secrets" list (first ($headers | default (list dict))) | default (list "") | first | toString }}
{{- $secretName := include "okta-telephony-gateway.secretName" .root }}
{{- $dir := printf "${file:%s/" (trimSuffix "/" $v.secrets.mountPath) }}
{{- $source := dict }}
{{- if regexMatch "^\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-.*)?\\}$" $first }}
{{- $var := regexReplaceAll "^\\$\\{([A-Za-z_][A-Za-z0-9_]*).*$" $first "${1}" }}
{{- if and $secretName (eq $v.secrets.mode "env") }}
{{- $source = dict "secret" $secretName "key" $var }}
{{- end }}
{{- range $v.extraEnv }}
{{- if and (eq .name $var) (dig "valueFrom" "secretKeyRef" "name" "" .) }}
{{- $source = dict "secret" .valueFrom.secretKeyRef.name "key" .valueFrom.secretKeyRef.key }}
{{- end }}
{{- end }}
{{- else if and $secretName (eq $v.secrets.mode "files") (hasPrefix $dir $first) }}
{{- $source = dict "secret" $secretName "key" (trimSuffix "}" (trimPrefix $dir $first)) }}
{{- end }}
{{- with $source }}{{ toJson . }}{{ end }}
{{- end }}

{{/* Name of the header Okta must send on a hook (`hook` or `events`), or nothing without one. */}}
{{- define "okta-telephony-gateway.headerName" -}}
{{- $headers := dig .hook "auth" "headers" list (.root.Values.config | default dict) }}
{{- if $headers }}
{{- (first $headers).name | default "authorization" }}
{{- end }}
{{- end }}
